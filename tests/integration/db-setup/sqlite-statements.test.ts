// The SQLite connection keeps its prepared statements (src/server/db/sqlite-statements.ts): a query that
// ran before is not prepared again, and reusing a statement never mixes one query's parameters or rows
// with another's. On a real SQLite file, through Prisma's own adapter.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createPrismaClient, type Db } from "@/server/db/client";
import { keepPreparedStatements } from "@/server/db/sqlite-statements";

import { createTestDatabase, tempDatabaseFile, type TestDatabase } from "../../support/test-db";

let seeded: TestDatabase & { destroy: () => Promise<void> };
let client: Db;

beforeAll(async () => {
  seeded = await createTestDatabase({ file: tempDatabaseFile("sqlite-statements"), seed: true });
  client = createPrismaClient(seeded.url);
});

afterAll(async () => {
  await client.$disconnect();
  await seeded.destroy();
});

const invoicesOf = (profileId: string) =>
  client.invoice.findMany({ where: { billingProfileId: profileId }, select: { id: true }, orderBy: { id: "asc" } });

describe("the SQLite connection's prepared statements", () => {
  it("prepares a query once, however often it runs, and gives each run its own parameters' rows", async () => {
    const profiles = await seeded.db.billingProfile.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(profiles.length).toBeGreaterThan(1);
    const expected = await Promise.all(
      profiles.map((profile) =>
        seeded.db.invoice.findMany({
          where: { billingProfileId: profile.id },
          select: { id: true },
          orderBy: { id: "asc" },
        }),
      ),
    );
    expect(new Set(expected.map((rows) => rows.length)).size).toBeGreaterThan(1);

    // Spied before the client connects (its first query): the connection's own prepare() is the spy.
    const prepares = vi.spyOn(Database.prototype, "prepare");
    await invoicesOf(profiles[0].id);
    expect(prepares).toHaveBeenCalled();
    const before = prepares.mock.calls.length;
    for (let round = 0; round < 3; round++)
      for (const [i, profile] of profiles.entries()) expect(await invoicesOf(profile.id)).toEqual(expected[i]);
    // Every query above is one already prepared.
    expect(prepares.mock.calls.length).toBe(before);
  });

  it("keeps writes, transactions and rollbacks as they were", async () => {
    const invoice = await client.invoice.findFirstOrThrow({ select: { id: true, amountDueMinor: true } });
    for (let i = 0; i < 2; i++) {
      await client.$transaction(async (tx) => {
        await tx.invoice.update({ where: { id: invoice.id }, data: { amountDueMinor: { increment: 1 } } });
      });
    }
    await expect(
      client.$transaction(async (tx) => {
        await tx.invoice.update({ where: { id: invoice.id }, data: { amountDueMinor: { increment: 100 } } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const after = await seeded.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(after.amountDueMinor).toBe(invoice.amountDueMinor + 2);
    const [row] = await client.$queryRaw<{ due: bigint | number }[]>`
      SELECT "amountDueMinor" AS due FROM "Invoice" WHERE "id" = ${invoice.id}`;
    expect(Number(row.due)).toBe(invoice.amountDueMinor + 2);
  });
});

describe("keepPreparedStatements", () => {
  it("keeps at most `limit` statements, the least recently used going first", () => {
    const connection = new Database(":memory:");
    const prepare = vi.spyOn(connection, "prepare");
    keepPreparedStatements(connection, 2);
    const value = (sql: string, param: number) =>
      (connection.prepare(sql) as unknown as { bind(p: unknown[]): { raw(): { all(): unknown[][] } } })
        .bind([param])
        .raw()
        .all()[0][0];
    expect(value("SELECT ? + 1", 1)).toBe(2);
    expect(value("SELECT ? + 2", 1)).toBe(3);
    expect(value("SELECT ? + 1", 5)).toBe(6); // kept, used again: now the most recent
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(value("SELECT ? + 3", 1)).toBe(4); // a third: "? + 2" goes
    expect(value("SELECT ? + 1", 7)).toBe(8);
    expect(prepare).toHaveBeenCalledTimes(3);
    expect(value("SELECT ? + 2", 2)).toBe(4);
    expect(prepare).toHaveBeenCalledTimes(4);
    connection.close();
  });
});
