// The database foundation: migrations with the wasm schema engine, the demo
// seed, and the start-up errors a person can act on (scripts/db-setup.ts).
//
// This file: migrateDatabase.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { migrateDatabase } from "@/server/db/migrate";

import { TEST_DB_DIR } from "../../support/test-db";
import { expectOneSentence, migrationFolders, readOnly, scratchFile, setupError, tableCounts } from "./helpers";

describe("migrateDatabase", () => {
  it("migrates an empty file and records every migration in _prisma_migrations", async () => {
    const file = scratchFile("empty");
    fs.writeFileSync(file, ""); // a zero-byte file is an empty SQLite database

    const applied = await migrateDatabase(`file:${file}`);

    expect(applied).toEqual(migrationFolders);
    expect(migrationFolders.some((name) => /^\d{14}_init$/.test(name))).toBe(true);
    const rows = readOnly(file, (db) =>
      db
        .prepare(
          "SELECT migration_name, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
        )
        .all(),
    ) as { migration_name: string; finished_at: unknown; rolled_back_at: unknown; applied_steps_count: number }[];
    expect(rows.map((row) => row.migration_name)).toEqual(migrationFolders);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(Object.keys(tableCounts(file))).toEqual(
      expect.arrayContaining([
        "User",
        "BillingAccount",
        "BillingProfile",
        "Invoice",
        "InvoiceLine",
        "PaymentMethod",
        "Payment",
        "RoleAssignment",
        "Notification",
      ]),
    );

    // Again: nothing to apply, nothing recorded twice.
    expect(await migrateDatabase(`file:${file}`)).toEqual([]);
    expect(readOnly(file, (db) => db.prepare("SELECT COUNT(*) FROM _prisma_migrations").pluck().get())).toBe(
      migrationFolders.length,
    );
  });

  it("creates the file and its folder when they do not exist", async () => {
    const dir = path.join(TEST_DB_DIR, `nested-${randomBytes(4).toString("hex")}`);
    const file = path.join(dir, "a", "b", "portal.db");
    try {
      expect(await migrateDatabase(`file:${file}`)).toEqual(migrationFolders);
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the file when its folder cannot be created (parent is a regular file)", async () => {
    const blocker = scratchFile("blocker");
    fs.writeFileSync(blocker, "not a folder");
    const file = path.join(blocker, "sub", "portal.db");

    const error = await setupError(migrateDatabase(`file:${file}`));

    expect(error.message).toContain(file);
    expect(error.message).toMatch(/cannot be written/);
    expectOneSentence(error.message);
  });

  it("refuses a corrupt file (random bytes) with a DatabaseSetupError and leaves it untouched", async () => {
    const file = scratchFile("corrupt");
    const bytes = randomBytes(16 * 1024);
    fs.writeFileSync(file, bytes);

    const error = await setupError(migrateDatabase(`file:${file}`));

    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged or is not an SQLite database/);
    expectOneSentence(error.message);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
