import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { startOfUtcDay } from "@/lib/dates";
import { invoiceStatus, pendingMinorOf, type InvoiceStatus } from "@/lib/invoice-status";
import { db } from "@/server/db";

import { payableWhere, statusWhere } from "./status-where";

/** An invoice's PENDING payments, for its `pendingMinor` (Payment processing until they settle). */
const pendingPayments = { where: { status: "PENDING" }, select: { status: true, amountMinor: true } } as const;

/** One invoice of the account with what the details blade shows, or null. */
export async function getInvoiceDetails(accountId: string, invoiceId: string) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, billingAccountId: accountId },
    include: {
      billingAccount: { select: { id: true, name: true } },
      billingProfile: { select: { id: true, name: true } },
      lines: { orderBy: { position: "asc" } },
      // By time; the ID only makes equal times (a frozen SIM_NOW) read the same on every engine and every call.
      payments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return invoice && { ...invoice, pendingMinor: pendingMinorOf(invoice.payments) };
}
export type InvoiceDetails = NonNullable<Awaited<ReturnType<typeof getInvoiceDetails>>>;

/**
 * The invoices of the account a download asks for, in the order asked, or null
 * when any of them is not the account's (the download is refused whole, and
 * says nothing of which).
 */
export async function getInvoicesForDownload(accountId: string, invoiceIds: string[]) {
  const invoices = await db.invoice.findMany({
    where: { id: { in: invoiceIds }, billingAccountId: accountId },
    include: {
      billingAccount: { select: { id: true, name: true } },
      billingProfile: { select: { id: true, name: true } },
      lines: { orderBy: { position: "asc" } },
      // Only pending ones: the PDF's status reads "Payment processing" while one is.
      payments: { where: { status: "PENDING" }, select: { status: true, amountMinor: true } },
    },
  });
  const byId = new Map(
    invoices.map(({ payments, ...invoice }) => [invoice.id, { ...invoice, pendingMinor: pendingMinorOf(payments) }]),
  );
  const ordered = invoiceIds.map((id) => byId.get(id));
  return ordered.every((invoice) => invoice !== undefined) ? ordered : null;
}

export type AmountByCurrency = { currency: string; amountMinor: number; count: number };

async function sumAmountDue(where: Prisma.InvoiceWhereInput): Promise<AmountByCurrency[]> {
  const groups = await db.invoice.groupBy({
    by: ["currency"],
    where,
    _sum: { amountDueMinor: true },
    _count: { _all: true },
    orderBy: { currency: "asc" },
  });
  return groups.map((group) => ({
    currency: group.currency,
    amountMinor: group._sum.amountDueMinor ?? 0,
    count: group._count._all,
  }));
}

export type OverviewChartPoint = {
  id: string;
  invoiceDate: Date;
  totalMinor: number;
  currency: string;
  profileName: string;
  status: InvoiceStatus;
};

export type BillingOverview = {
  /** Sum of the amount due of every payable invoice, per currency (an account normally has one). */
  amountDueNow: AmountByCurrency[];
  /** Sum of the amount due of the past-due invoices, per currency. */
  pastDue: AmountByCurrency[];
  /** The unpaid invoice whose due date comes first from today on, or null. */
  nextDue: { id: string; dueDate: Date; amountDueMinor: number; currency: string } | null;
  /** The last 12 invoices (by invoice date), oldest first, for the chart. */
  recent: OverviewChartPoint[];
};

