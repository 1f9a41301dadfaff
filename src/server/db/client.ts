import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";

import { PrismaClient as PostgresqlPrismaClient } from "@/generated/prisma-postgresql/client";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

import { keepPreparedStatements } from "./sqlite-statements";
import { databaseEngine, databaseUrl } from "./url";

/**
 * The Prisma client of the database DATABASE_URL names.
 *
 * SQLite (the default): the busy timeout lets concurrent writers queue instead
 * of failing with "database is locked"; WAL (set when the file is prepared)
 * lets readers go on during a write.
 *
 * PostgreSQL: Prisma compiles queries per provider, so the PostgreSQL variant
 * of the same schema has its own generated client (scripts/postgresql-schema.mjs).
 * Both are generated from one set of models and expose the same model API, so
 * the rest of the code sees one type, `Db`; where the engines differ in
 * behaviour (taking turns), see locks.ts.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (databaseEngine(url) === "postgresql") {
    const client = new PostgresqlPrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: poolSize() }),
      // Transactions that take turns (locks.ts) wait for each other while holding a connection: under
      // a burst, Prisma's defaults (2 s to get a connection, 5 s to finish) would fail the later ones.
      transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new SqliteAdapter({ url, timeout: 15_000 }) });
}

/** Prisma's SQLite adapter, on a connection that keeps its prepared statements (sqlite-statements.ts). */
export class SqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    // The adapter's connection is its own `client` field, not part of its typed API: should a
    // new version name it otherwise, queries are prepared each time again, as before (and
    // tests/integration/db-setup/sqlite-statements.test.ts fails).
    const client: unknown = (adapter as unknown as { client?: unknown }).client;
    if (client instanceof Database) keepPreparedStatements(client);
    return adapter;
  }
}

/** Connections per server process; N servers on one PostgreSQL open N times this many. */
function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}

export type Db = PrismaClient;
/** What a `$transaction(async (tx) => …)` callback receives. */
export type Tx = Prisma.TransactionClient;
