// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from docs/product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
//
// This file: payInvoiceAction: saved cards, idempotency, partial payments, invoices that cannot be paid by card.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { getInvoiceDetails } from "@/features/invoices/queries";
import { payInvoiceAction } from "@/features/payments/actions";
import { payInvoice } from "@/features/payments/pay-invoice";
import { invoiceStatus } from "@/lib/invoice-status";
import { cardFingerprint } from "@/server/card-fingerprint";

import { TEST_NOW } from "../../support/test-db";
import {
  expectActionRefused,
  expectRedirect,
  newCardForm,
  payForm,
  request,
  savedCard,
  savedCardForm,
  succeeded,
} from "./requests";
import { clock, freshInvoice, idle, invoiceRow, processor, setClock, signInAs, t, testDb, world } from "./world";

describe("payInvoiceAction: saved cards", () => {
  it("declines the saved Visa ending 0002 and gives the balance back", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const state = await payInvoiceAction(idle, savedCardForm(invoice.id, world.cards.visa0002));
    expect(state).toMatchObject({ status: "declined", message: t.declines.generic_decline, retryable: false });
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(invoice.totalMinor);
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({
      status: "FAILED",
      declineCode: "generic_decline",
      paymentMethodId: world.cards.visa0002,
      cardLast4: "0002",
    });
  });

  it("refuses the expired Amex ending 0005", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectActionRefused(savedCardForm(invoice.id, world.cards.amex0005), t.refusals.cardExpired);
  });

  it("refuses a card of another billing profile of the same account", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice(); // a new profile: Engineering's cards are not its own
    await expectActionRefused(savedCardForm(invoice.id, world.cards.visa4242), t.refusals.cardNotUsable);
  });

  it("refuses a card of another billing account", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectActionRefused(savedCardForm(invoice.id, world.cards.fabrikamMastercard), t.refusals.cardNotUsable);
  });

  it("refuses a removed card", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const removed = await testDb.db.paymentMethod.create({
      data: {
        id: randomUUID(),
        billingProfileId: world.engineering,
        brand: "visa",
        last4: "1111",
        expMonth: 12,
        expYear: 2030,
        holderName: "Old card",
        country: "US",
        postalCode: "98052",
        fingerprint: cardFingerprint("4111111111111111"),
        createdAt: TEST_NOW,
        removedAt: TEST_NOW,
      },
    });
    await expectActionRefused(savedCardForm(invoice.id, removed.id), t.refusals.cardNotUsable);
  });

  it("asks for a payment method when none is chosen", async () => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, ""), t.errors.chooseMethod);
  });
});

describe("payInvoiceAction: idempotency", () => {
  it("the same key twice is one payment, one charge, and the same answer", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const form = savedCardForm(invoice.id, world.cards.visa4242);
    const first = await expectRedirect(payInvoiceAction(idle, form));
    const second = await expectRedirect(payInvoiceAction(idle, form));
    expect(second).toEqual(first);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });

  it("the same key after a decline answers the decline again without charging", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const form = newCardForm(invoice.id, "4000000000009995");
    const first = await payInvoiceAction(idle, form);
    const second = await payInvoiceAction(idle, form);
    expect(first).toMatchObject({ status: "declined", message: t.declines.insufficient_funds });
    expect(second).toMatchObject({ status: "declined", message: t.declines.insufficient_funds });
    expect(processor.calls).toHaveLength(1);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });
});

