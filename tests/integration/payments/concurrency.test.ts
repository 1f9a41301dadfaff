// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from docs/product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
//
// This file: payInvoice under concurrent requests, the new-card limit under a burst, and the decline
// limit (card-testing protection). On both engines (vitest.postgresql.config.ts runs it on PostgreSQL).
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { MAX_NEW_CARDS_PER_PROFILE } from "@/features/payment-methods/new-card-limit";
import { payInvoice } from "@/features/payments/pay-invoice";

import { advanceRealTime } from "../../support/real-time";
import { expectActionRefused, expectRefused, newCard, newCardForm, request, succeeded } from "./requests";
import {
  approvedCards,
  clock,
  freshInvoice,
  freshProfile,
  HOUR,
  invoiceRow,
  otherApprovedNumbers,
  processor,
  setClock,
  signInAs,
  t,
  testDb,
  world,
} from "./world";

describe("payInvoice: concurrent requests", () => {
  it("20 payments of the whole balance with different keys and cards: exactly one charge, never an overpayment", async () => {
    const invoice = await freshInvoice({ totalMinor: 4_321_09 });
    const numbers = [...approvedCards.map((card) => card.number), ...otherApprovedNumbers(16)];
    expect(new Set(numbers).size).toBe(20);
    const outcomes = await Promise.all(numbers.map((number) => payInvoice(request(invoice.id, newCard(number)))));

    const wins = outcomes.filter((outcome) => outcome.status === "succeeded");
    expect(wins).toHaveLength(1);
    expect(wins[0]).toMatchObject({ amountMinor: 4_321_09, paidInFull: true });
    for (const outcome of outcomes.filter((o) => o.status !== "succeeded")) {
      expect(outcome.status).toBe("refused");
      expect(["balanceChanged", "notPayable"]).toContain((outcome as { reason: string }).reason);
    }
    const payments = await testDb.db.payment.findMany({ where: { invoiceId: invoice.id } });
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")).toHaveLength(1);
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")[0].amountMinor).toBe(4_321_09);
    expect(payments.filter((payment) => payment.status === "PENDING")).toHaveLength(0);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });

  it("20 partial payments racing for a balance that holds only three: the balance never goes below zero", async () => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    const numbers = otherApprovedNumbers(20);
    const outcomes = await Promise.all(
      numbers.map((number) => payInvoice(request(invoice.id, newCard(number), { amountMinor: 300_00 }))),
    );
    const wins = outcomes.filter((outcome) => outcome.status === "succeeded");
    expect(wins).toHaveLength(3);
    const after = await invoiceRow(invoice.id);
    expect(after.amountDueMinor).toBe(100_00);
    const charged = await testDb.db.payment.aggregate({
      where: { invoiceId: invoice.id, status: "SUCCEEDED" },
      _sum: { amountMinor: true },
    });
    expect(charged._sum.amountMinor).toBe(900_00);
    expect(processor.calls).toHaveLength(3);
  });

  it("20 requests sharing one key: one payment row, one charge, one answer", async () => {
    const invoice = await freshInvoice({ totalMinor: 555_55 });
    const shared = request(invoice.id, newCard("4242424242424242"));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => payInvoice({ ...shared })));

    expect(await testDb.db.payment.count({ where: { idempotencyKey: shared.idempotencyKey } })).toBe(1);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment.status).toBe("SUCCEEDED");
    for (const outcome of outcomes) {
      // Each answer is the payment's: done, or still in progress when it was asked.
      expect(["succeeded", "inProgress"]).toContain(outcome.status);
      expect((outcome as { paymentId: string }).paymentId).toBe(payment.id);
    }
    expect(outcomes.filter((outcome) => outcome.status === "succeeded").length).toBeGreaterThanOrEqual(1);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
    // Asked again afterwards, every request gets the settled result.
    expect(await payInvoice({ ...shared })).toEqual({
      status: "succeeded",
      paymentId: payment.id,
      amountMinor: 555_55,
      currency: "USD",
      invoiceId: invoice.id,
      paidInFull: true,
    });
  });

  it("20 partial requests sharing one key take one part only", async () => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    const shared = request(invoice.id, newCard("4242424242424242"), { amountMinor: 100_00 });
    await Promise.all(Array.from({ length: 20 }, () => payInvoice({ ...shared })));
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(900_00);
    expect(processor.calls).toHaveLength(1);
  });
});

