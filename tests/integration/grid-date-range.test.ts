// The grid's statements on a date range read through the covering date index (on SQLite by INDEXED BY;
// its plan: db-setup/grid-plans.test.ts): on either engine they list the same rows as the open range.
import { beforeAll, describe, expect, it } from "vitest";

import { parseInvoiceFilters } from "@/features/invoices/filters";
import { listInvoices } from "@/features/invoices/grid-query";
import { invoiceStatuses } from "@/lib/invoice-status";

// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });
const sorts = ["invoiceDate", "dueDate", "amount"] as const;
let contosoId: string;

beforeAll(async () => {
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
});

/** Every row of a view, page by page: IDs in the grid's order. */
async function viewIds(query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listInvoices(contosoId, parseInvoiceFilters({ ...query, page: String(page) }), TEST_NOW);
    ids.push(...result.rows.map((row) => row.id));
    if (page >= result.pages) return ids;
  }
}

describe("the grid on a date range", () => {
  it("lists, for every status and sort both ways, the same rows as the open range that holds them all", async () => {
    for (const status of ["all", ...invoiceStatuses]) {
      for (const sort of sorts) {
        for (const dir of ["asc", "desc"]) {
          const view = { timespan: "custom", status, sort, dir };
          const open = await viewIds(view);
          expect(await viewIds({ ...view, from: "1990-01-01" }), `${status} ${sort} ${dir}`).toEqual(open);
        }
      }
    }
  });
});
