// npm run bench, step 2: the databases (worlds) measured — generated once as templates,
// copied fresh for every run, prepared as `npm start` does — and what is read back from them.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

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

function templateKey(size) {
  const hash = createHash("sha256");
  const sources = [
    "scripts/bench-db.ts",
    "src/server/demo/bulk.ts",
    "src/server/demo/seed.ts",
    "src/server/demo/world.ts",
    "src/server/demo/random.ts",
    "src/lib/dates.ts",
    "src/lib/money.ts",
  ];
  for (const file of sources) hash.update(fs.readFileSync(path.join(appDir, file)));
  for (const dir of fs.readdirSync(path.join(appDir, "prisma", "migrations")).sort()) {
    const file = path.join(appDir, "prisma", "migrations", dir, "migration.sql");
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  hash.update(JSON.stringify({ ...size, PAYABLE_MONTHS, SIM_NOW }));
  return hash.digest("hex").slice(0, 16);
}

export function prepareDatabase(size) {
  const template = path.join(work, `template-${size.key}.db`);
  const keyFile = `${template}.key`;
  const key = templateKey(size);
  if (fs.existsSync(template) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log(`${size.key}: database template up to date (${path.relative(root, template)})`);
  } else {
    log(`${size.key}: generating ${size.invoices.toLocaleString("en-US")} invoices…`);
    fs.rmSync(keyFile, { force: true });
    const result = run(
      process.execPath,
      [
        "-C",
        "react-server",
        "--import",
        "tsx",
        "scripts/bench-db.ts",
        template,
        String(size.invoices),
        String(size.profiles),
        String(PAYABLE_MONTHS),
        SIM_NOW,
      ],
      { cwd: appDir, stdio: ["ignore", "pipe", "inherit"] },
    );
    const summary = JSON.parse(result.stdout.toString().trim().split("\n").pop());
    log(
      `${size.key}: ${summary.invoices.toLocaleString("en-US")} invoices, ${summary.profiles} billing profiles, ${summary.lines.toLocaleString("en-US")} lines, ${summary.payments.toLocaleString("en-US")} payments in ${summary.seconds.toFixed(1)} s`,
    );
    const sqlite = new Database(template);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    fs.writeFileSync(keyFile, key);
  }
  const file = path.join(work, `run-${size.key}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template, file);
  return file;
}

/** The same preparation as `npm start`: migrations (none pending), seed (not empty), reconciliation. */
export function setupDatabase(file) {
  run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
    cwd: appDir,
    env: serverEnv(file, 0),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function readWorld(file) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const account = sqlite.prepare(`SELECT id FROM BillingAccount WHERE name = 'Contoso Ltd'`).get();
    const admin = sqlite.prepare(`SELECT id FROM User WHERE email = 'admin@contoso.com'`).get();
    const invoices = sqlite.prepare(`SELECT COUNT(*) AS n FROM Invoice WHERE billingAccountId = ?`).get(account.id).n;
    const profiles = sqlite
      .prepare(`SELECT COUNT(*) AS n FROM BillingProfile WHERE billingAccountId = ?`)
      .get(account.id).n;
    // Payable by the saved Visa 4242 of the invoice's own billing profile.
    const payable = sqlite
      .prepare(
        `SELECT i.id AS invoiceId, pm.id AS paymentMethodId FROM Invoice i
         JOIN PaymentMethod pm ON pm.billingProfileId = i.billingProfileId AND pm.last4 = '4242' AND pm.removedAt IS NULL
         WHERE i.billingAccountId = ? AND i.voided = 0 AND i.amountDueMinor > 0 AND i.amountDueMinor <= 5000000
         ORDER BY i.invoiceDate DESC, i.id`,
      )
      .all(account.id);
    const pdfInvoice = sqlite
      .prepare(
        `SELECT id FROM Invoice WHERE billingAccountId = ? AND voided = 0 AND amountDueMinor = 0 ORDER BY invoiceDate DESC, id LIMIT 1`,
      )
      .get(account.id).id;
    return { accountId: account.id, adminId: admin.id, invoices, profiles, payable, pdfInvoice };
  } finally {
    sqlite.close();
  }
}

/** No invoice paid twice: Σ SUCCEEDED ≤ total, amount due ≥ 0, and the balance adds up. */
export function paymentChecks(file, accountId) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const one = (sql, ...params) => sqlite.prepare(sql).get(...params).n;
    const succeeded = `SELECT invoiceId, SUM(amountMinor) AS paid FROM Payment WHERE status = 'SUCCEEDED' GROUP BY invoiceId`;
    const committed = `SELECT invoiceId, SUM(amountMinor) AS paid FROM Payment WHERE status IN ('SUCCEEDED', 'PENDING') GROUP BY invoiceId`;
    return {
      overpaidInvoices: one(
        `SELECT COUNT(*) AS n FROM Invoice i JOIN (${succeeded}) p ON p.invoiceId = i.id WHERE p.paid > i.totalMinor`,
      ),
      negativeAmountDue: one(`SELECT COUNT(*) AS n FROM Invoice WHERE amountDueMinor < 0`),
      unbalancedInvoices: one(
        `SELECT COUNT(*) AS n FROM Invoice i LEFT JOIN (${committed}) p ON p.invoiceId = i.id WHERE i.voided = 0 AND i.amountDueMinor <> i.totalMinor - COALESCE(p.paid, 0)`,
      ),
      benchPaymentsSucceeded: one(
        `SELECT COUNT(*) AS n FROM Payment WHERE billingAccountId = ? AND idempotencyKey NOT LIKE 'seed-%' AND status = 'SUCCEEDED'`,
        accountId,
      ),
      benchPaymentsOther: one(
        `SELECT COUNT(*) AS n FROM Payment WHERE billingAccountId = ? AND idempotencyKey NOT LIKE 'seed-%' AND status <> 'SUCCEEDED'`,
        accountId,
      ),
      invoicesWithTwoBenchPayments: one(
        `SELECT COUNT(*) AS n FROM (SELECT invoiceId FROM Payment WHERE idempotencyKey NOT LIKE 'seed-%' AND status = 'SUCCEEDED' GROUP BY invoiceId HAVING COUNT(*) > 1)`,
      ),
      processorCharges: one(`SELECT COUNT(*) AS n FROM SimulatedCharge`),
    };
  } finally {
    sqlite.close();
  }
}

export function queryPlan(file) {
  const views = [{}, { ...DEEP_QUERY, page: String(DEEP_PAGE) }].map((view) => JSON.stringify(view));
  const result = run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/bench-plan.ts", ...views], {
    cwd: appDir,
    env: serverEnv(file, 0),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(result.stdout.toString().trim().split("\n").pop());
}
