// DELETE /api/sim/worlds/{id} and the idle expiry leave no row of a world behind, in any table — after the world
// was used: a failed and a good sign-in, a payment through the processor, a saved card, a month of its clock.
import { randomUUID } from "node:crypto";

import { describe, expect, it, vi } from "vitest";

import { verifyCredentials } from "@/features/access/credentials";
import { payInvoice } from "@/features/payments/pay-invoice";
import { deleteIdleWorlds } from "@/features/worlds/expiry";
import type { WorldView } from "@/features/worlds/world-view";

import { databaseSnapshot } from "../../support/db-snapshot";
import { control, DAY, newWorld, testDb, userOf } from "./world";

/** Uses a world the way a test does, writing to every table a world can reach. */
async function useWorld(world: WorldView) {
  const email = userOf(world, "admin").email;
  // A good sign-in clears the account's failed attempts: the failed one comes last, so it stays.
  expect((await verifyCredentials(email, "Passw0rd!", { address: "203.0.113.9" })).status).toBe("verified");
  expect((await verifyCredentials(email, "wrong password", { address: "203.0.113.9" })).status).toBe("wrong");
  const admin = await testDb.db.user.findUniqueOrThrow({ where: { email } });
  const invoice = await testDb.db.invoice.findFirstOrThrow({
    where: {
      billingAccount: { worldId: world.id },
      billingProfile: { name: "Contoso Engineering" },
      amountDueMinor: { gt: 0 },
    },
    orderBy: { invoiceDate: "desc" },
  });
  const outcome = await payInvoice({
    userId: admin.id,
    accountId: invoice.billingAccountId,
    invoiceId: invoice.id,
    idempotencyKey: randomUUID(),
    method: {
      kind: "new",
      card: {
        cardNumber: "4000056655665556",
        brand: "visa",
        last4: "5556",
        expMonth: 11,
        expYear: 2030,
        cvc: "123",
        holderName: "Cleanup",
        country: "US",
        postalCode: "98052",
      },
    },
  });
  expect(outcome.status).toBe("succeeded");
  expect((await control.clock(world.id, { body: { advanceDays: 40 } })).status).toBe(200);
  expect(await testDb.db.simulatedCharge.count()).toBeGreaterThan(0);
  expect(await testDb.db.signInAttempt.count({ where: { email } })).toBeGreaterThan(0);
}

describe("a deleted world", () => {
  it("leaves no row behind: every table is as it was before the world was made", async () => {
    const before = await databaseSnapshot(testDb.db);
    const world = await newWorld();
    await useWorld(world);
    expect(await databaseSnapshot(testDb.db)).not.toEqual(before);
    expect((await control.delete(world.id)).status).toBe(204);
    expect(await databaseSnapshot(testDb.db)).toEqual(before);
  });
});

describe("idle worlds", () => {
  it("are deleted after SIM_WORLD_IDLE_MINUTES without use, whole; a world in use stays", async () => {
    vi.stubEnv("SIM_WORLD_IDLE_MINUTES", "30");
    const before = await databaseSnapshot(testDb.db);
    const [idle, busy] = await Promise.all([newWorld(), newWorld()]);
    await useWorld(idle);
    await testDb.db.world.update({ where: { id: idle.id }, data: { lastUsedAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await deleteIdleWorlds()).toBe(1);
    expect((await control.get(idle.id)).status).toBe(404);
    expect((await control.get(busy.id)).status).toBe(200);
    expect((await control.delete(busy.id)).status).toBe(204);
    expect(await databaseSnapshot(testDb.db)).toEqual(before);
  });

  it("are swept when a new world is made", async () => {
    vi.stubEnv("SIM_WORLD_IDLE_MINUTES", "5");
    const old = await newWorld();
    await testDb.db.world.update({ where: { id: old.id }, data: { lastUsedAt: new Date(Date.now() - DAY) } });
    const fresh = await newWorld();
    expect((await control.get(old.id)).status).toBe(404);
    expect((await control.get(fresh.id)).status).toBe(200);
    expect((await control.get(fresh.id).then((r) => r.json())).expiresAt).toMatch(/^\d{4}-/);
  });
});
