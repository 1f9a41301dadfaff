/**
 * Throwaway databases for integration tests: SQLite files by default, or
 * databases on a PostgreSQL server with TEST_ENGINE=postgresql (the server is
 * TEST_POSTGRES_URL, default postgresql://postgres:postgres@127.0.0.1:5432/postgres;
 * each test file gets a database of its own, created in beforeAll and dropped
 * in afterAll — `file` is then empty).
 *
 * How a test file gets its database
 * ---------------------------------
 * 1. tests/support/setup-node.ts (a vitest `setupFiles` entry of the "node"
 *    project) runs before the test file's imports and sets
 *    `process.env.DATABASE_URL = file:<os.tmpdir()>/azure-billing-tests-<uid>/<test-file>-<random>.db`.
 *    Every test file gets its own path, and the app's `db` singleton
 *    (`@/server/db`, built from DATABASE_URL at import time) is therefore
 *    created on that path even when the test imports app code statically.
 *    Prisma's SQLite adapter opens the file lazily, on the first query.
 * 2. The test file calls `useTestDatabase({ seed: true })` at top level. Its
 *    `beforeAll` creates the file, applies prisma/migrations with
 *    migrateDatabase() and seeds the demo world (seedDemo at TEST_NOW); its
 *    `afterAll` disconnects the client and deletes the file.
 *
 *    import { useTestDatabase } from "../support/test-db";
 *    import { someServerFunction } from "@/server/...";   // uses `db` inside: fine
 *
 *    const testDb = useTestDatabase({ seed: true });
 *    it("…", async () => {
 *      const invoices = await testDb.db.invoice.findMany();  // the same client as `db` of "@/server/db"
 *    });
 *
 * Tests that need several databases (or one they break on purpose) call
 * `createTestDatabase()` / `tempDatabaseFile()` instead.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, expect } from "vitest";

import type { Db } from "@/server/db/client";
import { databaseNameOf, dropDatabase, withDatabaseName } from "@/server/db/postgresql";
import { databaseEngine } from "@/server/db/url";

/** The engine the node tests run on: TEST_ENGINE=postgresql, else SQLite. */
export const TEST_ENGINE: "sqlite" | "postgresql" = process.env.TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";

/** The PostgreSQL server the tests create their databases on. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL?.trim() || "postgresql://postgres:postgres@127.0.0.1:5432/postgres";

/** A new, unique database name on the test server (nothing is created). Lower case, at most 63 bytes. */
export function tempPostgresqlUrl(label = "db"): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 30);
  return withDatabaseName(TEST_POSTGRES_URL, `portal_test_${safe}_${process.pid}_${randomBytes(4).toString("hex")}`);
}

/** A URL for a new throwaway database of the test engine (nothing is created). */
export function tempDatabaseUrl(label = "db"): string {
  return TEST_ENGINE === "postgresql" ? tempPostgresqlUrl(label) : `file:${tempDatabaseFile(label)}`;
}

/** Deletes a throwaway database: its SQLite files, or the PostgreSQL database. */
export async function removeDatabase(url: string): Promise<void> {
  if (databaseEngine(url) === "postgresql") {
    if (!databaseNameOf(url).startsWith("portal_test_"))
      throw new Error(`removeDatabase() refuses to drop ${databaseNameOf(url)}: not a test database.`);
    await dropDatabase(url);
  } else removeDatabaseFiles(url.slice("file:".length));
}

/** The date the demo world is seeded at in tests — the same "now" as the e2e server's SIM_NOW. */
export const TEST_NOW = new Date("2026-11-20T09:00:00.000Z");

/**
 * Where every test database lives; never inside the repo, never data/portal.db.
 * One folder per user: another user's folder in a shared /tmp is not writable.
 */
export const TEST_DB_DIR = path.join(
  os.tmpdir(),
  `azure-billing-tests-${process.getuid?.() ?? os.userInfo().username.replace(/[^a-zA-Z0-9_-]/g, "_")}`,
);

/** A fresh path under TEST_DB_DIR (nothing is created but the folder). */
export function tempDatabaseFile(label = "db"): string {
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  const safe = label.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 60);
  return path.join(TEST_DB_DIR, `${safe}-${process.pid}-${randomBytes(4).toString("hex")}.db`);
}

