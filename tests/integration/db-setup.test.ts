// The database foundation: migrations with the wasm schema engine, the demo
// seed, and the start-up errors a person can act on (scripts/db-setup.ts).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/server/db/client";
import { DatabaseSetupError, migrateDatabase } from "@/server/db/migrate";
import { seedDemo } from "@/server/demo/seed";

import {
  createTestDatabase,
  removeDatabaseFiles,
  tempDatabaseFile,
  TEST_DB_DIR,
  TEST_NOW,
  type TestDatabase,
} from "../support/test-db";

const root = process.cwd();
const migrationFolders = fs
  .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const created: string[] = [];
function scratchFile(label: string): string {
  const file = tempDatabaseFile(label);
  created.push(file);
  return file;
}
afterAll(() => created.forEach(removeDatabaseFiles));

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Row count of every application table. */
function tableCounts(file: string): Record<string, number> {
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

async function setupError(promise: Promise<unknown>): Promise<DatabaseSetupError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseSetupError);
  return error as DatabaseSetupError;
}

function expectOneSentence(message: string): void {
  expect(message).not.toContain("\n");
  expect(message).toMatch(/^[A-Z].*\.$/);
}

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

describe("seedDemo", () => {
  let world: TestDatabase & { destroy: () => Promise<void> };

  beforeAll(async () => {
    world = await createTestDatabase({ seed: true, now: TEST_NOW });
  });
  afterAll(async () => {
    await world?.destroy();
  });

  it("seeds once; a second run (same or new client) changes nothing", async () => {
    expect(world.seeded).toBe(true);
    const before = tableCounts(world.file);
    expect(before.User).toBe(3);
    expect(before.Invoice).toBeGreaterThan(0);

    expect(await seedDemo(world.db, { now: TEST_NOW })).toBe(false);
    const another = createPrismaClient(world.url);
    try {
      expect(await seedDemo(another, { now: new Date("2027-06-01T00:00:00Z") })).toBe(false);
    } finally {
      await another.$disconnect();
    }
    expect(tableCounts(world.file)).toEqual(before);

    const emails = (await world.db.user.findMany({ select: { email: true } })).map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.sort()).toEqual(["admin@contoso.com", "admin@fabrikam.com", "reader@contoso.com"]);
  });

  it("is the same world on every machine (deterministic ids)", async () => {
    const again = await createTestDatabase({ seed: true, now: TEST_NOW });
    try {
      const ids = async (db: TestDatabase["db"]) =>
        await db.invoice.findMany({ select: { id: true, totalMinor: true }, orderBy: { id: "asc" } });
      expect(await ids(again.db)).toEqual(await ids(world.db));
    } finally {
      await again.destroy();
    }
  });

  it("has the invoices the product's scenarios need", async () => {
    const invoices = await world.db.invoice.findMany({ include: { payments: true, lines: true } });
    const open = invoices.filter((invoice) => !invoice.voided && invoice.amountDueMinor > 0);

    const aboveCardLimit = open.filter((invoice) => invoice.currency === "USD" && invoice.totalMinor > 50_000_00);
    expect(aboveCardLimit.length).toBeGreaterThanOrEqual(1);

    const partiallyPaid = open.filter((invoice) => invoice.amountDueMinor < invoice.totalMinor);
    expect(partiallyPaid.length).toBeGreaterThanOrEqual(1);
    for (const invoice of partiallyPaid) {
      expect(invoice.payments.some((payment) => payment.status === "SUCCEEDED")).toBe(true);
    }

    const voided = invoices.filter((invoice) => invoice.voided);
    expect(voided.length).toBeGreaterThanOrEqual(1);
    expect(voided.every((invoice) => invoice.amountDueMinor === 0)).toBe(true);

    const pastDue = open.filter((invoice) => invoice.dueDate < TEST_NOW);
    expect(pastDue.length).toBeGreaterThanOrEqual(1);

    const due = open.filter((invoice) => invoice.dueDate >= TEST_NOW);
    expect(due.length).toBeGreaterThanOrEqual(1);

    // The admin of Contoso can see the above-limit and the partially paid ones.
    const contoso = await world.db.billingAccount.findFirstOrThrow({
      where: { name: "Contoso Ltd" },
      include: { roles: { include: { user: true } } },
    });
    expect(contoso.roles.find((role) => role.user.email === "admin@contoso.com")?.role).toBe("BILLING_ACCOUNT_ADMIN");
    expect(aboveCardLimit.some((invoice) => invoice.billingAccountId === contoso.id)).toBe(true);
  });

  it("keeps every invoice's amounts consistent", async () => {
    const invoices = await world.db.invoice.findMany({ include: { payments: true, lines: true } });
    for (const invoice of invoices) {
      expect(invoice.subtotalMinor + invoice.taxMinor, invoice.id).toBe(invoice.totalMinor);
      expect(
        invoice.lines.reduce((sum, line) => sum + line.amountMinor, 0),
        invoice.id,
      ).toBe(invoice.subtotalMinor);
      expect(invoice.invoiceDate.getTime(), invoice.id).toBeLessThanOrEqual(TEST_NOW.getTime());
      if (invoice.voided) continue;
      const paid = invoice.payments
        .filter((payment) => payment.status === "SUCCEEDED")
        .reduce((sum, payment) => sum + payment.amountMinor, 0);
      expect(invoice.amountDueMinor + paid, invoice.id).toBe(invoice.totalMinor);
      for (const payment of invoice.payments) expect(payment.currency, invoice.id).toBe(invoice.currency);
    }
  });
});

