import "server-only";

import { pendingMinorOf } from "@/lib/invoice-status";
import { db } from "@/server/db";

/**
 * The payments feature's reads. Its components render what these return and
 * never touch the database client; every function takes an account already
 * checked by the caller (requireBillingScope) and reads only inside it.
 */

/** One invoice of the account as the Pay now blade shows it (with its `pendingMinor`), or null. */
export async function getInvoiceToPay(accountId: string, invoiceId: string) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, billingAccountId: accountId },
    select: {
      id: true,
      billingProfileId: true,
      dueDate: true,
      currency: true,
      totalMinor: true,
      amountDueMinor: true,
      voided: true,
      billingProfile: { select: { name: true, defaultPaymentMethodId: true } },
      payments: { where: { status: "PENDING" }, select: { status: true, amountMinor: true } },
    },
  });
  if (!invoice) return null;
  const { payments, ...rest } = invoice;
  return { ...rest, pendingMinor: pendingMinorOf(payments) };
}

const paymentShown = {
  id: true,
  invoiceId: true,
  amountMinor: true,
  currency: true,
  kind: true,
  cardBrand: true,
  cardLast4: true,
  processorReference: true,
  createdAt: true,
  settledAt: true,
} as const;

/** A successful payment of one of the account's invoices, for its receipt; null if there is none. */
export async function getReceipt(accountId: string, invoiceId: string, paymentId: string) {
  return db.payment.findFirst({
    where: { id: paymentId, invoiceId, billingAccountId: accountId, status: "SUCCEEDED" },
    select: paymentShown,
  });
}

/** The user's own successful payment on the account, for the toast after Pay now; null otherwise. */
export async function getSucceededPayment(accountId: string, userId: string, paymentId: string) {
  return db.payment.findFirst({
    where: { id: paymentId, userId, billingAccountId: accountId, status: "SUCCEEDED" },
    select: paymentShown,
  });
}