describe("payInvoiceAction: partial payments", () => {
  it("two parts summing to the amount due pay the Past due invoice, whose details list both payments", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await invoiceRow(world.invoices.pastDue);
    expect(invoiceStatus(invoice, clock)).toBe("pastDue");
    const total = invoice.amountDueMinor;
    const firstPart = 1_000_00;
    const rest = total - firstPart;
    const major = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

    const first = await payInvoiceAction(idle, savedCardForm(invoice.id, world.cards.visa4242, { amount: "1000.00" }));
    expect(first).toMatchObject({ status: "succeeded", amountMinor: firstPart, paidInFull: false });
    const between = await invoiceRow(invoice.id);
    expect(between.amountDueMinor).toBe(rest);
    expect(invoiceStatus(between, clock)).toBe("partiallyPaid");

    // The second part a minute later: payments are listed by time (equal times have no defined order).
    setClock(new Date(clock.getTime() + 60_000));
    const { paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "5555555555554444", { amount: major(rest) })),
    );
    const after = await invoiceRow(invoice.id);
    expect(after.amountDueMinor).toBe(0);
    expect(invoiceStatus(after, clock)).toBe("paid");

    const details = await getInvoiceDetails(world.contoso, invoice.id);
    const succeededPayments = details!.payments.filter((payment) => payment.status === "SUCCEEDED");
    expect(succeededPayments).toHaveLength(2);
    expect(succeededPayments.map((payment) => payment.amountMinor)).toEqual([firstPart, rest]);
    expect(succeededPayments.map((payment) => payment.cardLast4)).toEqual(["4242", "4444"]);
    expect(succeededPayments[1].id).toBe(paid);
    expect(succeededPayments[0].amountMinor + succeededPayments[1].amountMinor).toBe(invoice.totalMinor);
  });

  it("pays the rest of the seeded Partially paid invoice, below the minimum or not", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await invoiceRow(world.invoices.partiallyPaid);
    expect(invoiceStatus(invoice, clock)).toBe("partiallyPaid");
    const outcome = succeeded(await payInvoice(request(invoice.id, savedCard(world.cards.mastercard4444))));
    expect(outcome).toMatchObject({
      amountMinor: invoice.amountDueMinor,
      paidInFull: true,
      invoiceId: invoice.id,
      currency: "USD",
    });
    const details = await getInvoiceDetails(world.contoso, invoice.id);
    expect(
      details!.payments
        .filter((payment) => payment.status === "SUCCEEDED")
        .reduce((sum, payment) => sum + payment.amountMinor, 0),
    ).toBe(invoice.totalMinor);
  });

  it("accepts a remaining balance below the minimum when it is paid whole", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 100_00, amountDueMinor: 3_00 });
    const { paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242", { amount: "3.00" })),
    );
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).amountMinor).toBe(3_00);
  });

  it.each([
    ["below the minimum", "4.99", t.refusals.belowMinimum],
    ["zero", "0.00", t.refusals.notPositive],
    ["above the amount due", "1000.01", t.refusals.aboveAmountDue],
    ["with three decimals", "5.001", t.errors.amountFormat],
    ["negative", "-5.00", t.errors.amountFormat],
    ["not a number", "five", t.errors.amountFormat],
    ["in exponent notation", "1e3", t.errors.amountFormat],
  ])("refuses an amount %s and writes nothing", async (_label, amount, message) => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242", { amount }), message);
  });
});

describe("payInvoiceAction: invoices that cannot be paid by card", () => {
  it("refuses the $72,450.00 invoice above the card limit", async () => {
    await signInAs("admin@contoso.com");
    const state = await expectActionRefused(
      newCardForm(world.invoices.aboveLimit, "4242424242424242"),
      t.refusals.aboveCardLimit,
    );
    expect(state.status).toBe("error");
    // Not even a part of it can be paid by card.
    await expectActionRefused(
      newCardForm(world.invoices.aboveLimit, "4242424242424242", { amount: "100.00" }),
      t.refusals.aboveCardLimit,
    );
  });

  it("allows an invoice of exactly USD 50,000.00", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 50_000_00 });
    const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242")));
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).amountMinor).toBe(50_000_00);
  });

  it("refuses an invoice of USD 50,000.01", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 50_000_01 });
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242"), t.refusals.aboveCardLimit);
  });

  it.each([
    ["an already paid invoice", () => world.invoices.paid[5]],
    ["the Void invoice", () => world.invoices.void],
  ])("refuses %s and writes nothing", async (_label, invoiceId) => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(savedCardForm(invoiceId(), world.cards.visa4242), t.refusals.notPayable);
  });

  it("refuses Fabrikam's admin Pay now on the MOSP account (Settle balance instead)", async () => {
    await signInAs("admin@fabrikam.com");
    const form = payForm({
      accountId: world.fabrikam,
      invoiceId: world.invoices.fabrikamDue,
      idempotencyKey: randomUUID(),
      method: "saved",
      paymentMethodId: world.cards.fabrikamMastercard,
    });
    await expectActionRefused(form, t.refusals.agreement);
  });
});
