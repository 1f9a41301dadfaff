import cardValidator from "card-validator";
import { z } from "zod";

import { billingCountries } from "./countries";

/**
 * The new-card form's one schema, run in the browser for instant feedback and
 * again in the server action. Messages are catalog keys under
 * "payments.cardErrors", so both sides speak the user's language.
 */
export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s-]/g, "");
}

const noControlChars = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

/** The fields a saved card keeps and may change (never the number or the security code). */
const cardDetails = {
  expMonth: z.coerce
    .number({ message: "expiryRequired" })
    .int("expiryRequired")
    .min(1, "expiryRequired")
    .max(12, "expiryRequired"),
  expYear: z.coerce
    .number({ message: "expiryRequired" })
    .int("expiryRequired")
    .min(2000, "expiryRequired")
    .max(2100, "expiryRequired"),
  holderName: z
    .string()
    .trim()
    .min(1, "holderRequired")
    .max(100, "holderTooLong")
    .refine(noControlChars, "holderRequired"),
  country: z.enum(billingCountries, { message: "countryRequired" }),
  postalCode: z
    .string()
    .trim()
    .min(1, "postalRequired")
    .max(16, "postalInvalid")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "postalInvalid"),
};

/**
 * A card is valid through the last day of its expiry month, by the simulator's clock.
 * Only a complete expiry is judged: a missing year is "expiryRequired", not "expired".
 */
function refuseExpired(card: { expMonth: number; expYear: number }, now: Date, ctx: z.RefinementCtx): void {
  const expiryComplete =
    [card.expMonth, card.expYear].every(Number.isInteger) &&
    card.expMonth >= 1 &&
    card.expMonth <= 12 &&
    card.expYear >= 2000 &&
    card.expYear <= 2100;
  if (expiryComplete && isCardExpired(card, now))
    ctx.addIssue({ code: "custom", path: ["expMonth"], message: "expired" });
}

export function newCardSchema(now: Date) {
  return z
    .object({
      cardNumber: z
        .string()
        .max(40, "cardNumberInvalid")
        .transform(normaliseCardNumber)
        .refine((value) => value.length > 0, "cardNumberRequired")
        .refine((value) => /^\d+$/.test(value), "cardNumberDigits")
        .refine((value) => cardValidator.number(value).isValid, "cardNumberInvalid"),
      expMonth: cardDetails.expMonth,
      expYear: cardDetails.expYear,
      cvc: z
        .string()
        .trim()
        .regex(/^\d{3,4}$/, "cvcInvalid"),
      holderName: cardDetails.holderName,
      country: cardDetails.country,
      postalCode: cardDetails.postalCode,
    })
    .superRefine((card, ctx) => {
      refuseExpired(card, now, ctx);
      const brand = cardValidator.number(card.cardNumber).card;
      const size = brand?.code.size ?? 3;
      if (card.cvc.length !== size)
        ctx.addIssue({ code: "custom", path: ["cvc"], message: size === 4 ? "cvcLength4" : "cvcLength3" });
    })
    .transform((card) => ({
      ...card,
      brand: cardValidator.number(card.cardNumber).card?.type ?? "unknown",
      last4: card.cardNumber.slice(-4),
    }));
}

/**
 * Edit on a saved card: what the portal lets you change (expiry, name on card, billing address), with
 * the same messages as a new card. An expiry already past by the simulator's clock is refused.
 */
export function cardEditSchema(now: Date) {
  return z.object(cardDetails).superRefine((card, ctx) => refuseExpired(card, now, ctx));
}

export type NewCardInput = z.input<ReturnType<typeof newCardSchema>>;
export type NewCard = z.output<ReturnType<typeof newCardSchema>>;
export type CardField = keyof NewCardInput;

/** The new-card form's fields in the order they are shown (focus goes to the first one in error): what an action reads. */
export const newCardFields: readonly CardField[] = [
  "cardNumber",
  "expMonth",
  "expYear",
  "cvc",
  "holderName",
  "country",
  "postalCode",
];

/** Field → first message key, for showing next to each field. */
export function cardFieldErrors(error: z.ZodError): Partial<Record<CardField, string>> {
  const errors: Partial<Record<CardField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as CardField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Field → message in the user's language, given the "payments.cardErrors" translator. */
export function translatedCardErrors(error: z.ZodError, translate: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(cardFieldErrors(error)).map(([field, key]) => [field, translate(key)]));
}

/** Whether a saved card has expired by the simulator's clock. */
export function isCardExpired(card: { expMonth: number; expYear: number }, now: Date): boolean {
  return Date.UTC(card.expYear, card.expMonth, 1) <= now.getTime();
}
