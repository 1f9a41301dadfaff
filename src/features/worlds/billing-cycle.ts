import "server-only";

import { createHash } from "node:crypto";

import { addNotification } from "@/features/portal/notifications";
import { addDays, startOfUtcDay, type InvoiceDates } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { seededRandom } from "@/server/demo/random";
import { buildProfile } from "@/server/demo/seed";
import { demoAccounts, type DemoAccount, type DemoProfile } from "@/server/demo/world";

import { fallsPastDue, invoiceDatesCrossed, pastDueFrom } from "./cycle-rules";
import { worldInvoiceNumber } from "./identity";

type WorldProfile = {
  id: string;
  name: string;
  billingAccount: { id: string; name: string; roles: { userId: string }[] };
};

export type IssuedInvoice = { id: string; billingProfile: string; totalMinor: number; currency: string; dueDate: Date };

/** The demo account and profile a world's profile was copied from (worlds keep the demo names). */
function templateOf(profile: WorldProfile): { account: DemoAccount; profile: DemoProfile } | null {
  const account = demoAccounts.find((candidate) => candidate.name === profile.billingAccount.name);
  const template = account?.profiles.find((candidate) => candidate.name === profile.name);
  return account && template ? { account, profile: template } : null;
}

/** The same invoice whatever the path the clock took to its day: its draws depend on the world, profile and month. */
function invoiceSeed(worldSeed: number, profileId: string, periodStart: Date): number {
  return createHash("sha256").update(`${worldSeed}:${profileId}:${periodStart.toISOString()}`).digest().readUInt32LE(0);
}

/**
 * Issues, inside the caller's transaction (which holds the world's turn), the
 * invoices of every invoice day crossed by a move of the world's clock from
 * `from` to `to`: for each profile, the month that ended, its lines drawn by the
 * seed's own generator (buildProfile: due 30 days after the invoice date), and
 * a notification to the account's admins. A month a profile already has an
 * invoice for is skipped, so a move never issues an invoice twice.
 */
export async function issueInvoices(
  tx: Tx,
  world: { id: string; number: number; seed: number; invoiceSequence: number },
  from: Date,
  to: Date,
): Promise<{ issued: IssuedInvoice[]; invoiceSequence: number }> {
  const crossed = invoiceDatesCrossed(from, to);
  if (!crossed.length) return { issued: [], invoiceSequence: world.invoiceSequence };
  const profiles: WorldProfile[] = await tx.billingProfile.findMany({
    where: { billingAccount: { worldId: world.id } },
    orderBy: [{ billingAccount: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      billingAccount: { select: { id: true, name: true, roles: { where: { role: "BILLING_ACCOUNT_ADMIN" } } } },
    },
  });
  const existing = await tx.invoice.findMany({
    where: {
      billingProfileId: { in: profiles.map((profile) => profile.id) },
      documentType: "INVOICE",
      periodStart: { in: crossed.map((dates) => dates.periodStart) },
    },
    select: { billingProfileId: true, periodStart: true },
  });
  const billed = new Set(existing.map((invoice) => `${invoice.billingProfileId}|${invoice.periodStart.getTime()}`));

  let sequence = world.invoiceSequence;
  const issued: IssuedInvoice[] = [];
  for (const dates of crossed) {
    for (const profile of profiles) {
      const template = templateOf(profile);
      if (!template || billed.has(`${profile.id}|${dates.periodStart.getTime()}`)) continue;
      const built = buildMonth(world, profile, template, dates, () => worldInvoiceNumber(world.number, ++sequence));
      await tx.invoice.createMany({ data: built.invoices });
      await tx.invoiceLine.createMany({ data: built.lines });
      for (const invoice of built.invoices) {
        issued.push({
          id: invoice.id,
          billingProfile: profile.name,
          totalMinor: invoice.totalMinor,
          currency: invoice.currency,
          dueDate: new Date(invoice.dueDate),
        });
        await notifyAdmins(tx, profile.billingAccount.roles, "INVOICE_ISSUED", dates.invoiceDate, {
          amountMinor: invoice.totalMinor,
          currency: invoice.currency,
          invoiceId: invoice.id,
        });
      }
    }
  }
  return { issued, invoiceSequence: sequence };
}

function buildMonth(
  world: { seed: number },
  profile: WorldProfile,
  template: { account: DemoAccount; profile: DemoProfile },
  dates: InvoiceDates,
  nextInvoiceNumber: () => string,
) {
  const rng = seededRandom(invoiceSeed(world.seed, profile.id, dates.periodStart));
  const oneMonth: DemoProfile = { ...template.profile, months: 1, scenarios: { 0: "due" }, cards: [] };
  const ctx = {
    rng,
    now: dates.invoiceDate,
    account: template.account,
    accountId: profile.billingAccount.id,
    adminUserId: "",
    nextInvoiceNumber,
  };
  return buildProfile(ctx, oneMonth, profile.id);
}

/**
 * Tells the admins of each account which of its unpaid invoices fell past due
 * during the move (including ones issued by it), dated the day they did.
 */
export async function noticePastDue(tx: Tx, worldId: string, from: Date, to: Date): Promise<string[]> {
  const candidates = await tx.invoice.findMany({
    where: {
      billingAccount: { worldId },
      voided: false,
      amountDueMinor: { gt: 0 },
      dueDate: { gte: addDays(startOfUtcDay(from), -1), lte: to },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dueDate: true,
      amountDueMinor: true,
      currency: true,
      billingAccount: { select: { roles: { where: { role: "BILLING_ACCOUNT_ADMIN" } } } },
    },
  });
  const fallen = candidates.filter((invoice) => fallsPastDue(invoice.dueDate, from, to));
  for (const invoice of fallen)
    await notifyAdmins(tx, invoice.billingAccount.roles, "INVOICE_PAST_DUE", pastDueFrom(invoice.dueDate), {
      amountMinor: invoice.amountDueMinor,
      currency: invoice.currency,
      invoiceId: invoice.id,
    });
  return fallen.map((invoice) => invoice.id);
}

/** One notification about an invoice for each admin of its account, dated when it happened in the world. */
async function notifyAdmins(
  tx: Tx,
  admins: { userId: string }[],
  kind: "INVOICE_ISSUED" | "INVOICE_PAST_DUE",
  createdAt: Date,
  params: { amountMinor: number; currency: string; invoiceId: string },
) {
  for (const admin of admins)
    await addNotification(tx, { id: crypto.randomUUID(), userId: admin.userId, kind, params, createdAt });
}
