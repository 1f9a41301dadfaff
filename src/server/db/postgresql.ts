import "server-only";

import pg from "pg";

/**
 * What the migrator and the test databases need from PostgreSQL besides
 * Prisma: a plain connection for locks and for creating and dropping
 * throwaway databases.
 */

/** Runs `work` on one connection of its own, closed afterwards. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The same server with another database name: `postgresql://…/other?…`. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a URL names (default: the user name, as libpq does). */
export function databaseNameOf(url: string): string {
  const parsed = new URL(url);
  return decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database `url` names if it does not exist yet, connecting to the server's `postgres` database. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withConnection(withDatabaseName(url, "postgres"), async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another server created it at the same moment (42P04, or 23505 while both were still writing the catalog).
      const code = (error as { code?: string }).code;
      if (code !== "42P04" && code !== "23505") throw error;
    }
  });
}

/** Drops a database, closing the connections still open on it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withConnection(withDatabaseName(url, "postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/**
 * Holds a session-level advisory lock while `work` runs, so that several
 * servers starting together on one database migrate (and seed) one at a time:
 * the first applies the migrations, the others then find nothing to do.
 */
export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  return withConnection(url, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    }
  });
}
