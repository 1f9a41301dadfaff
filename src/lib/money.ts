/**
 * Money is an integer count of the currency's minor units plus its ISO 4217
 * code. No floating point touches an amount: parsing and formatting go through
 * strings and Intl.
 */
import { remember } from "./remember";

export type Money = { amountMinor: number; currency: string };

const digitsByCurrency = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

/** How many decimals the currency has (2 for USD/EUR, 0 for JPY), from Intl's data. */
export function minorUnitDigits(currency: string): number {
  return remember(
    digitsByCurrency,
    currency,
    () => new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2,
  );
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError(`Amount must be an integer of minor units, got ${amountMinor}`);
  return { amountMinor, currency };
}

/** Applies a rate given in basis points (1/100 of a percent), rounding half away from zero. */
export function percentOf(amount: Money, basisPoints: number): Money {
  const scaled = amount.amountMinor * basisPoints;
  const rounded = Math.sign(scaled) * Math.floor((Math.abs(scaled) + 5000) / 10000);
  return money(rounded, amount.currency);
}

/** Splits "1234.5" into minor units exactly; a number with too many decimals or any other text gives null. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits) return null;
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(value) ? value : null;
}

/** The amount in major units as a decimal string ("1234.50"), e.g. to pre-fill a field. */
export function toMajorString(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, "0");
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Formats for display in the reader's locale ("$1,234.50", "1 234,50 €"). */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  // Intl takes a decimal string exactly (no binary rounding) when given one.
  const major = toMajorString(amountMinor, currency) as unknown as number;
  const formatter = remember(
    formatters,
    `${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
  return formatter.format(major);
}
