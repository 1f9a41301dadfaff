/**
 * The databases of the reliability suites, on the engine TEST_ENGINE names: SQLite files under
 * DB_DIR (vitest.reliability.config.ts), or throwaway PostgreSQL databases on TEST_POSTGRES_URL's
 * server (vitest.reliability-postgresql.config.ts runs tests/reliability/server/ there too).
 * A database is named by what startServer(), runDbSetup() and openDb() take: a file path or a URL.
 */
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { databaseNameOf, withDatabaseName } from "@/server/db/postgresql";

import { removeDatabase, tempPostgresqlUrl, TEST_ENGINE } from "../../support/test-db";
import { copyDatabase, DB_DIR } from "./server";

export const ON_POSTGRESQL = TEST_ENGINE === "postgresql";

/** A new database for `name` (nothing is created: runDbSetup() creates and migrates it). */
export function reliabilityDatabase(name: string): string {
  if (ON_POSTGRESQL) return tempPostgresqlUrl(`rel_${name}`);
  fs.mkdirSync(DB_DIR, { recursive: true });
  const file = path.join(DB_DIR, `${name}.db`);
  removeReliabilityDatabase(file);
  return file;
}

/** The URL the app's Prisma client factory takes. */
export function urlOf(database: string): string {
  return ON_POSTGRESQL ? database : `file:${database}`;
}

/** A copy of a prepared database under a new name (PostgreSQL: CREATE DATABASE … TEMPLATE). */
export async function cloneDatabase(from: string, name: string): Promise<string> {
  const to = reliabilityDatabase(name);
  if (!ON_POSTGRESQL) {
    copyDatabase(from, to);
    return to;
  }
  const client = new pg.Client({ connectionString: withDatabaseName(from, "postgres") });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${databaseNameOf(to)}" TEMPLATE "${databaseNameOf(from)}"`);
  } finally {
    await client.end();
  }
  return to;
}

/** Deletes a database (its files, or the PostgreSQL database), unless KEEP_TEST_DB=1. */
export function removeReliabilityDatabase(database: string): Promise<void> | void {
  if (ON_POSTGRESQL) return process.env.KEEP_TEST_DB === "1" ? undefined : removeDatabase(database);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(database + suffix, { force: true });
}
