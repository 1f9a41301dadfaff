// Rows the payment integration tests build by hand, in one place: a Due invoice of
// $100.00 issued ten days before TEST_NOW and due twenty days after it, and the
// new Visa card a payment request carries. Each test still chooses its own ids.
import { newCardSchema } from "@/features/payment-methods/card-schema";

import { TEST_NOW } from "./test-db";

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);

/** The `data` of a $100.00 invoice of `profileId`, due in 20 days; `amountDueMinor` 0 models a reserved balance. */
export function dueInvoiceData(ids: { id: string; accountId: string; profileId: string }, amountDueMinor = 100_00) {
  return {
    id: ids.id,
    billingAccountId: ids.accountId,
    billingProfileId: ids.profileId,
    invoiceDate: daysFromNow(-10),
    dueDate: daysFromNow(20),
    periodStart: daysFromNow(-40),
    periodEnd: daysFromNow(-11),
    currency: "USD",
    subtotalMinor: 100_00,
    taxMinor: 0,
    totalMinor: 100_00,
    amountDueMinor,
  };
}

/** A new card as the Pay now form sends it after validation (expires 12/2030). */
export function newCardMethod(cardNumber: string) {
  return {
    kind: "new" as const,
    card: newCardSchema(TEST_NOW).parse({
      cardNumber,
      expMonth: "12",
      expYear: "2030",
      cvc: "123",
      holderName: "Adele Vance",
      country: "US",
      postalCode: "98052",
    }),
  };
}
