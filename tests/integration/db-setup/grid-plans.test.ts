// SQLite's plan (EXPLAIN QUERY PLAN) of the grid's statements on a date range, as the reader runs them:
// the count and the page's IDs from the covering date index alone (Invoice_date_view_idx), never a table
// scan, whatever the statistics say; and the pending payments read once per statement, never once per
// invoice. The rows they list: ../grid-date-range.test.ts, on both engines.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { parseInvoiceFilters, timespans } from "@/features/invoices/filters";
import { listInvoices } from "@/features/invoices/grid-query";
import { invoiceStatuses } from "@/lib/invoice-status";
import { db, sqlReader } from "@/server/db";

// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../../support/test-db";

const testDb = seededTestDatabase({ seed: true });
const sorts = ["invoiceDate", "dueDate", "amount"] as const;
let contosoId: string;

beforeAll(async () => {
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
});

/** SQLite's plan of a statement, its parameters left unbound (NULL). */
function planOf(file: string, sql: string): string {
  const plain = new Database(file, { readonly: true });
  try {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(null);
    return plain
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join("\n");
  } finally {
    plain.close();
  }
}

describe("the grid's plan on a date range", () => {
  it("SQLite counts and picks the page's IDs from the date index alone, for every timespan with a start", async () => {
    const reader = sqlReader(db);
    const read = vi.spyOn(reader, "all");
    for (const timespan of timespans.filter((timespan) => timespan !== "custom")) {
      for (const status of ["all", ...invoiceStatuses]) {
        for (const sort of sorts) {
          await listInvoices(contosoId, parseInvoiceFilters({ timespan, status, sort }), TEST_NOW);
        }
      }
    }
    const statements = [...new Set(read.mock.calls.map(([query]) => query.sql))].filter((sql) =>
      sql.includes('FROM "Invoice" INDEXED BY'),
    );
    const counts = statements.filter((sql) => sql.startsWith('SELECT COUNT(*) AS "count"'));
    const pages = statements.filter((sql) => /^\s*SELECT "id", "invoiceDate"/.test(sql));
    // One text per status condition (due and past due differ by an operator) and, for pages, per sort.
    expect(counts).toHaveLength(invoiceStatuses.length + 1);
    expect(pages).toHaveLength((invoiceStatuses.length + 1) * sorts.length);
    for (const sql of [...counts, ...pages]) {
      const plan = planOf(testDb.file, sql);
      expect(plan, sql).toMatch(
        /SEARCH Invoice USING COVERING INDEX Invoice_date_view_idx \(billingAccountId=\? AND invoiceDate>\?\)/,
      );
      expect(plan, sql).not.toMatch(/SCAN Invoice\b/);
    }
  });
});

describe("the grid's pending payments", () => {
  it("are read once per statement from their index, never per invoice, in every view and on every page", async () => {
    const reader = sqlReader(db);
    const read = vi.spyOn(reader, "all");
    // "custom" with no dates: the whole account, where a probe per invoice cost 111 ms at 100,000 (Payment processing).
    for (const timespan of ["custom", "12m"])
      for (const status of ["all", ...invoiceStatuses])
        await listInvoices(contosoId, parseInvoiceFilters({ timespan, status }), TEST_NOW);
    const statements = [...new Set(read.mock.calls.map(([query]) => query.sql))].filter((sql) =>
      sql.includes('"Payment"'),
    );
    // Every page statement (its rows' status), and the counts of Payment processing and Paid.
    expect(statements.length).toBeGreaterThanOrEqual(2 * (invoiceStatuses.length + 1) + 2 * 2);
    for (const sql of statements) {
      const plan = planOf(testDb.file, sql);
      expect(plan, sql).toMatch(
        /LIST SUBQUERY \d+\nSEARCH Payment USING INDEX Payment_status_leaseExpiresAt_idx \(status=\?\)/,
      );
      expect(plan, sql).not.toMatch(/CORRELATED/);
      expect(plan, sql).not.toMatch(/SCAN (Invoice|Payment)\b/);
    }
  });
});
