import { startOfUtcDay } from "@/lib/dates";

export const invoiceStatuses = ["due", "pastDue", "partiallyPaid", "processing", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/**
 * An invoice's figures, in minor units. `amountDueMinor` is what may still be
 * paid: Pay now lowers it when it records a payment as PENDING (the reservation
 * that stops two payments from covering the same balance) and a declined
 * payment gives it back. `pendingMinor` is the sum of the invoice's PENDING
 * payments — charges the processor has not answered yet.
 */
export type InvoiceStatusInput = {
  voided: boolean;
  totalMinor: number;
  amountDueMinor: number;
  pendingMinor: number;
  dueDate: Date;
};

/**
 * The status the Invoices grid shows, from the invoice's own figures and the
 * clock. A due date is a whole day: the invoice becomes past due the day after.
 * Nothing left to pay reads Paid only once no payment is PENDING: while one is,
 * the invoice reads Payment processing (Microsoft: the status "can take time to
 * update"), and it turns Paid when the payment settles — or back to what it was
 * if the payment is declined. A partial payment wins over due/past due, as the
 * remaining balance is what the user acts on.
 */
export function invoiceStatus(invoice: InvoiceStatusInput, now: Date): InvoiceStatus {
  if (invoice.voided) return "void";
  if (invoice.amountDueMinor <= 0) return invoice.pendingMinor > 0 ? "processing" : "paid";
  if (invoice.amountDueMinor < invoice.totalMinor) return "partiallyPaid";
  return startOfUtcDay(now) > startOfUtcDay(invoice.dueDate) ? "pastDue" : "due";
}

/** Statuses that still have a balance a user can pay. */
export function isPayableStatus(status: InvoiceStatus): boolean {
  return status === "due" || status === "pastDue" || status === "partiallyPaid";
}

/** The sum of an invoice's PENDING payments, in minor units (its `pendingMinor`). */
export function pendingMinorOf(payments: { status: string; amountMinor: number }[]): number {
  return payments.reduce((sum, payment) => (payment.status === "PENDING" ? sum + payment.amountMinor : sum), 0);
}
