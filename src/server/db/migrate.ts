import "server-only";

import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { listMigrations, openSchemaEngine } from "./schema-engine";
import { databaseFile, databaseUrl } from "./url";

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

/** Applies the committed migrations that the database does not have yet; returns their names. */
export async function migrateDatabase(url: string = databaseUrl()): Promise<string[]> {
  checkDatabaseFile(databaseFile(url));
  const { engine, close } = await openSchemaEngine(url);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: listMigrations(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * The SQL that takes a database built from the committed migrations to the
 * current schema.prisma — the body of the next migration. It diffs against a
 * scratch database, so the developer's own data plays no part.
 */
export async function pendingSchemaChange(scratchFile: string): Promise<string> {
  fs.rmSync(scratchFile, { force: true });
  const { engine, close } = await openSchemaEngine(`file:${scratchFile}`);
  try {
    await engine.applyMigrations({ migrationsList: listMigrations(), filters: noFilters });
    const schema = {
      path: path.join(process.cwd(), "prisma", "schema.prisma"),
      content: fs.readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"),
    };
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: [schema], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await close();
    fs.rmSync(scratchFile, { force: true });
  }
}
