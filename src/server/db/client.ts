import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import type pg from "pg";

import { PrismaClient as PostgresqlPrismaClient } from "@/generated/prisma-postgresql/client";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

import { postgresqlReader, sqliteReader, type SqlReader } from "./sql-reader";
import { keepPreparedStatements } from "./sqlite-statements";
import { outsideStatementsWait } from "./sqlite-transactions";
import { databaseEngine, databaseFile, databaseUrl } from "./url";

/**
 * Each client's SqlReader, on the same database (sqlReader). Kept on globalThis like the client itself
 * (index.ts): the dev server may load this module more than once, and the one client made by the first
 * copy must still find its reader from the others.
 */
const globalForReaders = globalThis as unknown as { portalSqlReaders?: WeakMap<object, SqlReader> };
const readers = (globalForReaders.portalSqlReaders ??= new WeakMap<object, SqlReader>());

/** Read-only SQL on the database `client` works on (sql-reader.ts): for the hot reads Prisma makes slow. */
export function sqlReader(client: Db): SqlReader {
  const reader = readers.get(client);
  if (!reader) throw new Error("This Prisma client was not made by createPrismaClient(): it has no SqlReader.");
  return reader;
}

/**
 * The Prisma client of the database DATABASE_URL names.
 *
 * SQLite (the default): the busy timeout lets concurrent writers queue instead
 * of failing with "database is locked"; WAL (set when the file is prepared)
 * lets readers go on during a write.
 *
 * PostgreSQL: Prisma compiles queries per provider, so the PostgreSQL variant
 * of the same schema has its own generated client (src/server/db/postgresql-schema.mjs).
 * Both are generated from one set of models and expose the same model API, so
 * the rest of the code sees one type, `Db`; where the engines differ in
 * behaviour (taking turns), see locks.ts.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (databaseEngine(url) === "postgresql") {
    const adapter = new PostgresqlAdapter({ connectionString: url, max: poolSize() });
    const client = new PostgresqlPrismaClient({
      adapter,
      // Transactions that take turns (locks.ts) wait for each other while holding a connection: under
      // a burst, Prisma's defaults (2 s to get a connection, 5 s to finish) would fail the later ones.
      transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    });
    // On Prisma's own pool: the reader opens no connection of its own, and has Prisma connect when needed.
    readers.set(
      client,
      postgresqlReader(async () => {
        if (!adapter.pool) await client.$connect();
        if (!adapter.pool) throw new Error("Prisma's PostgreSQL adapter did not connect.");
        return adapter.pool;
      }),
    );
    return client as unknown as PrismaClient;
  }
  const adapter = new SqliteAdapter({ url, timeout: BUSY_TIMEOUT_MS });
  const client = new PrismaClient({ adapter });
  readers.set(client, adapter.reader);
  return client;
}

const BUSY_TIMEOUT_MS = 15_000;

/**
 * Prisma's SQLite adapter, on a connection that keeps its prepared statements (sqlite-statements.ts),
 * where a statement from outside an open transaction waits for it (sqlite-transactions.ts).
 */
export class SqliteAdapter extends PrismaBetterSqlite3 {
  /** The SqlReader's own connection to the same file, closed with Prisma's ($disconnect()). */
  readonly reader: ReturnType<typeof sqliteReader>;

  constructor(config: { url: string; timeout: number }) {
    super(config);
    this.reader = sqliteReader(databaseFile(config.url), config.timeout);
  }

  override async connect() {
    const adapter = outsideStatementsWait(whenDisposed(await super.connect(), () => this.reader.close()));
    // The adapter's connection is its own `client` field, not part of its typed API: should a
    // new version name it otherwise, queries are prepared each time again, as before (and
    // tests/integration/db-setup/sqlite-statements.test.ts fails).
    const client: unknown = (adapter as unknown as { client?: unknown }).client;
    if (client instanceof Database) keepPreparedStatements(client);
    return adapter;
  }
}

/** Prisma's PostgreSQL adapter, showing the pool of its current connection (null before and after). */
class PostgresqlAdapter extends PrismaPg {
  pool: pg.Pool | null = null;

  override async connect() {
    const adapter = whenDisposed(await super.connect(), () => (this.pool = null));
    this.pool = adapter.underlyingDriver();
    return adapter;
  }
}

/** The adapter, doing `then` first when Prisma disposes of it ($disconnect()). */
function whenDisposed<Adapter extends { dispose(): Promise<void> }>(adapter: Adapter, then: () => void): Adapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = () => {
    then();
    return dispose();
  };
  return adapter;
}

/** Connections per server process; N servers on one PostgreSQL open N times this many. */
function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}

export type Db = PrismaClient;
/** What a `$transaction(async (tx) => …)` callback receives. */
export type Tx = Prisma.TransactionClient;
