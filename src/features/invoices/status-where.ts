import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { startOfUtcDay } from "@/lib/dates";
import { invoiceStatuses, isPayableStatus, type InvoiceStatus } from "@/lib/invoice-status";
import { db } from "@/server/db";

/**
 * The database form of invoiceStatus(): the same rules as a WHERE clause, so
 * the status filter runs in the database on the indexed columns.
 */
export function statusWhere(status: InvoiceStatus, now: Date): Prisma.InvoiceWhereInput {
  const today = startOfUtcDay(now);
  const unpaidInFull = { voided: false, amountDueMinor: { gt: 0, equals: db.invoice.fields.totalMinor } };
  switch (status) {
    case "void":
      return { voided: true };
    case "processing":
      return { voided: false, amountDueMinor: { lte: 0 }, payments: { some: { status: "PENDING" } } };
    case "paid":
      return { voided: false, amountDueMinor: { lte: 0 }, payments: { none: { status: "PENDING" } } };
    case "partiallyPaid":
      return { voided: false, amountDueMinor: { gt: 0, lt: db.invoice.fields.totalMinor } };
    case "pastDue":
      return { ...unpaidInFull, dueDate: { lt: today } };
    case "due":
      return { ...unpaidInFull, dueDate: { gte: today } };
  }
}

/**
 * On "Invoice": does the invoice have a payment the processor has not answered yet? Asked from the
 * Payment side — the pending payments, few at any time (a charge settles in milliseconds), read once
 * per statement from their index — not per invoice: the Payment processing view with no start date
 * probed Payment for each of the account's ~89,000 paid invoices (72–230 ms at 100,000), and each row
 * of a page scanned every pending payment (docs/performance.md, eighth round).
 */
export const hasPendingPaymentSql = Prisma.sql`"id" IN (SELECT "Payment"."invoiceId" FROM "Payment" WHERE "Payment"."status" = 'PENDING')`;

/**
 * statusWhere() as SQL on "Invoice", for the grid's statements on the driver (SqlReader): the
 * same conditions, term for term; tests/integration/invoice-queries.test.ts holds both to
 * invoiceStatus() on SQLite and PostgreSQL.
 */
export function statusSql(status: InvoiceStatus, now: Date): Prisma.Sql {
  const today = startOfUtcDay(now);
  const unpaidInFull = Prisma.sql`"voided" = false AND "amountDueMinor" > 0 AND "amountDueMinor" = "totalMinor"`;
  switch (status) {
    case "void":
      return Prisma.sql`"voided" = true`;
    case "processing":
      return Prisma.sql`"voided" = false AND "amountDueMinor" <= 0 AND ${hasPendingPaymentSql}`;
    case "paid":
      return Prisma.sql`"voided" = false AND "amountDueMinor" <= 0 AND NOT ${hasPendingPaymentSql}`;
    case "partiallyPaid":
      return Prisma.sql`"voided" = false AND "amountDueMinor" > 0 AND "amountDueMinor" < "totalMinor"`;
    case "pastDue":
      return Prisma.sql`${unpaidInFull} AND "dueDate" < ${today}`;
    case "due":
      return Prisma.sql`${unpaidInFull} AND "dueDate" >= ${today}`;
  }
}

const payableStatuses = invoiceStatuses.filter(isPayableStatus);

/** Where clause of every invoice of the account that still has a balance to pay (due, past due, partially paid). */
export function payableWhere(accountId: string, now: Date): Prisma.InvoiceWhereInput {
  return { billingAccountId: accountId, OR: payableStatuses.map((status) => statusWhere(status, now)) };
}
