// Pay now with a card typed into the form, on a real (throwaway, seeded) database: what becomes of the
// billing profile's saved cards. A payment never edits a saved payment method: a typed card whose number
// is already saved on the profile (with another expiry, holder or country) is charged once, as a
// one-time card, and the saved card keeps every detail it had. A card the profile does not keep yet is
// saved, as before.
import { describe, expect, it } from "vitest";

import { newCardSchema } from "@/features/payment-methods/card-schema";
import { payInvoiceAction } from "@/features/payments/actions";
import { payInvoice } from "@/features/payments/pay-invoice";

import { RedirectError } from "../../support/next-request";
import { newCardForm, request, succeeded } from "./requests";
import { clock, freshInvoice, freshProfile, idle, processor, signInAs, testDb, world } from "./world";

const savedCardColumns = {
  brand: true,
  last4: true,
  expMonth: true,
  expYear: true,
  holderName: true,
  country: true,
  postalCode: true,
  fingerprint: true,
  removedAt: true,
} as const;

async function visa4242Profile(): Promise<string> {
  const card = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: world.cards.visa4242 } });
  return card.billingProfileId;
}

function typedCard(number: string, changes: Record<string, string>) {
  return newCardSchema(clock).parse({
    cardNumber: number,
    expMonth: "12",
    expYear: "2030",
    cvc: "123",
    holderName: "Adele Vance",
    country: "US",
    postalCode: "98052",
    ...changes,
  });
}

describe("a payment with a typed card never edits a saved card", () => {
  it("the saved Visa 4242 keeps its expiry, holder and country; the payment is one charge, linked to no saved card", async () => {
    const before = await testDb.db.paymentMethod.findUniqueOrThrow({
      where: { id: world.cards.visa4242 },
      select: savedCardColumns,
    });
    const invoice = await freshInvoice({ profileId: await visa4242Profile() });
    const cardsBefore = await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } });
    const charges = processor.calls.length;

    const typed = typedCard("4242424242424242", {
      expMonth: "11",
      expYear: "2031",
      holderName: "Someone Else",
      country: "CA",
      postalCode: "H2X 1Y4",
    });
    // The test is only worth something if the typed card really differs from the saved one.
    expect([typed.expMonth, typed.expYear, typed.country]).not.toEqual([
      before.expMonth,
      before.expYear,
      before.country,
    ]);

    const outcome = succeeded(await payInvoice(request(invoice.id, { kind: "new", card: typed })));

    const after = await testDb.db.paymentMethod.findUniqueOrThrow({
      where: { id: world.cards.visa4242 },
      select: savedCardColumns,
    });
    expect(after).toEqual(before);
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } })).toBe(
      cardsBefore,
    );
    expect(processor.calls.length).toBe(charges + 1);
    // The charge went out with the card as typed.
    expect(processor.calls.at(-1)?.card).toMatchObject({ last4: "4242", expMonth: 11, expYear: 2031 });
    const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: outcome.paymentId } });
    expect(payment).toMatchObject({ status: "SUCCEEDED", paymentMethodId: null, cardLast4: "4242" });
  });

  it("through the Pay now action too: the saved card is unchanged after the blade's payment", async () => {
    const before = await testDb.db.paymentMethod.findUniqueOrThrow({
      where: { id: world.cards.visa4242 },
      select: savedCardColumns,
    });
    const invoice = await freshInvoice({ profileId: await visa4242Profile() });
    await signInAs("admin@contoso.com");
    // A payment in full closes the blade onto the grid: Next's redirect() throws.
    await expect(
      payInvoiceAction(
        idle,
        newCardForm(invoice.id, "4242424242424242", { expMonth: "01", expYear: "2032", country: "FR" }),
      ),
    ).rejects.toBeInstanceOf(RedirectError);
    expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountDueMinor).toBe(0);
    expect(
      await testDb.db.paymentMethod.findUniqueOrThrow({
        where: { id: world.cards.visa4242 },
        select: savedCardColumns,
      }),
    ).toEqual(before);
  });

  it("a card the profile does not keep yet is saved with what was typed", async () => {
    const profileId = await freshProfile();
    const invoice = await freshInvoice({ profileId });
    const outcome = succeeded(
      await payInvoice(request(invoice.id, { kind: "new", card: typedCard("5555555555554444", { country: "CA" }) })),
    );
    const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: outcome.paymentId } });
    expect(payment.paymentMethodId).not.toBeNull();
    const saved = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: payment.paymentMethodId! } });
    expect(saved).toMatchObject({ billingProfileId: profileId, last4: "4444", country: "CA", expYear: 2030 });
  });
});
