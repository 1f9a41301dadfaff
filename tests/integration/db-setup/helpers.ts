// The database set-up tests' helpers: scratch database files (removed afterwards), read-only peeks,
// table counts, set-up errors.
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, expect } from "vitest";

import { DatabaseSetupError } from "@/server/db/migrate";

import { removeDatabaseFiles, tempDatabaseFile } from "../../support/test-db";

export const root = process.cwd();
export const migrationFolders = fs
  .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export const created: string[] = [];
export function scratchFile(label: string): string {
  const file = tempDatabaseFile(label);
  created.push(file);
  return file;
}
afterAll(() => created.forEach(removeDatabaseFiles));

export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Row count of every application table. */
export function tableCounts(file: string): Record<string, number> {
  return readOnly(file, (db) => {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number]),
    );
  });
}

export async function setupError(promise: Promise<unknown>): Promise<DatabaseSetupError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseSetupError);
  return error as DatabaseSetupError;
}

export function expectOneSentence(message: string): void {
  expect(message).not.toContain("\n");
  expect(message).toMatch(/^[A-Z].*\.$/);
}
