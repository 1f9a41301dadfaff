import { startOfUtcDay } from "@/lib/dates";
import type { InvoiceStatusInput } from "@/lib/invoice-status";

/**
 * Settle balance (MOSP, pay-as-you-go): what Microsoft's *Resolve a past-due balance* pays at once.
 * An invoice is part of the balance once its due date has passed (the day after it, as in the grid)
 * while something is still owed — a partial payment does not take it out — unless it is void or a
 * payment on it is still being processed (that payment settles it, or gives the amount back first).
 */
export type SettleCandidate = InvoiceStatusInput & { id: string; currency: string };

export type SettleBalance<T extends SettleCandidate> = {
  /** Oldest due date first: the order they are paid in. */
  invoices: T[];
  /** Per currency, in minor units (a MOSP account bills in one currency; the sum never mixes them). */
  totals: { currency: string; amountMinor: number }[];
};

export function isPastDueBalance(invoice: SettleCandidate, now: Date): boolean {
  return (
    !invoice.voided &&
    invoice.amountDueMinor > 0 &&
    invoice.pendingMinor === 0 &&
    startOfUtcDay(now) > startOfUtcDay(invoice.dueDate)
  );
}

export function pastDueBalance<T extends SettleCandidate>(invoices: T[], now: Date): SettleBalance<T> {
  const chosen = invoices
    .filter((invoice) => isPastDueBalance(invoice, now))
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.id.localeCompare(b.id));
  const totals = new Map<string, number>();
  for (const invoice of chosen)
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.amountDueMinor);
  return { invoices: chosen, totals: [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor })) };
}

/** One settle attempt pays each invoice under its own key, the same on every retry of that attempt. */
export function settlePaymentKey(settleAttemptId: string, invoiceId: string): string {
  return `settle:${settleAttemptId}:${invoiceId}`;
}
