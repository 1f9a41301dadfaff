// Settle balance inside a world made by the control API: a retry of the same attempt replays the first
// answer for every invoice it paid (the world's keys are stored and looked up through one helper), and
// nothing is charged twice. Runs on both engines.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { settleBalance } from "@/features/settle-balance/settle-balance";

import { accountOf, newWorld, testDb, userOf } from "./world";

describe("Settle balance in a world", () => {
  it("a retry of the same attempt answers as the first did, and charges nothing more", async () => {
    const world = await newWorld();
    const fabrikam = accountOf(world, "Fabrikam, Inc.");
    const admin = userOf(world, "admin", "Fabrikam, Inc.");
    const userId = (await testDb.db.user.findUniqueOrThrow({ where: { email: admin.email } })).id;
    const subscription = await testDb.db.subscription.findFirstOrThrow({ where: { billingAccountId: fabrikam.id } });
    const request = {
      userId,
      accountId: fabrikam.id,
      settleAttemptId: randomUUID(),
      method: { kind: "saved" as const, paymentMethodId: subscription.defaultPaymentMethodId! },
    };

    const first = await settleBalance(request);
    expect(first.status).toBe("settled");
    const paid = first.status === "settled" ? first.invoices : [];
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.map((invoice) => invoice.outcome.status)).toEqual(paid.map(() => "succeeded"));

    const again = await settleBalance(request);
    expect(again).toEqual(first);
    const charges = await testDb.db.simulatedCharge.count({
      where: { idempotencyKey: { startsWith: `${world.id}:settle:${request.settleAttemptId}:` } },
    });
    expect(charges).toBe(paid.length);
  });
});
