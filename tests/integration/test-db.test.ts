// Shows how an integration test gets its own database: setup-node.ts pointed
// DATABASE_URL at a per-file temp path before these imports ran, so the app's
// `db` singleton below is already bound to it; useTestDatabase() migrates and
// seeds that file in beforeAll and deletes it in afterAll.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { databaseFile } from "@/server/db/url";

import { TEST_DB_DIR, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });

describe("useTestDatabase", () => {
  it("points the app's db singleton at a throwaway file, not data/portal.db", () => {
    expect(testDb.db).toBe(db);
    expect(databaseFile()).toBe(testDb.file);
    expect(testDb.file.startsWith(TEST_DB_DIR + path.sep)).toBe(true);
    expect(path.basename(testDb.file)).toMatch(/^test-db-/);
    expect(fs.existsSync(testDb.file)).toBe(true);
  });

  it("migrated and seeded it", async () => {
    expect(testDb.appliedMigrations.length).toBeGreaterThan(0);
    expect(testDb.seeded).toBe(true);
    expect(await db.user.findUnique({ where: { email: "admin@contoso.com" } })).toMatchObject({
      displayName: "Adele Vance",
    });
  });

  it("shares its data between the tests of one file", async () => {
    await db.notification.create({
      data: {
        id: "n-1",
        userId: (await db.user.findFirstOrThrow()).id,
        kind: "PAYMENT_SUCCEEDED",
        params: "{}",
        createdAt: new Date(),
      },
    });
    expect(await db.notification.count()).toBe(1);
  });
});
