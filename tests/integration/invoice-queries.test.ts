// The grid's and the Overview's queries against a seeded throwaway database:
// the database-side status rules (statusWhere) must agree with invoiceStatus().
import { beforeAll, describe, expect, it } from "vitest";

import { PAGE_SIZE, parseInvoiceFilters, type InvoiceFilters } from "@/features/invoices/filters";
import { listInvoices, type GridInvoice } from "@/features/invoices/grid-query";
import { getBillingOverview } from "@/features/invoices/queries";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { invoiceStatus, invoiceStatuses, isPayableStatus, pendingMinorOf } from "@/lib/invoice-status";

// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });

let contosoId: string;
let fabrikamId: string;
let allContoso: Awaited<ReturnType<typeof loadAll>>;

/** Every invoice of the account, with the sum of its PENDING payments that invoiceStatus() needs. */
async function loadAll(accountId: string) {
  const invoices = await testDb.db.invoice.findMany({
    where: { billingAccountId: accountId },
    orderBy: { id: "asc" },
    include: { payments: { where: { status: "PENDING" } } },
  });
  return invoices.map(({ payments, ...invoice }) => ({ ...invoice, pendingMinor: pendingMinorOf(payments) }));
}

/** Every row of a view, page by page, checking the paging figures on the way. */
async function allPages(
  accountId: string,
  query: Record<string, string>,
  now = TEST_NOW,
): Promise<{ pages: GridInvoice[][]; total: number }> {
  const first = await listInvoices(accountId, parseInvoiceFilters({ timespan: "custom", ...query }), now);
  const pages = [first.rows];
  for (let page = 2; page <= first.pages; page++) {
    const next = await listInvoices(
      accountId,
      parseInvoiceFilters({ timespan: "custom", ...query, page: String(page) }),
      now,
    );
    expect(next.page).toBe(page);
    expect(next.total).toBe(first.total);
    pages.push(next.rows);
  }
  expect(first.pages).toBe(Math.max(1, Math.ceil(first.total / PAGE_SIZE)));
  return { pages, total: first.total };
}

beforeAll(async () => {
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  fabrikamId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Fabrikam, Inc." } })).id;
  // The seed settles every payment, so no invoice reads Payment processing: the last payment of the most
  // recent paid invoice is made PENDING again, as if the processor had not answered yet.
  const lastPayment = await testDb.db.payment.findFirstOrThrow({
    where: { billingAccountId: contosoId, status: "SUCCEEDED", invoice: { amountDueMinor: 0, voided: false } },
    orderBy: [{ invoice: { invoiceDate: "desc" } }, { createdAt: "desc" }],
  });
  await testDb.db.payment.update({ where: { id: lastPayment.id }, data: { status: "PENDING", settledAt: null } });
  allContoso = await loadAll(contosoId);
});

