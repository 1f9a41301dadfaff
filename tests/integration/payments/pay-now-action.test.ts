// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from docs/product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
//
// This file: payInvoiceAction as the blade calls it: paying in full, and each test card as a new card.

import { describe, expect, it } from "vitest";

import { payInvoiceAction } from "@/features/payments/actions";
import { invoiceStatus } from "@/lib/invoice-status";
import { cardFingerprint } from "@/server/card-fingerprint";

import { revalidatePath } from "../../support/next-request";
import { expectActionRefused, expectRedirect, newCardForm, savedCardForm } from "./requests";
import {
  approvedCards,
  clock,
  decliningCards,
  freshInvoice,
  idle,
  invoiceRow,
  processor,
  signInAs,
  t,
  testDb,
  world,
} from "./world";

describe("payInvoiceAction: paying in full", () => {
  it("pays the Due invoice with the default saved Visa, closes the blade onto the grid and leaves a notification", async () => {
    await signInAs("admin@contoso.com");
    const before = await invoiceRow(world.invoices.due);
    expect(invoiceStatus(before, clock)).toBe("due");
    expect(before.amountDueMinor).toBe(before.totalMinor);
    const returnTo = `/billing/${encodeURIComponent(world.contoso)}/invoices?status=due&page=1`;

    const { url, paid } = await expectRedirect(
      payInvoiceAction(idle, savedCardForm(world.invoices.due, world.cards.visa4242, { returnTo })),
    );
    expect(url).toBe(`${returnTo}&paid=${paid}`);

    const after = await invoiceRow(world.invoices.due);
    expect(after.amountDueMinor).toBe(0);
    expect(invoiceStatus(after, clock)).toBe("paid");
    const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } });
    expect(payment).toMatchObject({
      invoiceId: world.invoices.due,
      billingAccountId: world.contoso,
      userId: world.users.contosoAdmin,
      paymentMethodId: world.cards.visa4242,
      amountMinor: before.totalMinor,
      currency: "USD",
      kind: "CARD",
      status: "SUCCEEDED",
      declineCode: null,
      cardBrand: "visa",
      cardLast4: "4242",
    });
    expect(payment.processorReference).toMatch(/^SIM-[0-9A-F]{12}$/);
    expect(payment.settledAt).toEqual(clock);

    // One charge, naming the invoice number, carrying no card number.
    expect(processor.calls).toHaveLength(1);
    expect(processor.calls[0]).toMatchObject({
      amountMinor: before.totalMinor,
      currency: "USD",
      idempotencyKey: payment.idempotencyKey,
    });
    expect(processor.calls[0].description).toContain(world.invoices.due);
    expect(Object.keys(processor.calls[0].card).sort()).toEqual([
      "brand",
      "expMonth",
      "expYear",
      "fingerprint",
      "last4",
    ]);

    const notifications = await testDb.db.notification.findMany({
      where: { kind: "PAYMENT_SUCCEEDED", createdAt: clock },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0].userId).toBe(world.users.contosoAdmin);
    expect(JSON.parse(notifications[0].params)).toEqual({
      amountMinor: before.totalMinor,
      currency: "USD",
      invoiceId: world.invoices.due,
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/billing/${encodeURIComponent(world.contoso)}/invoices`);
  });

  it("goes back to the account's invoices grid without a return path", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const { url, paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242")));
    expect(url).toBe(`/billing/${encodeURIComponent(world.contoso)}/invoices?paid=${paid}`);
  });

  it("does not follow a return path to another site", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const { url, paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242", { returnTo: "//evil.example/phish" })),
    );
    expect(url).toBe(`/?paid=${paid}`);
  });
});

describe("payInvoiceAction: each test card as a new card", () => {
  it.each(approvedCards)(
    "$number ($brand) is approved, pays the invoice and is saved without its number or code",
    async ({ number, brand }) => {
      await signInAs("admin@contoso.com");
      const invoice = await freshInvoice({ totalMinor: 2_345_67 });
      const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, number)));

      expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
      const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } });
      expect(payment).toMatchObject({
        status: "SUCCEEDED",
        amountMinor: 2_345_67,
        cardBrand: brand,
        cardLast4: number.slice(-4),
        declineCode: null,
      });

      const saved = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: invoice.billingProfileId } });
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({
        id: payment.paymentMethodId,
        brand,
        last4: number.slice(-4),
        expMonth: 12,
        expYear: 2030,
        holderName: "Adele Vance",
        country: "US",
        postalCode: "98052",
        fingerprint: cardFingerprint(number),
        removedAt: null,
      });
      const stored = JSON.stringify([saved[0], payment]);
      expect(stored).not.toContain(number);
      expect(Object.keys(saved[0]).join(",")).not.toMatch(/number|cvc|cvv|security/i);
    },
  );

  it.each(decliningCards)(
    "$number is declined with $code: the balance is restored and the card is not saved",
    async ({ number, code, retryable }) => {
      await signInAs("admin@contoso.com");
      const invoice = await freshInvoice({ totalMinor: 2_345_67 });
      const state = await payInvoiceAction(idle, newCardForm(invoice.id, number));

      expect(state).toMatchObject({ status: "declined", message: t.declines[code], retryable });
      expect(state.nextKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(processor.calls).toHaveLength(1);

      const after = await invoiceRow(invoice.id);
      expect(after.amountDueMinor).toBe(2_345_67);
      expect(invoiceStatus(after, clock)).toBe("due");
      const payments = await testDb.db.payment.findMany({ where: { invoiceId: invoice.id } });
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        status: "FAILED",
        declineCode: code,
        amountMinor: 2_345_67,
        cardBrand: "visa",
        cardLast4: number.slice(-4),
        paymentMethodId: null,
      });
      expect(payments[0].settledAt).toEqual(clock);
      expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } })).toBe(0);
      expect(
        await testDb.db.paymentMethod.count({
          where: { fingerprint: cardFingerprint(number), billingProfileId: { not: world.engineering } },
        }),
      ).toBe(0);

      const notification = await testDb.db.notification.findFirstOrThrow({
        where: { kind: "PAYMENT_FAILED", createdAt: clock },
      });
      expect(notification.userId).toBe(world.users.contosoAdmin);
      expect(JSON.parse(notification.params)).toEqual({
        amountMinor: 2_345_67,
        currency: "USD",
        invoiceId: invoice.id,
        reason: code,
      });
    },
  );

  it("gives a card already saved on the profile no second entry, and pays with it once", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const before = await testDb.db.paymentMethod.count({ where: { billingProfileId: world.engineering } });
    const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "5555555555554444")));
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: world.engineering } })).toBe(before);
    // A one-time use of the typed card: the payment is not tied to the saved card, whose details it may not match.
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).paymentMethodId).toBeNull();
  });

  it("answers invalid card details field by field, in the user's language, and writes nothing", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const state = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424241", {
        cvc: "12",
        holderName: "",
        postalCode: "<>",
        expMonth: "10",
        expYear: "2026",
      }),
      t.errors.checkCard,
    );
    expect(state).toMatchObject({
      fieldErrors: {
        cardNumber: t.cardErrors.cardNumberInvalid,
        cvc: t.cardErrors.cvcInvalid,
        holderName: t.cardErrors.holderRequired,
        postalCode: t.cardErrors.postalInvalid,
        expMonth: t.cardErrors.expired,
      },
    });
    const country = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", { country: "XX" }),
      t.errors.checkCard,
    );
    expect(country).toMatchObject({ fieldErrors: { country: t.cardErrors.countryRequired } });
  });

  it("refuses a Visa with an Amex-length code, and an expired card, by the simulator's clock", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const cvc = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", { cvc: "1234" }),
      t.errors.checkCard,
    );
    expect(cvc).toMatchObject({ fieldErrors: { cvc: t.cardErrors.cvcLength3 } });
    const lastMonth = new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth() - 1, 1));
    const expired = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", {
        expMonth: String(lastMonth.getUTCMonth() + 1),
        expYear: String(lastMonth.getUTCFullYear()),
      }),
      t.errors.checkCard,
    );
    expect(expired).toMatchObject({ fieldErrors: { expMonth: t.cardErrors.expired } });
  });
});
