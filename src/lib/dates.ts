import { remember } from "./remember";

/** Calendar arithmetic in UTC: invoices are dated by day, independent of the server's time zone. */
const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The same day `months` months earlier or later, clamped to the month's length. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The last day a request may name (an API's period, a world's clock). What is computed from it (a
 * due date 30 days on, the day after a period's end) still has a four-digit year: past 9999-12-31
 * ISO text turns into "+010000-…", which clients and the database's date text do not read as dates.
 */
export const LATEST_DAY = "9998-12-31";
export const LATEST_MOMENT = new Date(`${LATEST_DAY}T23:59:59.999Z`);

export const INVOICE_DAY_OF_MONTH = 5;
export const PAYMENT_TERMS_DAYS = 30;

export type InvoiceDates = { monthsAgo: number; invoiceDate: Date; dueDate: Date; periodStart: Date; periodEnd: Date };

/**
 * Monthly invoices as an MCA billing profile receives them: each covers the
 * previous calendar month, is issued on the 5th and is due 30 days later.
 * The newest is the last one issued on or before `now`.
 */
export function monthlyInvoiceDates(now: Date, count: number): InvoiceDates[] {
  const anchorMonth = now.getUTCDate() >= INVOICE_DAY_OF_MONTH ? now.getUTCMonth() : now.getUTCMonth() - 1;
  return Array.from({ length: count }, (_, monthsAgo) => {
    const invoiceDate = new Date(Date.UTC(now.getUTCFullYear(), anchorMonth - monthsAgo, INVOICE_DAY_OF_MONTH));
    const periodStart = new Date(Date.UTC(invoiceDate.getUTCFullYear(), invoiceDate.getUTCMonth() - 1, 1));
    const periodEnd = new Date(Date.UTC(invoiceDate.getUTCFullYear(), invoiceDate.getUTCMonth(), 0));
    return { monthsAgo, invoiceDate, dueDate: addDays(invoiceDate, PAYMENT_TERMS_DAYS), periodStart, periodEnd };
  });
}

export type DateFormat = { dateStyle: "medium" | "long"; timeStyle?: "short" };
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
/** Formatted billing days: a grid page writes 80 dates, nearly all of them days seen before. */
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 4096;

/**
 * A date as the portal writes it ("Oct 5, 2026", "5 oct. 2026"), read in UTC
 * like every billing date. The formatters are kept (see remember.ts), and so are
 * the strings of dates without a time: billing dates are whole days, few and
 * repeated (monthly invoices), so a bounded memo answers most of them.
 */
export function formatDate(date: Date, locale: string, format: DateFormat = { dateStyle: "medium" }): string {
  const key = `${locale}|${format.dateStyle}|${format.timeStyle ?? ""}`;
  const write = () =>
    remember(dateFormatters, key, () => new Intl.DateTimeFormat(locale, { ...format, timeZone: "UTC" })).format(date);
  if (format.timeStyle) return write();
  return remember(formattedDays, `${key}|${date.getTime()}`, write, MAX_FORMATTED_DAYS);
}
