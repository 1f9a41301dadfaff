import "server-only";

import Database from "better-sqlite3";
import pg from "pg";

import { Prisma } from "@/generated/prisma/client";

import { preparedStatements } from "./sqlite-statements";

/** A row as the driver returns it: read its columns with the converters below. */
export type SqlRow = Record<string, unknown>;

/**
 * Read-only SQL straight on the database driver, for the few hot reads where Prisma's own
 * per-call work costs more than the statement (the Invoices grid's three statements take ~0.3 ms
 * in SQLite, and ~1.6 ms of the server's CPU a page through Prisma: docs/performance.md, sixth
 * round). The statement is Prisma's `Prisma.sql` template: `.sql` (? placeholders) on SQLite,
 * `.text` ($1…) on PostgreSQL, so one SQL text serves both engines; quote identifiers
 * ("Invoice") and keep to the SQL both share.
 *
 * Only SELECTs: every write goes through Prisma and its transactions.
 */
export type SqlReader = {
  all(query: Prisma.Sql): Promise<SqlRow[]>;
  /**
   * `FROM "Table" ${indexedBy("index")}`: SQLite reads the table through that index (INDEXED BY);
   * PostgreSQL, which has no such clause, plans as it does. For statements whose cost must stay
   * bounded by the index's range whatever the statistics say: SQLite's estimates can pick an
   * index that reads ten times the rows (docs/performance.md, the grid's query plan).
   */
  indexedBy(index: string): Prisma.Sql;
};

/**
 * SQLite: a connection of its own to the file, not the one Prisma writes on. Prisma's SQLite
 * adapter runs every query on one connection, including those of an open transaction; a second
 * connection reads only committed rows (WAL lets it read during a write).
 */
export function sqliteReader(file: string, timeoutMs: number): SqlReader & { close(): void } {
  // Opened on the first read, again after close().
  let open: { connection: Database.Database; prepared: ReturnType<typeof preparedStatements> } | null = null;
  const prepared = () => {
    if (!open) {
      const connection = new Database(file, { timeout: timeoutMs });
      open = { connection, prepared: preparedStatements(connection) };
    }
    return open.prepared;
  };
  return {
    all: async (query) => prepared()(query.sql).all(query.values.map(sqliteValue)) as SqlRow[],
    indexedBy: (index) => Prisma.raw(`INDEXED BY "${index.replaceAll('"', '""')}"`),
    close: () => {
      open?.connection.close();
      open = null;
    },
  };
}

/** PostgreSQL: on Prisma's own pool (`pool()`), so a server opens no more connections than before. */
export function postgresqlReader(pool: () => Promise<pg.Pool>): SqlReader {
  return {
    all: async (query) =>
      (await (await pool()).query({ text: query.text, values: query.values.map(postgresqlValue), types })).rows,
    indexedBy: () => Prisma.empty,
  };
}

// How Prisma's adapters write dates, so a bound date compares with the stored ones as Prisma's own
// statements do: SQLite keeps ISO text with "+00:00"; PostgreSQL's timestamp(3) columns have no zone.
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
function postgresqlValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}

// A timestamp without time zone is UTC here (Prisma writes UTC), whatever the server's own zone.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A date column: SQLite's text, PostgreSQL's parsed timestamp. */
export const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
/** A boolean column: SQLite's 0/1, PostgreSQL's boolean. */
export const booleanOf = (value: unknown): boolean => value === true || value === 1;
/** A number: counts are bigint text on PostgreSQL. */
export const numberOf = (value: unknown): number => Number(value);
