import "server-only";

import type { Tx } from "./client";
import { databaseEngine } from "./url";

type Row = Record<string, unknown>;

/** A value as Prisma stores it in SQLite: dates as ISO text with +00:00, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace(/Z$/, "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts rows into one table with a single statement, inside the caller's
 * transaction — for making a world per test, where Prisma's createMany spent
 * most of the time preparing its queries. SQLite: one multi-row VALUES list;
 * PostgreSQL: one JSON parameter expanded by json_populate_recordset, which
 * converts each field to its column's type. Columns a row leaves out keep their
 * defaults. Table and column names come from code, never from a request.
 */
export async function insertRows(tx: Tx, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const list = columns.map(quote).join(", ");
  if (databaseEngine() === "postgresql") {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
      JSON.stringify(rows),
    );
    return;
  }
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quote(table)} (${list}) VALUES ${rows.map(() => tuple).join(", ")}`,
    ...rows.flatMap((row) => columns.map((column) => sqliteValue(row[column]))),
  );
}
