import { addDays, LATEST_MOMENT, monthlyInvoiceDates, startOfUtcDay, type InvoiceDates } from "@/lib/dates";

/**
 * The monthly billing cycle of a world, as plain rules on dates: what moving
 * a world's clock from `from` to `to` makes happen. An invoice dated on the
 * 5th counts as issued from that day's 00:00 UTC on (the seed's
 * monthlyInvoiceDates rule), so a move issues exactly the invoices dated in
 * (from, to]: the ones the world had at `from` are never issued again.
 */
export function invoiceDatesCrossed(from: Date, to: Date): InvoiceDates[] {
  if (to <= from) return [];
  // Enough months back from `to` to reach past `from`; the filter keeps the crossed ones, oldest first.
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth()) + 2;
  return monthlyInvoiceDates(to, months)
    .filter((dates) => dates.invoiceDate > from && dates.invoiceDate <= to)
    .reverse();
}

/** The moment an unpaid invoice turns Past due: the day after its due date (lib/invoice-status), at 00:00 UTC. */
export function pastDueFrom(dueDate: Date): Date {
  return addDays(startOfUtcDay(dueDate), 1);
}

/** Whether moving the clock from `from` to `to` makes an unpaid invoice due on `dueDate` fall past due. */
export function fallsPastDue(dueDate: Date, from: Date, to: Date): boolean {
  const moment = pastDueFrom(dueDate);
  return from < moment && moment <= to;
}

/** The longest single move of a world's clock, so one request cannot issue an unbounded number of invoices. */
export const MAX_ADVANCE_DAYS = 3_660;

export type ClockTarget = { advanceDays: number } | { now: Date };

export type ClockMove = { ok: true; to: Date } | { ok: false; reason: "backwards" | "tooFar" | "outOfRange" };

/** Whether a world's clock may read this date: on or before LATEST_MOMENT (lib/dates). */
export function isWorldClockInRange(date: Date): boolean {
  return date.getTime() <= LATEST_MOMENT.getTime();
}

/**
 * Where a request moves a clock that reads `current`: forward only, by at most MAX_ADVANCE_DAYS, and
 * never past LATEST_MOMENT.
 */
export function clockMove(current: Date, target: ClockTarget): ClockMove {
  const to = "advanceDays" in target ? addDays(current, target.advanceDays) : target.now;
  if (to < current) return { ok: false, reason: "backwards" };
  if (!isWorldClockInRange(to)) return { ok: false, reason: "outOfRange" };
  if (to.getTime() - current.getTime() > MAX_ADVANCE_DAYS * 86_400_000) return { ok: false, reason: "tooFar" };
  return { ok: true, to };
}