describe("listInvoices", () => {
  it("has the demo world to test against: every status occurs", () => {
    expect(allContoso.length).toBe(48);
    const statuses = new Set(allContoso.map((invoice) => invoiceStatus(invoice, TEST_NOW)));
    expect([...statuses].sort()).toEqual([...invoiceStatuses].sort());
  });

  it.each(invoiceStatuses)(
    "status=%s returns exactly the rows whose invoiceStatus() is that status",
    async (status) => {
      const { pages, total } = await allPages(contosoId, { status });
      const rows = pages.flat();
      expect(rows.length).toBe(total);
      expect(total).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.status, row.id).toBe(status);
      }
      const expected = allContoso
        .filter((invoice) => invoiceStatus(invoice, TEST_NOW) === status)
        .map((invoice) => invoice.id)
        .sort();
      expect(rows.map((row) => row.id).sort()).toEqual(expected);
    },
  );

  it("status counts add up to the total", async () => {
    const all = await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom" }), TEST_NOW);
    const counts = await Promise.all(
      invoiceStatuses.map(
        async (status) =>
          (await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", status }), TEST_NOW)).total,
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.total).toBe(allContoso.length);
  });

  it("agrees with invoiceStatus() on both sides of a due date", async () => {
    const due = allContoso.find((invoice) => invoiceStatus(invoice, TEST_NOW) === "due")!;
    for (const now of [new Date(due.dueDate.getTime() + 86_399_999), addDays(startOfUtcDay(due.dueDate), 1)]) {
      for (const status of ["due", "pastDue"] as const) {
        const { pages } = await allPages(contosoId, { status }, now);
        const ids = pages.flat().map((row) => row.id);
        expect(ids.includes(due.id), `${status} at ${now.toISOString()}`).toBe(invoiceStatus(due, now) === status);
      }
    }
  });

  it.each(["asc", "desc"] as const)("sorts by total amount %s across pages", async (dir) => {
    const { pages } = await allPages(contosoId, { sort: "amount", dir });
    const totals = pages.flat().map((row) => row.totalMinor);
    expect(totals).toHaveLength(allContoso.length);
    const sorted = [...totals].sort((a, b) => (dir === "asc" ? a - b : b - a));
    expect(totals).toEqual(sorted);
  });

  it.each([
    ["invoiceDate", "desc"],
    ["invoiceDate", "asc"],
    ["dueDate", "asc"],
    ["amount", "desc"],
  ] as const)("pages of sort=%s dir=%s do not overlap and cover every row", async (sort, dir) => {
    const { pages, total } = await allPages(contosoId, { sort, dir });
    expect(pages.length).toBe(Math.ceil(allContoso.length / PAGE_SIZE));
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(PAGE_SIZE);
    const ids = pages.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    expect([...ids].sort()).toEqual(allContoso.map((invoice) => invoice.id));
  });

  it("clamps a page past the end to the last page", async () => {
    const result = await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", page: "999" }), TEST_NOW);
    expect(result.page).toBe(result.pages);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it("finds an invoice by its full ID, by part of it and in lower case", async () => {
    const target = allContoso[17];
    const exact = await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", q: target.id }), TEST_NOW);
    expect(exact.rows.map((row) => row.id)).toEqual([target.id]);
    const lower = await listInvoices(
      contosoId,
      parseInvoiceFilters({ timespan: "custom", q: target.id.toLowerCase() }),
      TEST_NOW,
    );
    expect(lower.rows.map((row) => row.id)).toEqual([target.id]);
    const part = target.id.slice(-4);
    const partial = await allPages(contosoId, { q: part });
    expect(
      partial.pages
        .flat()
        .map((row) => row.id)
        .sort(),
    ).toEqual(allContoso.filter((invoice) => invoice.id.includes(part)).map((invoice) => invoice.id));
    expect(
      (await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", q: "G09999999999" }), TEST_NOW)).total,
    ).toBe(0);
  });

  it("orders every sort both ways as code points and numbers compare, ties by ID, on either engine", async () => {
    // vitest.postgresql.config.ts runs this file on PostgreSQL too: the same order as SQLite's, page by page.
    const key = { invoiceDate: "invoiceDate", dueDate: "dueDate", amount: "totalMinor" } as const;
    for (const sort of ["invoiceDate", "dueDate", "amount"] as const)
      for (const dir of ["asc", "desc"] as const) {
        const sign = dir === "asc" ? 1 : -1;
        const value = (invoice: (typeof allContoso)[number]) => Number(invoice[key[sort]]);
        const expected = [...allContoso]
          .sort((a, b) => sign * (value(a) - value(b)) || sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((invoice) => invoice.id);
        const { pages } = await allPages(contosoId, { sort, dir });
        expect(
          pages.flat().map((row) => row.id),
          `${sort} ${dir}`,
        ).toEqual(expected);
      }
  });

  it("never returns another billing account's invoices", async () => {
    const fabrikamInvoice = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: fabrikamId } });
    expect(
      (await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", q: fabrikamInvoice.id }), TEST_NOW))
        .total,
    ).toBe(0);
    const { pages } = await allPages(fabrikamId, {});
    expect(pages.flat().every((row) => row.currency === "EUR")).toBe(true);
    expect(pages.flat().map((row) => row.id)).not.toContain(allContoso[0].id);
  });

  it("filters by billing profile: that profile's invoices only, named from its own row; another account's profile finds none", async () => {
    const profiles = await testDb.db.billingProfile.findMany({ where: { billingAccountId: contosoId } });
    expect(profiles.length).toBeGreaterThan(1);
    for (const profile of profiles) {
      const { pages, total } = await allPages(contosoId, { profile: profile.id });
      const rows = pages.flat();
      expect(total).toBe(allContoso.filter((invoice) => invoice.billingProfileId === profile.id).length);
      expect(total).toBeGreaterThan(0);
      expect(rows).toHaveLength(total);
      expect(rows.every((row) => row.billingProfileId === profile.id)).toBe(true);
      expect(new Set(rows.map((row) => row.billingProfile.name))).toEqual(new Set([profile.name]));
    }
    const fabrikamProfile = await testDb.db.billingProfile.findFirstOrThrow({
      where: { billingAccountId: fabrikamId },
    });
    expect((await allPages(contosoId, { profile: fabrikamProfile.id })).total).toBe(0);
  });

  it("reads each row's columns as Prisma does (dates, amounts, voided, profile) on either engine", async () => {
    // listInvoices reads on the driver (SqlReader), not through Prisma: its rows must be Prisma's rows.
    const { pages } = await allPages(contosoId, {});
    const byId = new Map(allContoso.map((invoice) => [invoice.id, invoice]));
    const profiles = new Map(
      (await testDb.db.billingProfile.findMany({ where: { billingAccountId: contosoId } })).map((p) => [p.id, p.name]),
    );
    for (const row of pages.flat()) {
      const invoice = byId.get(row.id)!;
      expect(row, row.id).toEqual({
        id: invoice.id,
        invoiceDate: invoice.invoiceDate,
        dueDate: invoice.dueDate,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        currency: invoice.currency,
        totalMinor: invoice.totalMinor,
        amountDueMinor: invoice.amountDueMinor,
        voided: invoice.voided,
        billingProfileId: invoice.billingProfileId,
        billingProfile: { name: profiles.get(invoice.billingProfileId) },
        status: invoiceStatus(invoice, TEST_NOW),
      });
    }
    expect(pages.flat().some((row) => row.voided)).toBe(true);
  });

  it("matches % and _ in a search as themselves, not as wildcards", async () => {
    for (const q of ["%", "_", "G0%1", "G_1"]) {
      expect((await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", q }), TEST_NOW)).total, q).toBe(
        0,
      );
    }
  });

  it("takes a custom range's first and last days whole, to the millisecond", async () => {
    const target = allContoso[5];
    const day = target.invoiceDate.toISOString().slice(0, 10);
    const onDay = allContoso.filter((invoice) => invoice.invoiceDate.toISOString().slice(0, 10) === day);
    const exactly = await allPages(contosoId, { from: day, to: day });
    expect(exactly.total).toBe(onDay.length);
    expect(exactly.pages.flat().map((row) => row.id)).toContain(target.id);
    const dayAfter = addDays(startOfUtcDay(target.invoiceDate), 1).toISOString().slice(0, 10);
    const dayBefore = addDays(startOfUtcDay(target.invoiceDate), -1).toISOString().slice(0, 10);
    expect((await allPages(contosoId, { from: dayAfter })).pages.flat().map((row) => row.id)).not.toContain(target.id);
    expect((await allPages(contosoId, { to: dayBefore })).pages.flat().map((row) => row.id)).not.toContain(target.id);
  });

  it("shows only committed rows: not what an open transaction has written", async () => {
    const target = allContoso.find((invoice) => invoice.amountDueMinor > 1 && !invoice.voided)!;
    const amountDue = async () =>
      (await listInvoices(contosoId, parseInvoiceFilters({ timespan: "custom", q: target.id }), TEST_NOW)).rows[0]
        .amountDueMinor;
    const rolledBack = new Error("rolled back");
    await expect(
      testDb.db.$transaction(async (tx) => {
        await tx.invoice.update({ where: { id: target.id }, data: { amountDueMinor: 1 } });
        expect(await amountDue()).toBe(target.amountDueMinor);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await amountDue()).toBe(target.amountDueMinor);
  });

  it("limits rows to the timespan", async () => {
    const filters: InvoiceFilters = parseInvoiceFilters({ timespan: "3m" });
    const result = await listInvoices(contosoId, filters, TEST_NOW);
    const from = new Date("2026-08-20T00:00:00.000Z");
    expect(result.total).toBe(allContoso.filter((invoice) => invoice.invoiceDate >= from).length);
    expect(result.rows.every((row) => row.invoiceDate >= from)).toBe(true);
  });
});

describe("getBillingOverview", () => {
  function expectedFigures(now: Date) {
    const today = startOfUtcDay(now);
    const withStatus = allContoso.map((invoice) => ({ ...invoice, status: invoiceStatus(invoice, now) }));
    const payable = withStatus.filter((invoice) => isPayableStatus(invoice.status));
    const pastDue = withStatus.filter((invoice) => invoice.status === "pastDue");
    const next = payable
      .filter((invoice) => invoice.dueDate >= today)
      .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.id.localeCompare(b.id))[0];
    const recent = [...allContoso]
      .sort((a, b) => b.invoiceDate.getTime() - a.invoiceDate.getTime() || b.id.localeCompare(a.id))
      .slice(0, 12)
      .reverse();
    const sum = (list: typeof withStatus) => list.reduce((total, invoice) => total + invoice.amountDueMinor, 0);
    return { payable, pastDue, next, recent, amountDueNow: sum(payable), pastDueTotal: sum(pastDue) };
  }

  it("sums what is due now and what is past due, and finds the next due date", async () => {
    const overview = await getBillingOverview(contosoId, TEST_NOW);
    const expected = expectedFigures(TEST_NOW);
    expect(overview.amountDueNow).toEqual([
      { currency: "USD", amountMinor: expected.amountDueNow, count: expected.payable.length },
    ]);
    expect(overview.pastDue).toEqual([
      { currency: "USD", amountMinor: expected.pastDueTotal, count: expected.pastDue.length },
    ]);
    expect(expected.payable.length).toBeGreaterThanOrEqual(3);
    expect(expected.pastDue.length).toBeGreaterThanOrEqual(1);
    expect(overview.nextDue).toEqual({
      id: expected.next.id,
      dueDate: expected.next.dueDate,
      amountDueMinor: expected.next.amountDueMinor,
      currency: "USD",
    });
    expect(overview.nextDue!.dueDate.getTime()).toBeGreaterThanOrEqual(startOfUtcDay(TEST_NOW).getTime());
  });

  it("charts the last 12 invoices, oldest first, with their totals and statuses", async () => {
    const overview = await getBillingOverview(contosoId, TEST_NOW);
    const expected = expectedFigures(TEST_NOW).recent;
    expect(overview.recent).toHaveLength(12);
    expect(overview.recent.map((point) => point.id)).toEqual(expected.map((invoice) => invoice.id));
    expect(overview.recent.map((point) => point.totalMinor)).toEqual(expected.map((invoice) => invoice.totalMinor));
    expect(overview.recent.map((point) => point.status)).toEqual(
      expected.map((invoice) => invoiceStatus(invoice, TEST_NOW)),
    );
    const dates = overview.recent.map((point) => point.invoiceDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(new Set(overview.recent.map((point) => point.profileName))).toEqual(
      new Set(["Contoso Engineering", "Contoso Finance"]),
    );
  });

  it("has no next due date once everything unpaid is late", async () => {
    const later = addDays(TEST_NOW, 60);
    const overview = await getBillingOverview(contosoId, later);
    const expected = expectedFigures(later);
    expect(overview.nextDue).toBeNull();
    expect(overview.amountDueNow[0].amountMinor).toBe(expected.amountDueNow);
    expect(overview.pastDue[0].amountMinor).toBe(expected.pastDueTotal);
    expect(expected.pastDueTotal).toBeGreaterThan(expectedFigures(TEST_NOW).pastDueTotal);
  });

  it("keeps each account's figures to itself", async () => {
    const fabrikam = await getBillingOverview(fabrikamId, TEST_NOW);
    expect(fabrikam.amountDueNow.every((sum) => sum.currency === "EUR")).toBe(true);
    expect(fabrikam.recent.length).toBe(6);
    expect(fabrikam.recent.every((point) => point.currency === "EUR")).toBe(true);
  });

  it("returns empty figures for an account without invoices", async () => {
    const overview = await getBillingOverview("no-such-account", TEST_NOW);
    expect(overview).toEqual({ amountDueNow: [], pastDue: [], nextDue: null, recent: [] });
  });
});
