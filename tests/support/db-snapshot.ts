/**
 * "Refused and the database unchanged": snapshots every table of a test
 * database (row count and a hash of its rows), runs something, and checks the
 * snapshot is the same afterwards.
 *
 *   const outcome = await expectNoDatabaseChange(testDb.db, () => payInvoice(form));
 *   expect(outcome.error).toBeInstanceOf(HttpAccessError);   // or outcome.value is an error result
 *
 * Every table is counted and hashed (Invoice, Payment, PaymentMethod and
 * Notification included), so a refused action that still wrote a "PENDING"
 * payment, touched a balance or marked a notification read is caught, and the
 * failure names the table that changed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";

import { expect } from "vitest";

import type { Db } from "@/server/db/client";
import { databaseEngine, databaseUrl } from "@/server/db/url";

export type TableSnapshot = { rows: number; hash: string };
export type DatabaseSnapshot = Record<string, TableSnapshot>;

/** The tables the payment flow writes; always present in a snapshot, even if a migration renames others. */
export const WATCHED_TABLES = ["Invoice", "Payment", "PaymentMethod", "Notification"] as const;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return item.toString();
    if (item instanceof Uint8Array) return Buffer.from(item).toString("base64");
    return item;
  });
}

/** The application tables (not Prisma's bookkeeping nor the engine's own). */
async function tableNames(db: Db, postgresql: boolean): Promise<{ name: string }[]> {
  return postgresql
    ? db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
      )
    : db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      );
}

/**
 * Every row of every application table, in a stable order: SQLite's rowid, or
 * on PostgreSQL the first column (each table's primary key). `url` says which
 * engine `db` is on (default: DATABASE_URL, the app's own `db`).
 */
export async function databaseRows(db: Db, url: string = databaseUrl()): Promise<Record<string, unknown[]>> {
  const postgresql = databaseEngine(url) === "postgresql";
  const rows: Record<string, unknown[]> = {};
  for (const { name } of await tableNames(db, postgresql))
    rows[name] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM ${quote(name)} ORDER BY ${postgresql ? "1" : "rowid"}`,
    );
  return rows;
}

/** Row count and content hash of every application table (not Prisma's bookkeeping nor the engine's own). */
export async function databaseSnapshot(db: Db, url: string = databaseUrl()): Promise<DatabaseSnapshot> {
  const all = await databaseRows(db, url);
  const tables = Object.keys(all).map((name) => ({ name }));
  const names = tables.map((table) => table.name);
  for (const watched of WATCHED_TABLES) {
    if (!names.includes(watched))
      throw new Error(`databaseSnapshot(): table ${watched} is missing — is the database migrated?`);
  }
  const snapshot: DatabaseSnapshot = {};
  for (const name of names) {
    const rows = all[name];
    snapshot[name] = { rows: rows.length, hash: createHash("sha256").update(stableJson(rows)).digest("hex") };
  }
  return snapshot;
}

export type Outcome<T> = { ok: true; value: T; error?: undefined } | { ok: false; error: unknown; value?: undefined };

/**
 * Runs `fn`, then asserts that no table changed. A throw from `fn` (redirect,
 * notFound, a refusal error) is captured, not rethrown, and returned as the
 * outcome for the test to check what kind of refusal it was.
 */
export async function expectNoDatabaseChange<T>(db: Db, fn: () => T | Promise<T>): Promise<Outcome<T>> {
  const before = await databaseSnapshot(db);
  let outcome: Outcome<T>;
  try {
    outcome = { ok: true, value: await fn() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const after = await databaseSnapshot(db);
  expect(after, "the database changed").toEqual(before);
  return outcome;
}

/**
 * What a scan for secrets reads: on SQLite the database files themselves (WAL
 * included, so deleted and overwritten pages count too); on PostgreSQL every
 * row of every table, as text.
 */
export async function databaseContents(database: { db: Db; url: string; file: string }): Promise<Buffer> {
  if (!database.file) {
    const rows = await databaseRows(database.db, database.url);
    return Buffer.from(
      JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)),
      "latin1",
    );
  }
  const files = [database.file, `${database.file}-wal`].filter((file) => fs.existsSync(file));
  return Buffer.concat(files.map((file) => fs.readFileSync(file)));
}
