// The reconciler's pass isolates each payment: one whose reconciliation keeps throwing is reported (its
// ID and the error, no card data) and the pass still settles every other PENDING payment. Both engines.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { ChargeResult } from "@/features/payments/processor/types";
import { reconcilePendingPayments } from "@/features/payments/settle-payment";

import { dueInvoiceData } from "../support/fixtures";
import { useTestDatabase as migratedTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = migratedTestDatabase({ seed: false });

/** The simulator, except that looking up one key fails every time (a row its ledger cannot read, say). */
class BrokenFor extends SimulatedProcessor {
  constructor(private readonly key: string) {
    super(0, "none");
  }
  override async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    if (idempotencyKey === this.key) throw new Error("ledger row unreadable for card 4242424242424242\nstack");
    return super.lookup(idempotencyKey);
  }
}

beforeAll(async () => {
  process.env.PAYMENT_DELAY_MS = "0";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  await testDb.db.user.create({
    data: { id: "iso-admin", email: "admin@iso.test", displayName: "A", passwordHash: "x" },
  });
  await testDb.db.billingAccount.create({
    data: { id: "iso-account", name: "Isolation", agreementType: "MCA", currency: "USD", createdAt: TEST_NOW },
  });
  await testDb.db.billingProfile.create({
    data: {
      id: "ISO-PROFILE",
      billingAccountId: "iso-account",
      name: "P",
      currency: "USD",
      defaultPaymentKind: "CARD",
    },
  });
});
afterAll(() => {
  delete process.env.SIM_NOW;
  setCardProcessor(undefined);
});

/** A Due invoice with a PENDING payment of all of it whose lease has expired (its server died). */
async function abandonedPayment(n: number) {
  const invoiceId = `G0ISO${String(n).padStart(5, "0")}`;
  await testDb.db.invoice.create({
    data: dueInvoiceData({ id: invoiceId, accountId: "iso-account", profileId: "ISO-PROFILE" }, 0),
  });
  return testDb.db.payment.create({
    data: {
      id: randomUUID(),
      invoiceId,
      billingAccountId: "iso-account",
      userId: "iso-admin",
      amountMinor: 100_00,
      currency: "USD",
      status: "PENDING",
      idempotencyKey: randomUUID(),
      // Oldest first: the broken one comes first in the pass.
      createdAt: new Date(TEST_NOW.getTime() + n * 1000),
      leaseExpiresAt: new Date(Date.now() - 60_000),
    },
  });
}

describe("a reconciler pass", () => {
  it("settles every other payment when one keeps throwing, and reports that one", async () => {
    const [broken, ...others] = [await abandonedPayment(1), await abandonedPayment(2), await abandonedPayment(3)];
    setCardProcessor(new BrokenFor(broken.idempotencyKey));

    const pass = await reconcilePendingPayments();

    expect(pass.settled).toBe(2);
    expect(pass.failed).toEqual([{ paymentId: broken.id, error: expect.stringContaining("ledger row unreadable") }]);
    expect(pass.failed[0].error).not.toMatch(/4242424242424242|stack/);
    const statuses = await testDb.db.payment.findMany({
      where: { id: { in: others.map((payment) => payment.id) } },
      select: { status: true },
    });
    expect(statuses.map((row) => row.status)).toEqual(["FAILED", "FAILED"]);
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: broken.id } })).status).toBe("PENDING");
  });
});
