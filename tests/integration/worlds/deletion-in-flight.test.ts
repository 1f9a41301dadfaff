// DELETE /api/sim/worlds/{id} while a payment of the world is at the processor: refused (409, nothing
// deleted) until the payment has settled, which it then does normally; deleted afterwards, every row of the
// world goes, the processor's ledger included. New card and saved card, on both engines.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { payInvoice, type PayMethod } from "@/features/payments/pay-invoice";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import type { WorldView } from "@/features/worlds/world-view";

import { databaseSnapshot } from "../../support/db-snapshot";
import { control, newWorld, testDb, userOf } from "./world";

/** The simulator, holding every charge until `release()`: a payment stays at the processor meanwhile. */
class HeldProcessor extends SimulatedProcessor {
  release: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  constructor() {
    super(0, "none");
  }
  override async charge(request: ChargeRequest): Promise<ChargeResult> {
    await this.gate;
    return super.charge(request);
  }
}

const NEW_CARD: PayMethod = {
  kind: "new",
  card: {
    cardNumber: "4000056655665556",
    brand: "visa",
    last4: "5556",
    expMonth: 11,
    expYear: 2030,
    cvc: "123",
    holderName: "In flight",
    country: "US",
    postalCode: "98052",
  },
};

async function payingWorld(world: WorldView) {
  const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: userOf(world, "admin").email } });
  const invoice = await testDb.db.invoice.findFirstOrThrow({
    where: {
      billingAccount: { worldId: world.id },
      amountDueMinor: { gt: 0 },
      billingProfile: { paymentMethods: { some: {} } },
    },
    include: { billingProfile: { include: { paymentMethods: { where: { removedAt: null } } } } },
    orderBy: { invoiceDate: "desc" },
  });
  return { admin, invoice };
}

describe.each([
  ["a new card", "new"],
  ["a saved card", "saved"],
] as const)("deleting a world while a payment with %s is in flight", (_label, kind) => {
  it("is refused (409, nothing deleted); the payment settles; then the world goes whole, ledger included", async () => {
    const before = await databaseSnapshot(testDb.db);
    const world = await newWorld();
    const { admin, invoice } = await payingWorld(world);
    const saved = invoice.billingProfile.paymentMethods.find((card) => card.expYear >= 2027);
    const method: PayMethod = kind === "new" ? NEW_CARD : { kind: "saved", paymentMethodId: saved!.id };
    const processor = new HeldProcessor();
    setCardProcessor(processor);
    const paying = payInvoice({
      userId: admin.id,
      accountId: invoice.billingAccountId,
      invoiceId: invoice.id,
      idempotencyKey: randomUUID(),
      amountMinor: Math.min(invoice.amountDueMinor, 500),
      method,
    });
    const pending = () => testDb.db.payment.count({ where: { invoiceId: invoice.id, status: "PENDING" } });
    await expect.poll(pending, { timeout: 15_000 }).toBe(1);

    const refused = await control.delete(world.id);
    expect(refused.status).toBe(409);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ error: "PaymentsInProgress", pending: 1 });
    expect((await control.get(world.id)).status).toBe(200);

    processor.release();
    expect((await paying).status).toBe("succeeded");
    expect(await testDb.db.simulatedCharge.count({ where: { idempotencyKey: { startsWith: `${world.id}:` } } })).toBe(
      1,
    );

    expect((await control.delete(world.id)).status).toBe(204);
    expect(await databaseSnapshot(testDb.db)).toEqual(before);
  });
});