let urlForThisFile: string | undefined;

/** The database URL of the running test file (each test file has its own module graph, so its own value). */
export function testDatabaseUrlForThisFile(): string {
  const testPath = expect.getState().testPath;
  urlForThisFile ??= tempDatabaseUrl(testPath ? path.basename(testPath).replace(/\.test\.tsx?$/, "") : "test");
  return urlForThisFile;
}

/** Deletes an SQLite file with its WAL/SHM/journal companions. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export type TestDatabaseOptions = {
  /** Seed the demo world (seedDemo) after migrating. Default false: an empty, migrated database. */
  seed?: boolean;
  /** The "now" the demo world is built around. Default TEST_NOW. */
  now?: Date;
};

export type TestDatabase = {
  url: string;
  /** The SQLite file; "" on PostgreSQL. */
  file: string;
  db: Db;
  appliedMigrations: string[];
  seeded: boolean;
};

async function prepare(url: string, options: TestDatabaseOptions, db: () => Promise<Db>) {
  const { migrateDatabase } = await import("@/server/db/migrate");
  const appliedMigrations = await migrateDatabase(url);
  const client = await db();
  let seeded = false;
  if (options.seed) {
    const { seedDemo } = await import("@/server/demo/seed");
    seeded = await seedDemo(client, { now: options.now ?? TEST_NOW, password: "Passw0rd!" });
  }
  return { appliedMigrations, seeded, db: client };
}

/**
 * A new migrated (optionally seeded) database on its own file with its own
 * Prisma client. Call `destroy()` when done.
 */
export async function createTestDatabase(
  options: TestDatabaseOptions & { file?: string } = {},
): Promise<TestDatabase & { destroy: () => Promise<void> }> {
  const url = options.file ? `file:${options.file}` : tempDatabaseUrl("extra");
  const file = databaseEngine(url) === "sqlite" ? url.slice("file:".length) : "";
  await removeDatabase(url);
  const { createPrismaClient } = await import("@/server/db/client");
  const ready = await prepare(url, options, async () => createPrismaClient(url));
  return {
    url,
    file,
    ...ready,
    destroy: async () => {
      await ready.db.$disconnect();
      await removeDatabase(url);
    },
  };
}

/**
 * Prepares the database DATABASE_URL points at (set per file by setup-node.ts)
 * in beforeAll and removes it in afterAll. `handle.db` is the app's own `db`
 * singleton from "@/server/db", so what the test reads is what app code wrote.
 * Properties are available from beforeAll on.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  let state: TestDatabase | undefined;
  const get = (): TestDatabase => {
    if (!state)
      throw new Error(
        "useTestDatabase(): the database is ready only from beforeAll on (use it inside hooks and tests).",
      );
    return state;
  };

  beforeAll(async () => {
    const { databaseFile, databaseUrl } = await import("@/server/db/url");
    const url = databaseUrl();
    const file = databaseEngine(url) === "sqlite" ? databaseFile(url) : "";
    if (file ? !file.startsWith(TEST_DB_DIR + path.sep) : !databaseNameOf(url).startsWith("portal_test_")) {
      throw new Error(
        `useTestDatabase() refuses to touch ${file || databaseNameOf(url)}: DATABASE_URL should point into ${TEST_DB_DIR} or at a portal_test_ database (is tests/support/setup-node.ts in setupFiles?).`,
      );
    }
    await removeDatabase(url);
    const ready = await prepare(url, options, async () => (await import("@/server/db")).db);
    state = { url, file, ...ready };
  });

  afterAll(async () => {
    if (!state) return;
    await state.db.$disconnect();
    if (!process.env.KEEP_TEST_DB) await removeDatabase(state.url);
    state = undefined;
  });

  return {
    get url() {
      return get().url;
    },
    get file() {
      return get().file;
    },
    get db() {
      return get().db;
    },
    get appliedMigrations() {
      return get().appliedMigrations;
    },
    get seeded() {
      return get().seeded;
    },
  };
}
