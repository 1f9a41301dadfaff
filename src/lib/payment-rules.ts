import { minorUnitDigits } from "@/lib/money";

/**
 * Card payments of an MCA invoice are limited (USD 50,000); above that, Pay now
 * shows wire-transfer instructions. The limits of the other currencies the
 * simulator bills in are set here, in minor units.
 */
export const cardLimitMinor: Record<string, number> = {
  USD: 50_000_00,
  EUR: 45_000_00,
  GBP: 40_000_00,
  CAD: 65_000_00,
  AUD: 75_000_00,
  JPY: 7_000_000,
};

/** The smallest part of a partial payment, in minor units: about five units of the currency. */
export const minimumPartialMinor: Record<string, number> = {
  USD: 5_00,
  EUR: 5_00,
  GBP: 5_00,
  CAD: 5_00,
  AUD: 5_00,
  JPY: 500,
};

export function cardLimitFor(currency: string): number {
  return cardLimitMinor[currency] ?? cardLimitMinor.USD;
}

export function minimumPartialFor(currency: string): number {
  return minimumPartialMinor[currency] ?? 5 * 10 ** minorUnitDigits(currency);
}

/** Whether the invoice's balance can be paid by card at all (else: wire transfer). */
export function exceedsCardLimit(amountDueMinor: number, currency: string): boolean {
  return amountDueMinor > cardLimitFor(currency);
}

export type AmountProblem = "notPositive" | "belowMinimum" | "aboveAmountDue";

/**
 * Checks the amount of one payment against the balance: the whole balance is
 * always allowed; a part must be at least the currency's minimum.
 */
export function paymentAmountProblem(
  amountMinor: number,
  amountDueMinor: number,
  currency: string,
): AmountProblem | null {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return "notPositive";
  if (amountMinor > amountDueMinor) return "aboveAmountDue";
  if (amountMinor < amountDueMinor && amountMinor < minimumPartialFor(currency)) return "belowMinimum";
  return null;
}
