import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

import { PrismaClient, type Prisma } from "@/generated/prisma/client";

import { databaseUrl } from "./url";

/**
 * A Prisma client on the embedded SQLite file. The busy timeout lets
 * concurrent writers queue instead of failing with "database is locked";
 * WAL (set when the file is prepared) lets readers go on during a write.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url, timeout: 15_000 });
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;
/** What a `$transaction(async (tx) => …)` callback receives. */
export type Tx = Prisma.TransactionClient;
