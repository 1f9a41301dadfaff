// npm run bench, step 2: the databases (worlds) measured — generated once as templates,
// copied fresh for every run, prepared as `npm start` does — and what is read back from them,
// on SQLite or PostgreSQL (engines.mjs).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { benchDatabases, copyDatabase, databaseUrl, dropDatabase, openSql } from "./engines.mjs";
import {
  appDir,
  DEEP_PAGE,
  DEEP_QUERY,
  log,
  PAYABLE_MONTHS,
  root,
  run,
  serverEnv,
  SIM_NOW,
  work,
} from "./settings.mjs";

function templateKey(size, engine) {
  const hash = createHash("sha256");
  const sources = [
    "scripts/bench-db.ts",
    "src/server/demo/bulk.ts",
    "src/server/demo/bulk-writer.ts",
    "src/server/demo/seed.ts",
    "src/server/demo/world.ts",
    "src/server/demo/random.ts",
    "src/lib/dates.ts",
    "src/lib/money.ts",
  ];
  for (const file of sources) hash.update(fs.readFileSync(path.join(appDir, file)));
  const migrations = path.join(appDir, "prisma", engine === "postgresql" ? "migrations-postgresql" : "migrations");
  for (const dir of fs.readdirSync(migrations).sort()) {
    const file = path.join(migrations, dir, "migration.sql");
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  hash.update(JSON.stringify({ ...size, PAYABLE_MONTHS, SIM_NOW }));
  return hash.digest("hex").slice(0, 16);
}

/** Fills a template database (an SQLite file, or a PostgreSQL URL) with the world of `size`. */
function generate(size, target) {
  log(`${size.label}: generating ${size.invoices.toLocaleString("en-US")} invoices…`);
  const result = run(
    process.execPath,
    [
      "-C",
      "react-server",
      "--import",
      "tsx",
      "scripts/bench-db.ts",
      target,
      String(size.invoices),
      String(size.profiles),
      String(PAYABLE_MONTHS),
      SIM_NOW,
    ],
    { cwd: appDir, stdio: ["ignore", "pipe", "inherit"] },
  );
  const summary = JSON.parse(result.stdout.toString().trim().split("\n").pop());
  log(
    `${size.label}: ${summary.invoices.toLocaleString("en-US")} invoices, ${summary.profiles} billing profiles, ${summary.lines.toLocaleString("en-US")} lines, ${summary.payments.toLocaleString("en-US")} payments in ${summary.seconds.toFixed(1)} s`,
  );
}

/**
 * A fresh database of `size` for this run: a copy of the cached template (generated when missing
 * or when its sources changed). Returns its URL. SQLite: files under bench/.work; PostgreSQL:
 * databases azure_billing_bench_template_<size>_<key> (kept, the older keys dropped) and
 * azure_billing_bench_run_<size> (dropped by dropRunDatabases at the end).
 */
export async function prepareDatabase(size, engine = "sqlite", server = undefined) {
  const key = templateKey(size, engine);
  if (engine === "postgresql") {
    const prefix = `azure_billing_bench_template_${size.key}_`;
    const template = `${prefix}${key}`;
    const existing = await benchDatabases(server, prefix);
    for (const name of existing) if (name !== template) await dropDatabase(server, name);
    if (existing.includes(template)) log(`${size.label}: database template up to date (${template})`);
    else {
      try {
        generate(size, databaseUrl(server, template));
      } catch (error) {
        await dropDatabase(server, template);
        throw error;
      }
    }
    return copyDatabase(server, template, `azure_billing_bench_run_${size.key}`);
  }
  const template = path.join(work, `template-${size.key}.db`);
  const keyFile = `${template}.key`;
  if (fs.existsSync(template) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log(`${size.label}: database template up to date (${path.relative(root, template)})`);
  } else {
    fs.rmSync(keyFile, { force: true });
    generate(size, template);
    const sqlite = new Database(template);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    fs.writeFileSync(keyFile, key);
  }
  const file = path.join(work, `run-${size.key}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template, file);
  return `file:${file}`;
}

/** Drops this run's PostgreSQL databases (the templates stay, for the next run). */
export async function dropRunDatabases(server) {
  for (const name of await benchDatabases(server, "azure_billing_bench_run_")) await dropDatabase(server, name);
}

/** The same preparation as `npm start`: migrations (none pending), seed (not empty), reconciliation. */
export function setupDatabase(url) {
  run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
    cwd: appDir,
    env: serverEnv(url, 0),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function readWorld(url) {
  const sql = await openSql(url);
  try {
    const one = async (query, ...params) => (await sql.all(query, ...params))[0];
    const account = await one(`SELECT id FROM "BillingAccount" WHERE name = 'Contoso Ltd'`);
    const admin = await one(`SELECT id FROM "User" WHERE email = 'admin@contoso.com'`);
    const invoices = (await one(`SELECT COUNT(*) AS n FROM "Invoice" WHERE "billingAccountId" = ?`, account.id)).n;
    const profiles = (await one(`SELECT COUNT(*) AS n FROM "BillingProfile" WHERE "billingAccountId" = ?`, account.id))
      .n;
    // Payable by the saved Visa 4242 of the invoice's own billing profile.
    const payable = await sql.all(
      `SELECT i.id AS "invoiceId", pm.id AS "paymentMethodId" FROM "Invoice" i
       JOIN "PaymentMethod" pm ON pm."billingProfileId" = i."billingProfileId" AND pm.last4 = '4242' AND pm."removedAt" IS NULL
       WHERE i."billingAccountId" = ? AND NOT i.voided AND i."amountDueMinor" > 0 AND i."amountDueMinor" <= 5000000
       ORDER BY i."invoiceDate" DESC, i.id`,
      account.id,
    );
    const pdfInvoice = (
      await one(
        `SELECT id FROM "Invoice" WHERE "billingAccountId" = ? AND NOT voided AND "amountDueMinor" = 0 ORDER BY "invoiceDate" DESC, id LIMIT 1`,
        account.id,
      )
    ).id;
    return { accountId: account.id, adminId: admin.id, invoices, profiles, payable, pdfInvoice };
  } finally {
    await sql.close();
  }
}

/** No invoice paid twice: Σ SUCCEEDED ≤ total, amount due ≥ 0, and the balance adds up. */
export async function paymentChecks(url, accountId) {
  const sql = await openSql(url);
  try {
    const one = async (query, ...params) => (await sql.all(query, ...params))[0].n;
    const succeeded = `SELECT "invoiceId", SUM("amountMinor") AS paid FROM "Payment" WHERE status = 'SUCCEEDED' GROUP BY "invoiceId"`;
    const committed = `SELECT "invoiceId", SUM("amountMinor") AS paid FROM "Payment" WHERE status IN ('SUCCEEDED', 'PENDING') GROUP BY "invoiceId"`;
    const bench = `"idempotencyKey" NOT LIKE 'seed-%'`;
    return {
      overpaidInvoices: await one(
        `SELECT COUNT(*) AS n FROM "Invoice" i JOIN (${succeeded}) p ON p."invoiceId" = i.id WHERE p.paid > i."totalMinor"`,
      ),
      negativeAmountDue: await one(`SELECT COUNT(*) AS n FROM "Invoice" WHERE "amountDueMinor" < 0`),
      unbalancedInvoices: await one(
        `SELECT COUNT(*) AS n FROM "Invoice" i LEFT JOIN (${committed}) p ON p."invoiceId" = i.id WHERE NOT i.voided AND i."amountDueMinor" <> i."totalMinor" - COALESCE(p.paid, 0)`,
      ),
      benchPaymentsSucceeded: await one(
        `SELECT COUNT(*) AS n FROM "Payment" WHERE "billingAccountId" = ? AND ${bench} AND status = 'SUCCEEDED'`,
        accountId,
      ),
      benchPaymentsOther: await one(
        `SELECT COUNT(*) AS n FROM "Payment" WHERE "billingAccountId" = ? AND ${bench} AND status <> 'SUCCEEDED'`,
        accountId,
      ),
      invoicesWithTwoBenchPayments: await one(
        `SELECT COUNT(*) AS n FROM (SELECT "invoiceId" FROM "Payment" WHERE ${bench} AND status = 'SUCCEEDED' GROUP BY "invoiceId" HAVING COUNT(*) > 1) twice`,
      ),
      processorCharges: await one(`SELECT COUNT(*) AS n FROM "SimulatedCharge"`),
    };
  } finally {
    await sql.close();
  }
}

export function queryPlan(url) {
  // The plan is SQLite's EXPLAIN QUERY PLAN (scripts/bench-plan.ts); PostgreSQL's is not read yet.
  if (!url.startsWith("file:")) return null;
  const views = [{}, { ...DEEP_QUERY, page: String(DEEP_PAGE) }].map((view) => JSON.stringify(view));
  const result = run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/bench-plan.ts", ...views], {
    cwd: appDir,
    env: serverEnv(url, 0),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(result.stdout.toString().trim().split("\n").pop());
}