describe("payInvoice: the new-card limit under a burst", () => {
  it(`12 simultaneous payments with 12 new cards on one profile: exactly ${MAX_NEW_CARDS_PER_PROFILE} charged and saved, the rest refused before any charge`, async () => {
    const profileId = await freshProfile();
    const invoices = [];
    for (let i = 0; i < 12; i++) invoices.push(await freshInvoice({ totalMinor: 100_00 + i, profileId }));
    // An admin of its own, so the user's limit (10) has room and the profile's (5) is the one that holds.
    const userId = randomUUID();
    await testDb.db.user.create({
      data: { id: userId, email: `burst-${userId}@contoso.com`, displayName: "Burst Admin", passwordHash: "x" },
    });
    await testDb.db.roleAssignment.create({
      data: { id: randomUUID(), userId, billingAccountId: world.contoso, role: "BILLING_ACCOUNT_ADMIN" },
    });
    const numbers = otherApprovedNumbers(40).slice(20, 32);
    processor.calls.length = 0;
    const outcomes = await Promise.all(
      invoices.map((invoice, i) => payInvoice(request(invoice.id, newCard(numbers[i]), { userId }))),
    );

    expect(outcomes.filter((outcome) => outcome.status === "succeeded")).toHaveLength(MAX_NEW_CARDS_PER_PROFILE);
    expect(outcomes.filter((outcome) => outcome.status === "refused")).toEqual(
      Array.from({ length: 12 - MAX_NEW_CARDS_PER_PROFILE }, () => ({ status: "refused", reason: "tooManyNewCards" })),
    );
    expect(processor.calls).toHaveLength(MAX_NEW_CARDS_PER_PROFILE);
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: profileId } })).toBe(
      MAX_NEW_CARDS_PER_PROFILE,
    );
    expect(await testDb.db.payment.count({ where: { userId } })).toBe(MAX_NEW_CARDS_PER_PROFILE);
  });
});

describe("payInvoice: decline limit", () => {
  it("after 10 declines in an hour on the account, refuses further payments until the hour has passed", async () => {
    const invoice = await freshInvoice();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const outcome = await payInvoice(request(invoice.id, newCard("4000000000000002")));
      expect(outcome.status, `attempt ${attempt}`).toBe("declined");
    }
    expect(processor.calls).toHaveLength(10);
    processor.calls.length = 0;

    // The 11th attempt is refused, even with a good card, and nothing is written.
    await expectRefused(request(invoice.id, newCard("4242424242424242")), "tooManyDeclines");

    // Another admin of the same account is refused too: the limit is the account's.
    const otherAdmin = randomUUID();
    await testDb.db.user.create({
      data: {
        id: otherAdmin,
        email: `second-admin-${otherAdmin}@contoso.com`,
        displayName: "Second Admin",
        passwordHash: "x",
      },
    });
    await testDb.db.roleAssignment.create({
      data: { id: randomUUID(), userId: otherAdmin, billingAccountId: world.contoso, role: "BILLING_ACCOUNT_ADMIN" },
    });
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { userId: otherAdmin }), "tooManyDeclines");

    // Through the action, the user is told in plain words.
    await signInAs("admin@contoso.com");
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242"), t.refusals.tooManyDeclines);

    // The window is real time: the simulator's clock moving on a day changes nothing.
    setClock(new Date(clock.getTime() + 24 * HOUR));
    await expectRefused(request(invoice.id, newCard("4242424242424242")), "tooManyDeclines");
    // Still inside the real hour: refused. Once the hour of the first decline has passed: paid.
    advanceRealTime(HOUR - 60_000);
    await expectRefused(request(invoice.id, newCard("4242424242424242")), "tooManyDeclines");
    advanceRealTime(61_000);
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
  });

  it("nine declines still leave a tenth try", async () => {
    const invoice = await freshInvoice();
    for (let attempt = 1; attempt <= 9; attempt++)
      expect((await payInvoice(request(invoice.id, newCard("4000000000000127")))).status).toBe("declined");
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
  });
});
