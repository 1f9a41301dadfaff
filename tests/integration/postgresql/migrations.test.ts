// PostgreSQL only (vitest.postgresql.config.ts): the migrations of the second
// engine, applied by the app's own migrator — once, even when several servers
// start together — and bringing a database to exactly schema.prisma, so a
// schema change merged with its SQLite migration only is caught here.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/server/db/client";
import { migrateDatabase, pendingSchemaChange } from "@/server/db/migrate";
import { withConnection } from "@/server/db/postgresql";
import { migrationsDirs } from "@/server/db/schema-engine";

import { removeDatabase, tempPostgresqlUrl, TEST_ENGINE } from "../../support/test-db";

const created: string[] = [];
function scratch(label: string): string {
  const url = tempPostgresqlUrl(label);
  created.push(url);
  return url;
}
afterAll(async () => {
  for (const url of created) await removeDatabase(url);
});

const folders = fs
  .readdirSync(migrationsDirs.postgresql, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function appliedMigrations(url: string): Promise<{ migration_name: string; finished: boolean }[]> {
  return withConnection(url, async (client) => {
    const result = await client.query<{ migration_name: string; finished: boolean }>(
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name",
    );
    return result.rows;
  });
}

describe("PostgreSQL migrations", () => {
  it("runs on PostgreSQL", () => {
    expect(TEST_ENGINE).toBe("postgresql");
    expect(process.env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
  });

  it("creates the database, applies every migration once and records it in _prisma_migrations", async () => {
    const url = scratch("migrate");
    expect(await migrateDatabase(url)).toEqual(folders);
    expect(await appliedMigrations(url)).toEqual(folders.map((name) => ({ migration_name: name, finished: true })));
    expect(await migrateDatabase(url)).toEqual([]);
    expect(fs.readFileSync(path.join(migrationsDirs.postgresql, "migration_lock.toml"), "utf8")).toMatch(
      /provider = "postgresql"/,
    );
  });

  it("brings a database to exactly schema.prisma (a schema change needs its PostgreSQL migration: npm run db:migration)", async () => {
    expect(await pendingSchemaChange(scratch("diff"))).toMatch(/^(\s*|-- This is an empty migration\.?\s*)$/);
  });

  it("five servers migrating one new database at once: each migration applied once, every server ready", async () => {
    const url = scratch("together");
    const results = await Promise.all(Array.from({ length: 5 }, () => migrateDatabase(url)));
    expect(results.flat().sort()).toEqual(folders);
    expect(await appliedMigrations(url)).toHaveLength(folders.length);
    const db = createPrismaClient(url);
    try {
      expect(await db.invoice.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("npm run db:setup from three processes at once: migrated and seeded once", async () => {
    const url = scratch("setup");
    const runs = await Promise.all(
      Array.from(
        { length: 3 },
        () =>
          new Promise<{ code: number | null; output: string }>((resolve) => {
            const child = spawn(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
              env: { ...process.env, DATABASE_URL: url },
            });
            let output = "";
            child.stdout.on("data", (chunk) => (output += chunk));
            child.stderr.on("data", (chunk) => (output += chunk));
            child.on("close", (code) => resolve({ code, output }));
          }),
      ),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(runs.filter((run) => run.output.includes("Demo data created"))).toHaveLength(1);
    expect(runs.filter((run) => run.output.includes("applied"))).toHaveLength(1);
    const db = createPrismaClient(url);
    try {
      expect(await db.user.count({ where: { email: "admin@contoso.com" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
