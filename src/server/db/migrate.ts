import "server-only";

import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { dropDatabase, ensureDatabase, withAdvisoryLock } from "./postgresql";
import { listMigrations, openSchemaEngine, readSchema } from "./schema-engine";
import { databaseEngine, databaseFile, databaseLabel, databaseUrl, type DatabaseEngine } from "./url";

const noFilters = { externalTables: [], externalEnums: [] };

/** A start-up problem a person can fix; its message is one sentence, printed as is. */
export class DatabaseSetupError extends Error {}

/**
 * Makes sure the database file can be used before anything else touches it:
 * its folder exists, it is writable, and SQLite recognises it.
 */
export function checkDatabaseFile(file: string): void {
  const dir = path.dirname(file);
  try {
    // Created one level at a time: Node 20's recursive mkdir loops forever under /proc.
    const missing: string[] = [];
    for (let folder = dir; !fs.existsSync(folder) && path.dirname(folder) !== folder; folder = path.dirname(folder))
      missing.unshift(folder);
    for (const folder of missing) fs.mkdirSync(folder);
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new DatabaseSetupError(
      `The database file ${file} cannot be written: make its folder writable or set DATABASE_URL to a writable path.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(String(check));
    db.pragma("journal_mode = WAL");
  } catch {
    throw new DatabaseSetupError(
      `The database file ${file} is damaged or is not an SQLite database: delete it (npm run db:reset) or point DATABASE_URL elsewhere.`,
    );
  } finally {
    db?.close();
  }
}

/** An arbitrary, fixed key: the portal's own migration lock (Prisma's CLI uses another). */
const MIGRATION_LOCK_KEY = 0x5e77_1e00;

/**
 * Applies the committed migrations that the database does not have yet and
 * returns their names. `whileLocked` runs right after, still under the
 * migration lock (seeding the demo world once).
 */
export async function migrateDatabase(
  url: string = databaseUrl(),
  whileLocked: () => Promise<void> = async () => {},
): Promise<string[]> {
  const engine = databaseEngine(url);
  if (engine === "sqlite") {
    checkDatabaseFile(databaseFile(url));
    const applied = await applyMigrations(url, engine);
    await whileLocked();
    return applied;
  }
  await checkPostgresqlReachable(url);
  // Several servers starting together: one migrates and seeds, the others wait and then find nothing to do.
  return withAdvisoryLock(url, MIGRATION_LOCK_KEY, async () => {
    const applied = await applyMigrations(url, engine);
    await whileLocked();
    return applied;
  });
}

async function applyMigrations(url: string, engine: DatabaseEngine): Promise<string[]> {
  const { engine: schemaEngine, close } = await openSchemaEngine(url);
  try {
    const { appliedMigrationNames } = await schemaEngine.applyMigrations({
      migrationsList: listMigrations(engine),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/** Creates the database if the server lacks it; a clear sentence when the server cannot be reached. */
async function checkPostgresqlReachable(url: string): Promise<void> {
  try {
    await ensureDatabase(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseSetupError(
      `The PostgreSQL database ${databaseLabel(url)} cannot be reached or created (${reason}): start the server or correct DATABASE_URL.`,
    );
  }
}

/**
 * The SQL that takes a database built from an engine's committed migrations
 * to the current schema.prisma — the body of that engine's next migration. It
 * diffs against a scratch database (an SQLite file, or a throwaway database on
 * the PostgreSQL server of `scratch`), so the developer's own data plays no part.
 */
export async function pendingSchemaChange(scratch: string): Promise<string> {
  const engine = databaseEngine(scratch);
  if (engine === "sqlite") {
    const file = databaseFile(scratch);
    fs.rmSync(file, { force: true });
    try {
      return await diffAgainstMigrations(scratch, engine);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }
  await ensureDatabase(scratch);
  try {
    return await diffAgainstMigrations(scratch, engine);
  } finally {
    await dropDatabase(scratch);
  }
}

async function diffAgainstMigrations(url: string, engine: DatabaseEngine): Promise<string> {
  const { engine: schemaEngine, close } = await openSchemaEngine(url);
  try {
    await schemaEngine.applyMigrations({ migrationsList: listMigrations(engine), filters: noFilters });
    const [schemaFile, content] = readSchema(engine);
    const schema = { path: schemaFile, content };
    const result = await schemaEngine.diff({
      from: { tag: "schemaDatasource", files: [schema], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await close();
  }
}
