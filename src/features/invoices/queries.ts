import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { startOfUtcDay } from "@/lib/dates";
import { db } from "@/server/db";
import { PAGE_SIZE, timespanRange, type InvoiceFilters } from "./filters";
import { invoiceStatus, type InvoiceStatus } from "./status";

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
    case "paid":
      return { voided: false, amountDueMinor: { lte: 0 } };
    case "partiallyPaid":
      return { voided: false, amountDueMinor: { gt: 0, lt: db.invoice.fields.totalMinor } };
    case "pastDue":
      return { ...unpaidInFull, dueDate: { lt: today } };
    case "due":
      return { ...unpaidInFull, dueDate: { gte: today } };
  }
}

const orderColumn = { invoiceDate: "invoiceDate", dueDate: "dueDate", amount: "totalMinor" } as const;

export const gridInvoiceSelect = {
  id: true,
  invoiceDate: true,
  dueDate: true,
  periodStart: true,
  periodEnd: true,
  currency: true,
  totalMinor: true,
  amountDueMinor: true,
  voided: true,
  billingProfileId: true,
  billingProfile: { select: { name: true } },
} satisfies Prisma.InvoiceSelect;

export type GridInvoice = Prisma.InvoiceGetPayload<{ select: typeof gridInvoiceSelect }> & { status: InvoiceStatus };

/** One page of the grid for a billing account (already access-checked), and the total count. */
export async function listInvoices(accountId: string, filters: InvoiceFilters, now: Date): Promise<{ rows: GridInvoice[]; total: number; page: number; pages: number }> {
  const range = timespanRange(filters, now);
  const where: Prisma.InvoiceWhereInput = {
    billingAccountId: accountId,
    ...(filters.profile ? { billingProfileId: filters.profile } : {}),
    ...(range.gte || range.lt ? { invoiceDate: range } : {}),
    ...(filters.q ? { id: { contains: filters.q.toUpperCase() } } : {}),
    ...(filters.status !== "all" ? statusWhere(filters.status, now) : {}),
  };
  const total = await db.invoice.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await db.invoice.findMany({
    where,
    select: gridInvoiceSelect,
    // The invoice ID breaks ties so pages never overlap.
    orderBy: [{ [orderColumn[filters.sort]]: filters.dir }, { id: filters.dir }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return { rows: rows.map((row) => ({ ...row, status: invoiceStatus(row, now) })), total, page, pages };
}

export async function listBillingProfiles(accountId: string) {
  return db.billingProfile.findMany({ where: { billingAccountId: accountId }, orderBy: { name: "asc" } });
}

/** One invoice of the account with what the details blade shows, or null. */
export async function getInvoiceDetails(accountId: string, invoiceId: string) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, billingAccountId: accountId },
    include: {
      billingAccount: { select: { id: true, name: true } },
      billingProfile: { select: { id: true, name: true } },
      lines: { orderBy: { position: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
    },
  });
  return invoice;
}
export type InvoiceDetails = NonNullable<Awaited<ReturnType<typeof getInvoiceDetails>>>;
