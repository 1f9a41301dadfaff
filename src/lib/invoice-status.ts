import { startOfUtcDay } from "@/lib/dates";

export const invoiceStatuses = ["due", "pastDue", "partiallyPaid", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export type InvoiceStatusInput = { voided: boolean; totalMinor: number; amountDueMinor: number; dueDate: Date };

/**
 * The status the Invoices grid shows, from the invoice's own figures and the
 * clock. A due date is a whole day: the invoice becomes past due the day after.
 * A partial payment wins over due/past due, as the remaining balance is what
 * the user acts on.
 */
export function invoiceStatus(invoice: InvoiceStatusInput, now: Date): InvoiceStatus {
  if (invoice.voided) return "void";
  if (invoice.amountDueMinor <= 0) return "paid";
  if (invoice.amountDueMinor < invoice.totalMinor) return "partiallyPaid";
  return startOfUtcDay(now) > startOfUtcDay(invoice.dueDate) ? "pastDue" : "due";
}

/** Statuses that still have a balance a user can pay. */
export function isPayableStatus(status: InvoiceStatus): boolean {
  return status === "due" || status === "pastDue" || status === "partiallyPaid";
}