describe("scripts/db-setup.ts (npm run db:setup)", () => {
  type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

  /** Runs the script as npm does; a hang is killed (default after 20 s) and reported as such instead of blocking the suite. */
  function dbSetup(databaseUrl: string, killAfterMs = 20_000): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, SIM_NOW: TEST_NOW.toISOString(), NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }

  function expectOneLineError(run: Run, file: string): void {
    // Node's fs.mkdirSync(dir, { recursive: true }) spins forever at 100 % CPU when the kernel answers
    // ENOENT for a child of an existing folder (procfs): a hang here is that, not a slow machine.
    expect(run.signal, `db:setup hung and was killed after 20 s (stderr: ${JSON.stringify(run.stderr)})`).toBeNull();
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(lines[0]).toContain(file);
  }

  /**
   * Makes a path unwritable even for root, who ignores permission bits (CI runs
   * as root): the immutable attribute binds root too. Returns the undo.
   */
  function makeReadOnly(target: string): () => void {
    if (process.getuid?.() === 0) {
      execFileSync("chattr", ["+i", target]);
      return () => execFileSync("chattr", ["-i", target]);
    }
    const mode = fs.statSync(target).mode;
    fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
    return () => fs.chmodSync(target, mode);
  }

  it("names the file in one line when its folder is read-only", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-billing-ro-"));
    const file = path.join(dir, "portal.db");
    const undo = makeReadOnly(dir);
    try {
      expectOneLineError(await dbSetup(`file:${file}`, 40_000), file);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      undo();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the file in one line when the file itself is read-only", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-billing-ro-"));
    const file = path.join(dir, "portal.db");
    fs.writeFileSync(file, "");
    const undo = makeReadOnly(file);
    try {
      expectOneLineError(await dbSetup(`file:${file}`, 40_000), file);
      expect(fs.readFileSync(file).length).toBe(0);
    } finally {
      undo();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("migrates and seeds a new file, then does nothing on the next run", { timeout: 180_000 }, async () => {
    const file = scratchFile("script");
    const first = await dbSetup(`file:${file}`, 80_000); // migrating and seeding (bcrypt) is slow on a busy machine
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`applied ${migrationFolders.join(", ")}`);
    expect(first.stdout).toContain("Demo data created");

    const second = await dbSetup(`file:${file}`, 80_000);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("");
    expect(second.stderr).toBe("");
  });

  it(
    "exits non-zero with one line and no stack trace when the path cannot be written (/proc)",
    { timeout: 60_000 },
    async () => {
      expectOneLineError(await dbSetup("file:/proc/nope/x.db"), "/proc/nope/x.db");
    },
  );

  it("exits non-zero with one line when the folder is a regular file", { timeout: 60_000 }, async () => {
    const blocker = scratchFile("script-blocker");
    fs.writeFileSync(blocker, "");
    expectOneLineError(await dbSetup(`file:${blocker}/x.db`), `${blocker}/x.db`);
  });

  it("exits non-zero with one line when the file is corrupt", { timeout: 60_000 }, async () => {
    const file = scratchFile("script-corrupt");
    fs.writeFileSync(file, randomBytes(4096));
    const run = await dbSetup(`file:${file}`);
    expectOneLineError(run, file);
    expect(run.stderr).toMatch(/damaged or is not an SQLite database/);
  });
});