/** The Overview blade's figures for a billing account (already access-checked); sums run in the database. */
export async function getBillingOverview(accountId: string, now: Date): Promise<BillingOverview> {
  const [amountDueNow, pastDue, nextDue, recent] = await Promise.all([
    sumAmountDue(payableWhere(accountId, now)),
    sumAmountDue({ billingAccountId: accountId, ...statusWhere("pastDue", now) }),
    db.invoice.findFirst({
      where: { AND: [payableWhere(accountId, now), { dueDate: { gte: startOfUtcDay(now) } }] },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, dueDate: true, amountDueMinor: true, currency: true },
    }),
    db.invoice.findMany({
      where: { billingAccountId: accountId },
      orderBy: [{ invoiceDate: "desc" }, { id: "desc" }],
      take: 12,
      select: {
        id: true,
        invoiceDate: true,
        dueDate: true,
        totalMinor: true,
        amountDueMinor: true,
        voided: true,
        currency: true,
        billingProfile: { select: { name: true } },
        payments: pendingPayments,
      },
    }),
  ]);
  return {
    amountDueNow,
    pastDue,
    nextDue,
    recent: recent.reverse().map((invoice) => ({
      id: invoice.id,
      invoiceDate: invoice.invoiceDate,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
      profileName: invoice.billingProfile.name,
      status: invoiceStatus({ ...invoice, pendingMinor: pendingMinorOf(invoice.payments) }, now),
    })),
  };
}

const listedPaymentSelect = {
  id: true,
  paymentMethodId: true,
  declineCode: true,
  amountMinor: true,
  currency: true,
  kind: true,
  status: true,
  cardBrand: true,
  createdAt: true,
  settledAt: true,
} satisfies Prisma.PaymentSelect;

const keysetInvoiceSelect = {
  id: true,
  billingAccountId: true,
  billingProfileId: true,
  documentType: true,
  invoiceDate: true,
  dueDate: true,
  periodStart: true,
  periodEnd: true,
  currency: true,
  subtotalMinor: true,
  taxMinor: true,
  totalMinor: true,
  amountDueMinor: true,
  voided: true,
  // Money received or on its way (a PENDING payment has already reserved its amount), and the failed attempts,
  // which moved nothing but which ARM 2024-04-01 lists as failedPayments.
  payments: {
    where: { status: { in: ["SUCCEEDED", "PENDING", "FAILED"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: listedPaymentSelect,
  },
} satisfies Prisma.InvoiceSelect;

export type ListedInvoice = Prisma.InvoiceGetPayload<{ select: typeof keysetInvoiceSelect }>;
/** Where a page ends: the last invoice's date and ID (the order is invoice date, then ID, both descending). */
export type InvoiceCursor = { invoiceDate: Date; id: string };

/**
 * One page of an account's (or one profile's) invoices dated in a range, newest
 * first, after a cursor — keyset paging for the ARM list: each page starts
 * where the last ended, so pages never repeat or skip an invoice, however deep.
 * It reads the grid's own indexes ([billingAccountId, invoiceDate] /
 * [billingProfileId, invoiceDate]), and the payments of the whole page in one
 * more query. Returns one row beyond `take` when there is a next page.
 */
export async function listInvoicesAfter(options: {
  accountId: string;
  profileId?: string;
  range: { gte?: Date; lt?: Date };
  after?: InvoiceCursor;
  take: number;
}): Promise<ListedInvoice[]> {
  const { accountId, profileId, range, after, take } = options;
  // One upper bound only, the cursor's when it has one: SQLite seeks the index with a single upper
  // bound, and given both it took the period's end and scanned down to the cursor (64 ms instead
  // of 1 ms half-way through 100,000 invoices).
  const cursorBounds = after && (!range.lt || after.invoiceDate < range.lt);
  const invoiceDate = cursorBounds ? { gte: range.gte, lte: after.invoiceDate } : range;
  return db.invoice.findMany({
    where: {
      billingAccountId: accountId,
      ...(profileId ? { billingProfileId: profileId } : {}),
      invoiceDate,
      ...(after ? { OR: [{ invoiceDate: { lt: after.invoiceDate } }, { id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ invoiceDate: "desc" }, { id: "desc" }],
    select: keysetInvoiceSelect,
    take: take + 1,
  });
}

/** The account an invoice belongs to, or null: for a lookup by invoice ID alone, before the access check. */
export async function invoiceAccountId(invoiceId: string): Promise<string | null> {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, select: { billingAccountId: true } });
  return invoice?.billingAccountId ?? null;
}

/** Whether the account (already access-checked) has this invoice. */
export async function hasInvoice(accountId: string, invoiceId: string): Promise<boolean> {
  const found = await db.invoice.findFirst({
    where: { id: invoiceId, billingAccountId: accountId },
    select: { id: true },
  });
  return found !== null;
}
