// The payment invariants under simultaneous requests, on whichever engine the
// run uses (TEST_ENGINE). SQLite serialises writers, so there they hold by
// construction; PostgreSQL runs these requests truly at once on its connection
// pool (10 connections), which is what these tests are for: the decline limit
// under a burst, a new card saved once, a settlement claimed once, one
// notification per payment, and abandonment that is final at the processor.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { payInvoice, type PayRequest } from "@/features/payments/pay-invoice";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import { MAX_DECLINES_PER_ACCOUNT } from "@/features/payments/rate-limit";
import { settlePayment } from "@/features/payments/settle-payment";

import { dueInvoiceData, newCardMethod } from "../support/fixtures";
import { useTestDatabase as migratedTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = migratedTestDatabase({ seed: false });

/** The simulated processor, counting what reached it. */
class CountingProcessor extends SimulatedProcessor {
  readonly calls: ChargeRequest[] = [];
  constructor() {
    super(0, "none");
  }
  override async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.calls.push(request);
    return super.charge(request);
  }
}
let processor: CountingProcessor;

beforeAll(() => {
  process.env.PAYMENT_DELAY_MS = "0";
  process.env.SIM_NOW = TEST_NOW.toISOString();
});
afterAll(() => {
  delete process.env.SIM_NOW;
  setCardProcessor(undefined);
});
beforeEach(() => {
  processor = new CountingProcessor();
  setCardProcessor(processor);
});

let accounts = 0;
/** A billing account of its own with one admin and `invoices` Due invoices of $100.00 (so no decline window is shared). */
async function freshAccount(invoices: number) {
  const n = ++accounts;
  const accountId = `conc-${n}:00000000-0000-4000-8000-000000000000_2024-01-01`;
  const profileId = `CONC-${n}-PROFILE`;
  const userId = `conc-${n}-admin`;
  const db = testDb.db;
  await db.user.create({ data: { id: userId, email: `admin${n}@conc.test`, displayName: "Admin", passwordHash: "x" } });
  await db.billingAccount.create({
    data: { id: accountId, name: `Concurrency ${n}`, agreementType: "MCA", currency: "USD", createdAt: TEST_NOW },
  });
  await db.billingProfile.create({
    data: { id: profileId, billingAccountId: accountId, name: "Profile", currency: "USD", defaultPaymentKind: "CARD" },
  });
  await db.roleAssignment.create({
    data: { id: randomUUID(), userId, billingAccountId: accountId, role: "BILLING_ACCOUNT_ADMIN" },
  });
  const ids: string[] = [];
  for (let i = 0; i < invoices; i++) {
    const id = `G0C${String(n).padStart(3, "0")}${String(i).padStart(4, "0")}`;
    await db.invoice.create({ data: dueInvoiceData({ id, accountId, profileId }) });
    ids.push(id);
  }
  return { accountId, profileId, userId, invoices: ids };
}

function request(account: { accountId: string; userId: string }, invoiceId: string, number: string): PayRequest {
  return {
    userId: account.userId,
    accountId: account.accountId,
    invoiceId,
    idempotencyKey: randomUUID(),
    method: newCardMethod(number),
  };
}

describe("simultaneous payments", () => {
  it("20 declines fired at once on 20 invoices: the processor sees at most the limit", async () => {
    const account = await freshAccount(20);
    const outcomes = await Promise.all(
      account.invoices.map((invoiceId) => payInvoice(request(account, invoiceId, "4000000000000002"))),
    );
    const declined = outcomes.filter((outcome) => outcome.status === "declined").length;
    const refused = outcomes.filter((o) => o.status === "refused" && o.reason === "tooManyDeclines").length;
    expect(declined + refused).toBe(20);
    expect(processor.calls.length).toBeLessThanOrEqual(MAX_DECLINES_PER_ACCOUNT);
    expect(declined).toBe(processor.calls.length);
    expect(await testDb.db.payment.count({ where: { billingAccountId: account.accountId } })).toBe(declined);
    // Every refused invoice still owes its whole amount.
    const owed = await testDb.db.invoice.aggregate({
      where: { billingAccountId: account.accountId },
      _sum: { amountDueMinor: true },
    });
    expect(owed._sum.amountDueMinor).toBe(20 * 100_00);
  });

  it("8 invoices paid at once with the same new card: the card is saved once", async () => {
    const account = await freshAccount(8);
    const outcomes = await Promise.all(
      account.invoices.map((invoiceId) => payInvoice(request(account, invoiceId, "5555555555554444"))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(8).fill("succeeded"));
    const cards = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: account.profileId } });
    expect(cards).toHaveLength(1);
    const payments = await testDb.db.payment.findMany({ where: { billingAccountId: account.accountId } });
    expect(new Set(payments.map((payment) => payment.paymentMethodId))).toEqual(new Set([cards[0].id]));
  });

  it("one answer settled by 10 callers at once: one SUCCEEDED, one notification, the balance reserved once", async () => {
    const account = await freshAccount(1);
    const [invoiceId] = account.invoices;
    // A payment left PENDING (no answer yet), as a timed-out request leaves it.
    const paymentId = randomUUID();
    const key = randomUUID();
    await testDb.db.$transaction([
      testDb.db.invoice.update({ where: { id: invoiceId }, data: { amountDueMinor: 0 } }),
      testDb.db.payment.create({
        data: {
          id: paymentId,
          invoiceId,
          billingAccountId: account.accountId,
          userId: account.userId,
          amountMinor: 100_00,
          currency: "USD",
          status: "PENDING",
          idempotencyKey: key,
          createdAt: TEST_NOW,
        },
      }),
    ]);
    const pending = {
      id: paymentId,
      invoiceId,
      userId: account.userId,
      amountMinor: 100_00,
      currency: "USD",
      paymentMethodId: null,
      idempotencyKey: key,
    };
    const settled = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        settlePayment(
          pending,
          i % 2 ? { outcome: "approved", reference: "SIM-1" } : { outcome: "declined", code: "generic_decline" },
        ),
      ),
    );
    expect(settled.filter(Boolean)).toHaveLength(1);
    const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(await testDb.db.notification.count({ where: { userId: account.userId } })).toBe(1);
    const invoice = await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    // Approved keeps the reservation; declined gives it back exactly once.
    expect(invoice.amountDueMinor).toBe(payment.status === "SUCCEEDED" ? 0 : 100_00);
  });
});
