// The benchmark's large demo worlds (src/server/demo/bulk.ts) and the planner
// statistics of start-up (src/server/db/optimize.ts), on a small scale — on SQLite
// and, in vitest.postgresql.config.ts, on PostgreSQL (the bulk writer of each engine).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { optimizeDatabase } from "@/server/db/optimize";
import { withConnection } from "@/server/db/postgresql";
import { seedBulk, type BulkResult } from "@/server/demo/bulk";

import { createTestDatabase, TEST_ENGINE, TEST_NOW } from "../support/test-db";

/** What the engine holds in the Invoice table, read without Prisma. */
async function rawRows(sql: { sqlite: string; postgresql: string }): Promise<unknown[]> {
  if (TEST_ENGINE === "postgresql")
    return withConnection(testDb.url, async (client) =>
      (await client.query({ text: sql.postgresql, rowMode: "array" })).rows.map((row: unknown[]) => row[0]),
    );
  const sqlite = new Database(testDb.file, { readonly: true });
  try {
    return sqlite.prepare(sql.sqlite).pluck().all();
  } finally {
    sqlite.close();
  }
}

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let result: BulkResult;
const progress: [number, number][] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  result = await seedBulk(testDb.db, {
    url: testDb.url,
    now: TEST_NOW,
    invoices: 600,
    profiles: 4,
    payableMonths: 30,
    onProgress: (done, total) => progress.push([done, total]),
  });
});
afterAll(async () => testDb?.destroy());

describe("seedBulk", () => {
  it("grows Contoso to exactly the number of invoices asked for, over the demo's profiles and the added ones", async () => {
    expect(result.invoices).toBe(600);
    expect(result.profiles).toBe(6);
    expect(await testDb.db.invoice.count({ where: { billingAccountId: result.accountId } })).toBe(600);
    expect(await testDb.db.billingProfile.count({ where: { billingAccountId: result.accountId } })).toBe(6);
    expect(progress.at(-1)).toEqual([600, 600]);
  });

  it("writes rows Prisma reads back as it wrote the demo's: dates, booleans and money that add up", async () => {
    const invoices = await testDb.db.invoice.findMany({
      where: { billingAccountId: result.accountId },
      include: { lines: true, payments: true },
    });
    for (const invoice of invoices) {
      expect(invoice.invoiceDate).toBeInstanceOf(Date);
      expect(invoice.invoiceDate.getUTCDate()).toBe(5);
      expect(invoice.lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(invoice.subtotalMinor);
      const paid = invoice.payments
        .filter((payment) => payment.status === "SUCCEEDED")
        .reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(invoice.amountDueMinor).toBe(invoice.voided ? 0 : invoice.totalMinor - paid);
    }
    expect(invoices.some((invoice) => invoice.voided)).toBe(true);
    // The same storage as Prisma's own rows (SQLite: the same text format; PostgreSQL: UTC in a
    // timestamp without time zone, whatever the writer's TZ), so date comparisons in SQL keep working.
    const times = await rawRows({
      sqlite: `SELECT DISTINCT substr(invoiceDate, 11) FROM Invoice`,
      postgresql: `SELECT DISTINCT to_char("invoiceDate", '"T"HH24:MI:SS.MS') FROM "Invoice"`,
    });
    expect(times).toEqual([TEST_ENGINE === "postgresql" ? "T00:00:00.000" : "T00:00:00.000+00:00"]);
    const since = new Date("2025-11-20T00:00:00.000Z");
    expect(
      await testDb.db.invoice.count({ where: { billingAccountId: result.accountId, invoiceDate: { gte: since } } }),
    ).toBe(invoices.filter((invoice) => invoice.invoiceDate >= since).length);
  });

  it("leaves the newest months of the added profiles payable with the profile's saved Visa 4242", async () => {
    const added = await testDb.db.billingProfile.findMany({
      where: { billingAccountId: result.accountId, name: { startsWith: "Contoso Division" } },
      include: { paymentMethods: true },
    });
    expect(added).toHaveLength(4);
    for (const profile of added) {
      expect(
        profile.paymentMethods.some((card) => card.last4 === "4242" && card.id === profile.defaultPaymentMethodId),
      ).toBe(true);
      const unpaid = await testDb.db.invoice.count({
        where: { billingProfileId: profile.id, voided: false, amountDueMinor: { gt: 0 } },
      });
      expect(unpaid).toBeGreaterThanOrEqual(25);
    }
  });

  it("refuses a database that already has data", async () => {
    await expect(
      seedBulk(testDb.db, { url: testDb.url, now: TEST_NOW, invoices: 600, profiles: 4, payableMonths: 30 }),
    ).rejects.toThrow(/empty database/);
  });
});

describe("optimizeDatabase", () => {
  it("leaves planner statistics for the invoice indexes", async () => {
    await optimizeDatabase(testDb.url);
    const analysed = await rawRows({
      sqlite: `SELECT idx FROM sqlite_stat1 WHERE tbl = 'Invoice'`,
      postgresql: `SELECT (last_analyze IS NOT NULL)::text FROM pg_stat_user_tables WHERE relname = 'Invoice'`,
    });
    expect(analysed).toContain(TEST_ENGINE === "postgresql" ? "true" : "Invoice_date_view_idx");
  });
});
