// Reconciling PENDING payments when several servers share one database: a
// payment inside its lease is left to the server that took it; after the lease
// the processor is asked, and a charge it never received is abandoned there
// first, so a late charge on that key cannot succeed. Runs on both engines.
import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { payInvoice } from "@/features/payments/pay-invoice";
import { cardProcessor, setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { ChargeRequest } from "@/features/payments/processor/types";
import { reconcilePendingPayments } from "@/features/payments/settle-payment";
import { databaseNow } from "@/server/db/database-clock";

import { dueInvoiceData, newCardMethod } from "../support/fixtures";
import { useTestDatabase as migratedTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = migratedTestDatabase({ seed: false });
const APPROVED: ChargeRequest["card"] = {
  fingerprint: "not-a-test-card",
  brand: "visa",
  last4: "1111",
  expMonth: 12,
  expYear: 2030,
};

beforeAll(async () => {
  process.env.PAYMENT_DELAY_MS = "0";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  await testDb.db.user.create({
    data: { id: "rec-admin", email: "admin@rec.test", displayName: "A", passwordHash: "x" },
  });
  await testDb.db.billingAccount.create({
    data: { id: "rec-account", name: "Reconcile", agreementType: "MCA", currency: "USD", createdAt: TEST_NOW },
  });
  await testDb.db.billingProfile.create({
    data: {
      id: "REC-PROFILE",
      billingAccountId: "rec-account",
      name: "P",
      currency: "USD",
      defaultPaymentKind: "CARD",
    },
  });
  await testDb.db.roleAssignment.create({
    data: { id: "rec-role", userId: "rec-admin", billingAccountId: "rec-account", role: "BILLING_ACCOUNT_ADMIN" },
  });
});
afterAll(() => {
  delete process.env.SIM_NOW;
  delete process.env.PAYMENT_TIMEOUT_MS;
  setCardProcessor(undefined);
});
beforeEach(() => setCardProcessor(new SimulatedProcessor(0, "none")));

let invoices = 0;
/** A Due invoice of $100.00 with a PENDING payment of all of it (reserved), as a server leaves it mid-payment. */
async function pendingPayment(leaseExpiresAt: Date | null) {
  const invoiceId = `G0REC${String(++invoices).padStart(5, "0")}`;
  const key = randomUUID();
  await testDb.db.invoice.create({
    data: dueInvoiceData({ id: invoiceId, accountId: "rec-account", profileId: "REC-PROFILE" }, 0),
  });
  const payment = await testDb.db.payment.create({
    data: {
      id: randomUUID(),
      invoiceId,
      billingAccountId: "rec-account",
      userId: "rec-admin",
      amountMinor: 100_00,
      currency: "USD",
      status: "PENDING",
      idempotencyKey: key,
      createdAt: TEST_NOW,
      leaseExpiresAt,
    },
  });
  const charge = () =>
    cardProcessor().charge({
      idempotencyKey: key,
      amountMinor: 100_00,
      currency: "USD",
      card: APPROVED,
      description: `Microsoft Azure invoice ${invoiceId}`,
    });
  const read = async () => ({
    payment: await testDb.db.payment.findUniqueOrThrow({ where: { id: payment.id } }),
    invoice: await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } }),
    ledger: await testDb.db.simulatedCharge.findMany({ where: { idempotencyKey: key } }),
    notifications: await testDb.db.notification.count({ where: { params: { contains: invoiceId } } }),
  });
  return { payment, charge, read };
}

describe("reconciling PENDING payments", () => {
  it("leaves a payment inside its lease to the server that took it, even when the processor never heard of it", async () => {
    const { read } = await pendingPayment(new Date(Date.now() + 60_000));
    await reconcilePendingPayments();
    const { payment, invoice, ledger } = await read();
    expect(payment.status).toBe("PENDING");
    expect(invoice.amountDueMinor).toBe(0);
    expect(ledger).toEqual([]);
  });

  it("settles a payment inside its lease whose charge the processor has", async () => {
    const { charge, read } = await pendingPayment(new Date(Date.now() + 60_000));
    expect((await charge()).outcome).toBe("approved");
    await reconcilePendingPayments();
    const { payment, invoice, notifications } = await read();
    expect(payment.status).toBe("SUCCEEDED");
    expect(invoice.amountDueMinor).toBe(0);
    expect(notifications).toBe(1);
  });

  it("abandons a payment past its lease at the processor first: the late charge on that key is refused, the amount given back", async () => {
    const { charge, read } = await pendingPayment(new Date(Date.now() - 1));
    expect((await reconcilePendingPayments()).settled).toBeGreaterThanOrEqual(1);
    let state = await read();
    expect(state.payment).toMatchObject({ status: "FAILED", declineCode: "processing_error" });
    expect(state.invoice.amountDueMinor).toBe(100_00);
    expect(state.ledger.map((row) => row.outcome)).toEqual(["abandoned"]);
    // The server that took it answers late: the processor refuses, nothing is charged.
    expect(await charge()).toEqual({ outcome: "declined", code: "processing_error" });
    state = await read();
    expect(state.ledger).toHaveLength(1);
    expect(state.payment.status).toBe("FAILED");
    expect(state.notifications).toBe(1);
  });

  it("a payment recorded before leases existed (no lease) is reconciled as expired", async () => {
    const { read } = await pendingPayment(null);
    await reconcilePendingPayments();
    expect((await read()).payment.status).toBe("FAILED");
  });

  it("five reconcilers at once (five servers) settle each payment once, with one notification", async () => {
    const approved = await pendingPayment(new Date(Date.now() + 60_000));
    await approved.charge();
    const abandoned = await pendingPayment(new Date(Date.now() - 1));
    const settled = await Promise.all(Array.from({ length: 5 }, () => reconcilePendingPayments()));
    expect(settled.reduce((sum, pass) => sum + pass.settled, 0)).toBe(2);
    const [a, b] = [await approved.read(), await abandoned.read()];
    expect([a.payment.status, b.payment.status]).toEqual(["SUCCEEDED", "FAILED"]);
    expect([a.notifications, b.notifications]).toEqual([1, 1]);
    expect([a.invoice.amountDueMinor, b.invoice.amountDueMinor]).toEqual([0, 100_00]);
    expect(b.ledger).toHaveLength(1);
  });
});

