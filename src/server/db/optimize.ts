import "server-only";

import Database from "better-sqlite3";

import { withConnection } from "./postgresql";
import { databaseEngine, databaseFile } from "./url";

/**
 * Gives the query planner the table statistics it picks indexes by.
 *
 * SQLite: sqlite_stat1 and sqlite_stat4, as SQLite recommends when a
 * long-lived connection opens: `PRAGMA optimize=0x10002`. It analyses only the
 * tables whose statistics are missing or out of date, so most starts cost
 * nothing (about half a second once for 100,000 invoices).
 *
 * Without statistics the planner guesses that `voided = ?` is selective and
 * reads the Invoices grid's status views through the status index: at 100,000
 * invoices (CPU time of the count and the page, with the parameter types
 * Prisma binds, measured before that index became covering) past due in the
 * last 3 months took 10.7 ms instead of 0.6, due in the last 12 months 2.5 ms
 * instead of 0.3, paid by amount (page 50) 90 ms instead of 35 (README,
 * Performance).
 *
 * PostgreSQL keeps its statistics with autovacuum, which runs only after
 * enough rows changed: right after a bulk seed `ANALYZE` gives them at once.
 */
export async function optimizeDatabase(url: string): Promise<void> {
  if (databaseEngine(url) === "postgresql") {
    await withConnection(url, (client) => client.query("ANALYZE"));
    return;
  }
  const sqlite = new Database(databaseFile(url), { timeout: 15_000 });
  try {
    sqlite.pragma("optimize=0x10002");
  } finally {
    sqlite.close();
  }
}
