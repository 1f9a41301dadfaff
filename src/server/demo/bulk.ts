import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

import { openBulkWriter, type BulkTables } from "./bulk-writer";
import { seededRandom } from "./random";
import { buildProfile, DEMO_SEED, seedDemo } from "./seed";
import { demoAccounts, demoUsers, type DemoProfile, type InvoiceScenario } from "./world";

/**
 * Large demo worlds for the benchmarks (npm run bench): the demo world of
 * seed.ts, then more billing profiles on Contoso — built by the seed's own
 * buildProfile() (same rows, rules and seeded generator) — until the account
 * holds exactly `invoices` invoices. Rows are written in batches, a few
 * thousand invoices per transaction, by the engine's bulk writer
 * (bulk-writer.ts: SQLite or PostgreSQL, as `url` says).
 */
export type BulkOptions = {
  /** The database URL `db` is connected to (SQLite file or PostgreSQL; the bulk rows are written on a connection of their own). */
  url: string;
  now: Date;
  /** Invoices of the Contoso account in the end (the demo's own included). */
  invoices: number;
  /** Billing profiles added to Contoso; each gets an equal share of monthly invoices. */
  profiles: number;
  /**
   * The newest months of each added profile left unpaid (due, past due, one
   * partially paid, one void a year), so the payment benchmark has distinct
   * invoices to pay; older months are paid (one payment each).
   */
  payableMonths: number;
  password?: string;
  onProgress?: (done: number, total: number) => void;
};

export type BulkResult = {
  accountId: string;
  adminEmail: string;
  invoices: number;
  profiles: number;
  lines: number;
  payments: number;
};

/** Invoice numbers of the added profiles: G03xxxxxxx, apart from the demo's G011xxxxxx. */
const BULK_FIRST_INVOICE = 30_000_000;
/** Invoices written per transaction. */
const BATCH_INVOICES = 5_000;

function bulkScenarios(payableMonths: number): Record<number, InvoiceScenario> {
  const scenarios: Record<number, InvoiceScenario> = {};
  for (let monthsAgo = 0; monthsAgo < payableMonths; monthsAgo++) {
    scenarios[monthsAgo] =
      monthsAgo === 0 ? "due" : monthsAgo === 2 ? "partiallyPaid" : monthsAgo % 12 === 5 ? "void" : "pastDue";
  }
  return scenarios;
}

type Batch = {
  profiles: Prisma.BillingProfileCreateManyInput[];
  cards: Prisma.PaymentMethodCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  lines: Prisma.InvoiceLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
};
const emptyBatch = (): Batch => ({ profiles: [], cards: [], invoices: [], lines: [], payments: [] });

/** One transaction per batch, parents first. */
function batchTables(batch: Batch): BulkTables {
  return [
    ["BillingProfile", batch.profiles],
    ["PaymentMethod", batch.cards],
    ["Invoice", batch.invoices],
    ["InvoiceLine", batch.lines],
    ["Payment", batch.payments],
  ];
}

export async function seedBulk(db: Db, options: BulkOptions): Promise<BulkResult> {
  if (!(await seedDemo(db, { now: options.now, password: options.password })))
    throw new Error("seedBulk needs an empty database");
  const contoso = demoAccounts.find((account) => account.key === "contoso")!;
  const template = contoso.profiles.find((profile) => profile.key === "engineering")!;
  const adminEmail = demoUsers.find((user) => user.key === "contosoAdmin")!.email;
  const [account, admin] = await Promise.all([
    db.billingAccount.findFirstOrThrow({ where: { name: contoso.name, worldId: null } }),
    db.user.findUniqueOrThrow({ where: { email: adminEmail } }),
  ]);

  const existing = await db.invoice.count({ where: { billingAccountId: account.id } });
  const toAdd = options.invoices - existing;
  if (toAdd < 0) throw new Error(`The demo account already has ${existing} invoices (asked for ${options.invoices})`);
  const monthsPerProfile = Math.ceil(toAdd / options.profiles);

  const rng = seededRandom((DEMO_SEED ^ options.invoices) >>> 0);
  let counter = BULK_FIRST_INVOICE;
  const ctx = {
    rng,
    now: options.now,
    account: contoso,
    accountId: account.id,
    adminUserId: admin.id,
    nextInvoiceNumber: () => `G0${String(counter++).padStart(8, "0")}`,
  };
  const scenarios = bulkScenarios(options.payableMonths);

  let added = 0;
  let profiles = 0;
  let lines = 0;
  let payments = 0;
  let batch = emptyBatch();
  const writer = await openBulkWriter(options.url);
  const flush = async () => {
    const current = batch;
    batch = emptyBatch();
    await writer.write(batchTables(current));
    added += current.invoices.length;
    lines += current.lines.length;
    payments += current.payments.length;
    options.onProgress?.(existing + added, options.invoices);
  };
  options.onProgress?.(existing, options.invoices);

  try {
    for (let index = 0; index < options.profiles; index++) {
      const months = Math.min(monthsPerProfile, toAdd - index * monthsPerProfile);
      if (months <= 0) break;
      const profile: DemoProfile = {
        ...template,
        key: `bulk-${index + 1}`,
        name: `Contoso Division ${String(index + 1).padStart(3, "0")}`,
        months,
        scenarios,
      };
      const profileId = `${rng.hex(4)}-${rng.hex(4)}-${rng.hex(3)}-${rng.hex(3)}`.toUpperCase();
      const built = buildProfile(ctx, profile, profileId);
      batch.profiles.push({
        id: profileId,
        billingAccountId: account.id,
        name: profile.name,
        currency: contoso.currency,
        defaultPaymentKind: profile.defaultPaymentKind,
        defaultPaymentMethodId: built.defaultCard?.id ?? null,
      });
      batch.cards.push(...built.cards.map(({ isDefault, ...card }) => (void isDefault, card)));
      batch.invoices.push(...built.invoices);
      batch.lines.push(...built.lines);
      batch.payments.push(...built.payments);
      profiles++;
      if (batch.invoices.length >= BATCH_INVOICES) await flush();
    }
    if (batch.invoices.length) await flush();
  } finally {
    await writer.close();
  }
  return {
    accountId: account.id,
    adminEmail,
    invoices: existing + added,
    profiles: contoso.profiles.length + profiles,
    lines,
    payments,
  };
}
