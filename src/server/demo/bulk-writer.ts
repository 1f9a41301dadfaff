import "server-only";

import Database from "better-sqlite3";
import pg from "pg";

import { databaseEngine, databaseFile } from "@/server/db/url";

/**
 * How the bulk seeder (bulk.ts) writes its rows, per engine: far faster than
 * Prisma's createMany for the benchmark's 100,000 invoices (and half a million
 * lines), and each batch in one transaction.
 *
 * - SQLite: one prepared INSERT per table, run once per row, on a
 *   better-sqlite3 connection of its own (the values as Prisma stores them:
 *   ISO text dates with an offset, 0/1 booleans).
 * - PostgreSQL: multi-row INSERTs of up to ~30,000 parameters, on one pg
 *   connection of its own (dates as UTC text: Prisma's DateTime columns are
 *   `timestamp(3)` without a time zone, holding UTC).
 */
export type Row = Record<string, unknown>;
/** Tables and their rows, written in this order (parents first) in one transaction. */
export type BulkTables = [table: string, rows: Row[]][];

export type BulkWriter = {
  write(tables: BulkTables): Promise<void>;
  close(): Promise<void>;
};

export async function openBulkWriter(url: string): Promise<BulkWriter> {
  return databaseEngine(url) === "postgresql" ? postgresqlWriter(url) : sqliteWriter(url);
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace(/Z$/, "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

function sqliteWriter(url: string): BulkWriter {
  const sqlite = new Database(databaseFile(url), { timeout: 15_000 });
  sqlite.pragma("foreign_keys = ON");
  const insertRows = (table: string, rows: Row[]) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]);
    const statement = sqlite.prepare(
      `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    );
    for (const row of rows) statement.run(columns.map((column) => sqliteValue(row[column])));
  };
  return {
    async write(tables) {
      sqlite.transaction(() => {
        for (const [table, rows] of tables) insertRows(table, rows);
      })();
    },
    async close() {
      sqlite.close();
    },
  };
}

/** Parameters per INSERT statement (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 30_000;

function postgresqlValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace(/Z$/, "");
  return value ?? null;
}

async function postgresqlWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const insertRows = async (table: string, rows: Row[]) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]);
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      const tuples = chunk.map((row) => {
        const first = values.length;
        for (const column of columns) values.push(postgresqlValue(row[column]));
        return `(${columns.map((_, i) => `$${first + i + 1}`).join(", ")})`;
      });
      await client.query(
        `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES ${tuples.join(", ")}`,
        values,
      );
    }
  };
  return {
    async write(tables) {
      await client.query("BEGIN");
      try {
        for (const [table, rows] of tables) await insertRows(table, rows);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
