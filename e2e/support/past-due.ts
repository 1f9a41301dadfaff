import { randomInt } from "node:crypto";

import Database from "better-sqlite3";

import { E2E_SIM_NOW } from "./env";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * Gives Fabrikam (MOSP) a past-due invoice of its own in the e2e server's database, so a spec that
 * settles the balance, or checks the Settle balance banner, does not depend on what an earlier spec
 * paid. Returns the invoice number.
 */
export function addFabrikamPastDueInvoice(databaseFile: string, amountMinor = 23_400 + randomInt(1000)): string {
  const db = new Database(databaseFile);
  try {
    const profile = db
      .prepare(
        "SELECT p.id AS profileId, a.id AS accountId FROM BillingProfile p JOIN BillingAccount a ON a.id = p.billingAccountId WHERE a.name = 'Fabrikam, Inc.'",
      )
      .get() as { profileId: string; accountId: string };
    const id = `G09${String(Date.now()).slice(-7)}`;
    const now = new Date(E2E_SIM_NOW).getTime();
    db.prepare(
      `INSERT INTO Invoice (id, billingAccountId, billingProfileId, documentType, invoiceDate, dueDate, periodStart,
         periodEnd, currency, subtotalMinor, taxMinor, totalMinor, amountDueMinor, voided)
       VALUES (?, ?, ?, 'INVOICE', ?, ?, ?, ?, 'EUR', ?, 0, ?, ?, 0)`,
    ).run(
      id,
      profile.accountId,
      profile.profileId,
      iso(now - 45 * DAY),
      iso(now - 15 * DAY),
      iso(now - 75 * DAY),
      iso(now - 46 * DAY),
      amountMinor,
      amountMinor,
      amountMinor,
    );
    return id;
  } finally {
    db.close();
  }
}
