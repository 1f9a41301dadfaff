import "server-only";

import type { Db, Tx } from "./client";
import { databaseEngine } from "./url";

/**
 * The database server's clock: one clock for every server process that
 * shares the database. A payment lease written by one server and read by
 * another must be measured on the same clock, or a server whose clock runs
 * ahead would find a live server's lease expired and abandon its payment.
 * Real time (SIM_NOW and worlds' clocks do not touch it).
 *
 * SQLite: julianday('now'), the host's clock (one host holds the file).
 * PostgreSQL: clock_timestamp(), the time at the statement, not at the start of the transaction.
 * Read as text: neither adapter then has to convert a date type.
 */
export async function databaseNow(client: Pick<Db | Tx, "$queryRaw">): Promise<Date> {
  const rows =
    databaseEngine() === "postgresql"
      ? await client.$queryRaw<{ ms: string }[]>`SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::text AS ms`
      : await client.$queryRaw<
          { ms: string }[]
        >`SELECT CAST(CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) AS TEXT) AS ms`;
  const ms = Number(rows[0]?.ms);
  if (!Number.isFinite(ms)) throw new Error("The database did not tell its time.");
  return new Date(ms);
}
