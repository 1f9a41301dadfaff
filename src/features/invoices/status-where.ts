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

/** The invoice's payments the processor has not answered yet, as SQL on "Invoice": `SELECT … ${pendingPaymentsSql}`. */
export const pendingPaymentsSql = Prisma.sql`FROM "Payment" WHERE "Payment"."invoiceId" = "Invoice"."id" AND "Payment"."status" = 'PENDING'`;
const pendingPayment = Prisma.sql`SELECT 1 ${pendingPaymentsSql}`;

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
      return Prisma.sql`"voided" = false AND "amountDueMinor" <= 0 AND EXISTS (${pendingPayment})`;
    case "paid":
      return Prisma.sql`"voided" = false AND "amountDueMinor" <= 0 AND NOT EXISTS (${pendingPayment})`;
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
