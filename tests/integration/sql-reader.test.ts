// The SqlReader (src/server/db/sql-reader.ts): read-only SQL on the driver, one text for both engines
// (this file runs on SQLite and, through vitest.postgresql.config.ts, on PostgreSQL). Its values must
// compare and read back as Prisma writes them, and it must live and end with its Prisma client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { createPrismaClient, sqlReader, type Db } from "@/server/db/client";
import { booleanOf, dateOf, numberOf } from "@/server/db/sql-reader";

import { useTestDatabase as seededTestDatabase } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });
let client: Db;

beforeAll(() => {
  client = createPrismaClient(testDb.url);
});
afterAll(async () => {
  await client.$disconnect();
});

describe("sqlReader", () => {
  it("binds dates and booleans as Prisma stores them, and reads them back as Prisma does", async () => {
    const invoice = await testDb.db.invoice.findFirstOrThrow({ where: { voided: true } });
    const [row] = await sqlReader(client).all(Prisma.sql`
      SELECT "id", "invoiceDate", "voided", "totalMinor", (SELECT COUNT(*) FROM "Invoice") AS "count"
      FROM "Invoice" WHERE "invoiceDate" = ${invoice.invoiceDate} AND "voided" = ${true} AND "id" = ${invoice.id}`);
    expect(row).toBeDefined();
    expect(dateOf(row.invoiceDate)).toEqual(invoice.invoiceDate);
    expect(booleanOf(row.voided)).toBe(true);
    expect(numberOf(row.totalMinor)).toBe(invoice.totalMinor);
    expect(numberOf(row.count)).toBe(await testDb.db.invoice.count());
    // One millisecond later matches nothing: the bound date is compared as a date, to the millisecond.
    const later = new Date(invoice.invoiceDate.getTime() + 1);
    expect(
      await sqlReader(client).all(
        Prisma.sql`SELECT "id" FROM "Invoice" WHERE "invoiceDate" = ${later} AND "id" = ${invoice.id}`,
      ),
    ).toEqual([]);
  });

  it("sees what Prisma has committed, and reads again after $disconnect()", async () => {
    const account = await client.billingAccount.findFirstOrThrow();
    const name = `${account.name} (renamed)`;
    const nameOf = async () =>
      (await sqlReader(client).all(Prisma.sql`SELECT "name" FROM "BillingAccount" WHERE "id" = ${account.id}`))[0].name;
    await client.billingAccount.update({ where: { id: account.id }, data: { name } });
    expect(await nameOf()).toBe(name);
    await client.$disconnect();
    expect(await nameOf()).toBe(name);
    await client.billingAccount.update({ where: { id: account.id }, data: { name: account.name } });
  });

  it("is only there for clients createPrismaClient() made", () => {
    expect(() => sqlReader({} as Db)).toThrow(/createPrismaClient/);
  });
});