describe("a processor answer after the payment timeout", () => {
  it("is settled as soon as it arrives, without a retry", async () => {
    process.env.PAYMENT_TIMEOUT_MS = "50";
    process.env.SIM_PROCESSOR_SLOW_MS = "400";
    setCardProcessor(new SimulatedProcessor(0, "slow"));
    const invoiceId = `G0REC${String(++invoices).padStart(5, "0")}`;
    await testDb.db.invoice.create({
      data: dueInvoiceData({ id: invoiceId, accountId: "rec-account", profileId: "REC-PROFILE" }),
    });
    const outcome = await payInvoice({
      userId: "rec-admin",
      accountId: "rec-account",
      invoiceId,
      idempotencyKey: randomUUID(),
      method: newCardMethod("4242424242424242"),
    });
    expect(outcome.status).toBe("inProgress");
    const payment = () => testDb.db.payment.findFirstOrThrow({ where: { invoiceId } });
    expect((await payment()).status).toBe("PENDING");
    await expect.poll(async () => (await payment()).status, { timeout: 5_000, interval: 100 }).toBe("SUCCEEDED");
    // The new card was saved by that late settlement.
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: "REC-PROFILE" } })).toBe(1);
    delete process.env.SIM_PROCESSOR_SLOW_MS;
  });
});

// Two servers whose clocks disagree by more than the lease margin (10 s) judge a lease on the same
// clock, the database's: the one running ahead does not abandon a payment the other still waits on, and
// one running behind does not write a lease that has already run out. The server's skew is its Date.
describe("leases on the database's clock, whatever each server's clock says", () => {
  afterEach(() => vi.useRealTimers());
  const skewServerClock = (ms: number) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + ms);
  };

  it("a server 60 s ahead leaves a live lease, written 25 s ahead of the database's clock, to its owner", async () => {
    const written = await databaseNow(testDb.db);
    const { read } = await pendingPayment(new Date(written.getTime() + 25_000));
    skewServerClock(60_000);
    await reconcilePendingPayments();
    const { payment, ledger } = await read();
    expect(payment.status).toBe("PENDING");
    expect(ledger).toEqual([]);
  });

  it("a server 60 s behind writes its lease from the database's clock, and the lease still runs out on time", async () => {
    process.env.PAYMENT_TIMEOUT_MS = "50";
    process.env.SIM_PROCESSOR_SLOW_MS = "2000";
    setCardProcessor(new SimulatedProcessor(0, "slow"));
    const invoiceId = `G0REC${String(++invoices).padStart(5, "0")}`;
    await testDb.db.invoice.create({
      data: dueInvoiceData({ id: invoiceId, accountId: "rec-account", profileId: "REC-PROFILE" }),
    });
    skewServerClock(-60_000);
    const before = await databaseNow(testDb.db);
    const outcome = await payInvoice({
      userId: "rec-admin",
      accountId: "rec-account",
      invoiceId,
      idempotencyKey: randomUUID(),
      method: newCardMethod("4242424242424242"),
    });
    expect(outcome.status).toBe("inProgress");
    const { leaseExpiresAt } = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId } });
    // The payment timeout (50 ms) and the margin (10 s) from the database's clock, not from the lagging server's.
    expect(leaseExpiresAt!.getTime() - before.getTime()).toBeGreaterThanOrEqual(10_000);
    expect(leaseExpiresAt!.getTime() - before.getTime()).toBeLessThan(15_000);
    delete process.env.SIM_PROCESSOR_SLOW_MS;
  });
});
