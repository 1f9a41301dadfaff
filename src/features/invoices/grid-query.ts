import "server-only";

import { cache } from "react";

import { Prisma } from "@/generated/prisma/client";
import { invoiceStatus, type InvoiceStatus } from "@/lib/invoice-status";
import { db, sqlReader } from "@/server/db";
import { booleanOf, dateOf, numberOf } from "@/server/db/sql-reader";

import { PAGE_SIZE, timespanRange, type InvoiceFilters } from "./filters";
import { hasPendingPaymentSql, statusSql } from "./status-where";

/** The grid's sort keys as columns (a fixed list: the SQL takes them as they are). */
const orderColumn = { invoiceDate: "invoiceDate", dueDate: "dueDate", amount: "totalMinor" } as const;

export type GridInvoice = {
  id: string;
  invoiceDate: Date;
  dueDate: Date;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  totalMinor: number;
  amountDueMinor: number;
  voided: boolean;
  billingProfileId: string;
  billingProfile: { name: string };
  status: InvoiceStatus;
};

/** `%`, `_` and the escape itself match only themselves in a LIKE pattern (… ESCAPE '\\'). */
const likeText = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * One page of the grid for a billing account (already access-checked), and the total count.
 *
 * The grid is the portal's busiest page, so its statements run on the driver (SqlReader), one SQL
 * text for both engines, not through Prisma: the page costs ~13% less server CPU that way
 * (docs/performance.md, sixth round).
 */
export async function listInvoices(
  accountId: string,
  filters: InvoiceFilters,
  now: Date,
): Promise<{ rows: GridInvoice[]; total: number; page: number; pages: number }> {
  const reader = sqlReader(db);
  const range = timespanRange(filters, now);
  const conditions = [
    Prisma.sql`"billingAccountId" = ${accountId}`,
    filters.profile && Prisma.sql`"billingProfileId" = ${filters.profile}`,
    range.gte && Prisma.sql`"invoiceDate" >= ${range.gte}`,
    range.lt && Prisma.sql`"invoiceDate" < ${range.lt}`,
    filters.q && Prisma.sql`"id" LIKE ${`%${likeText(filters.q.toUpperCase())}%`} ESCAPE '\\'`,
    filters.status !== "all" && statusSql(filters.status, now),
  ].filter((condition) => condition instanceof Prisma.Sql);
  const where = Prisma.join(conditions, " AND ");
  // A view of a date range (every timespan but an open custom one) reads that range of the date index,
  // which carries every column the statuses and sorts need: its cost is bounded by the range. Left to
  // its statistics SQLite counts past due in 24 months from the status index instead (all the account's
  // unpaid invoices: 1.5 ms against 0.4 at 100,000) and has picked the amount index for a page
  // (the whole account: 90 ms).
  const invoices = range.gte
    ? Prisma.sql`"Invoice" ${reader.indexedBy("Invoice_date_view_idx")}`
    : Prisma.sql`"Invoice"`;
  const [counted] = await reader.all(Prisma.sql`SELECT COUNT(*) AS "count" FROM ${invoices} WHERE ${where}`);
  const total = numberOf(counted?.count);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  // The invoice ID breaks ties so pages never overlap.
  const direction = Prisma.raw(filters.dir === "asc" ? "ASC" : "DESC");
  const order = Prisma.sql`${Prisma.raw(`"${orderColumn[filters.sort]}"`)} ${direction}, "id" ${direction}`;
  const [rows, profiles] = await Promise.all([
    // The page's IDs first, then its rows: the sort of a deep page (1,961 past-due invoices by amount at
    // 100,000) carries the ID alone, and whether a payment is pending is asked for the 20 rows shown only
    // (SQLite, page 50 of that view: 2.6 → 1.5 ms; a first page costs the same).
    reader.all(Prisma.sql`
      SELECT "id", "invoiceDate", "dueDate", "periodStart", "periodEnd", "currency", "totalMinor",
        "amountDueMinor", "voided", "billingProfileId",
        ${hasPendingPaymentSql} AS "pendingPayment"
      FROM "Invoice"
      WHERE "id" IN (SELECT "id" FROM ${invoices} WHERE ${where} ORDER BY ${order}
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE})
      ORDER BY ${order}`),
    // The grid's page also lists the profiles (filter), so the names come from that one query.
    listBillingProfiles(accountId),
  ]);
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  return {
    rows: rows.map((row) => {
      const invoice = {
        id: String(row.id),
        invoiceDate: dateOf(row.invoiceDate),
        dueDate: dateOf(row.dueDate),
        periodStart: dateOf(row.periodStart),
        periodEnd: dateOf(row.periodEnd),
        currency: String(row.currency),
        totalMinor: numberOf(row.totalMinor),
        amountDueMinor: numberOf(row.amountDueMinor),
        voided: booleanOf(row.voided),
        billingProfileId: String(row.billingProfileId),
      };
      return {
        ...invoice,
        billingProfile: { name: names.get(invoice.billingProfileId) ?? "" },
        // The status only asks whether a payment is pending (pendingMinor > 0), and a PENDING payment
        // always carries a positive amount: "is one pending" answers the same question as the sum.
        status: invoiceStatus({ ...invoice, pendingMinor: booleanOf(row.pendingPayment) ? 1 : 0 }, now),
      };
    }),
    total,
    page,
    pages,
  };
}

/** The account's billing profiles (ID and name) by name; one query per request however many parts ask (React cache). */
export const listBillingProfiles = cache(async (accountId: string): Promise<{ id: string; name: string }[]> => {
  const rows = await sqlReader(db).all(
    Prisma.sql`SELECT "id", "name" FROM "BillingProfile" WHERE "billingAccountId" = ${accountId} ORDER BY "name" ASC`,
  );
  return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
});

/**
 * A pay-as-you-go (MOSP) account's subscriptions by the billing profile whose invoices they are: its grid
 * names the subscription where an MCA grid names the billing profile. Empty for an account without any.
 */
export async function listSubscriptionNames(accountId: string): Promise<Record<string, string>> {
  const rows = await sqlReader(db).all(
    Prisma.sql`SELECT "billingProfileId", "displayName" FROM "Subscription" WHERE "billingAccountId" = ${accountId} ORDER BY "createdAt" ASC`,
  );
  const names: Record<string, string> = {};
  for (const row of rows) names[String(row.billingProfileId)] ??= String(row.displayName);
  return names;
}
