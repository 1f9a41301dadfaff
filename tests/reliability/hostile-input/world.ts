// The hostile-input properties' harness: a seeded throwaway database (one per test file), the world found
// by querying, a processor that must never be called, sessions, and check(): every case leaves
// the database's write count as it was (SQLite's total_changes(); on PostgreSQL a counter every
// table's triggers bump, see countWrites), every property every table's snapshot. Figures go to
// test-results/reliability/figures-<test file name>.json. On both engines: vitest.postgresql.config.ts
// runs these files on PostgreSQL too.
import path from "node:path";

import fc from "fast-check";
import { sealData } from "iron-session";
import { afterAll, beforeAll, expect } from "vitest";

import { SESSION_COOKIE } from "@/features/access/session";
import { setCardProcessor } from "@/features/payments/processor/simulated";
import type { CardProcessor } from "@/features/payments/processor/types";

import { databaseRows, databaseSnapshot } from "../../support/db-snapshot";
import { cookieJar, resetNextRequest } from "../../support/next-request";
import { useTestDatabase as seededTestDatabase, TEST_ENGINE, TEST_NOW } from "../../support/test-db";
import { Figures } from "../support/figures";
import { scanDatabaseFiles, scanDatabaseRows, scanRows } from "../support/secrets";

export const testDb = seededTestDatabase({ seed: true });
export const SECRET = "hostile-input-session-secret-0123456789abcdef0123456789";
// One figures file per test file: figures-hostile-input-payments.json, figures-hostile-input-access-and-reads.json.
export const figures = new Figures(`hostile-input-${path.basename(expect.getState().testPath ?? "", ".test.ts")}`);
export const ranCases: Record<string, number> = {};
/** Runs per property: bounded for 2 cores; HOSTILE_RUNS scales them (e.g. HOSTILE_RUNS=5 for a long soak). */
export const scale = Number(process.env.HOSTILE_RUNS ?? 1);
export const runs = (n: number) => Math.max(1, Math.round(n * scale));

// ---------------------------------------------------------------- the world, found by querying

export let w: {
  contoso: string;
  fabrikam: string;
  admin: string;
  reader: string;
  fabrikamAdmin: string;
  dueInvoice: string;
  dueAmount: number;
  paidInvoice: string;
  fabrikamInvoice: string;
  contosoProfile: string;
  fabrikamProfile: string;
  usableCard: string;
  expiredCard: string;
  defaultCard: string;
  fabrikamCard: string;
};

/** The processor must never be reached: every case here is refused before it. */
export const processorCalls: string[] = [];
export const refusingProcessor: CardProcessor = {
  async charge(request) {
    processorCalls.push(request.idempotencyKey);
    throw new Error("the processor was called for a hostile request");
  },
  async lookup() {
    return null;
  },
  async abandon() {
    throw new Error("the processor was asked to abandon a charge for a hostile request");
  },
};

export const savedEnv = {
  SESSION_SECRET: process.env.SESSION_SECRET,
  SIM_NOW: process.env.SIM_NOW,
  PAYMENT_DELAY_MS: process.env.PAYMENT_DELAY_MS,
};
beforeAll(async () => {
  process.env.SESSION_SECRET = SECRET;
  process.env.SIM_NOW = TEST_NOW.toISOString();
  process.env.PAYMENT_DELAY_MS = "0";
  setCardProcessor(refusingProcessor);
  if (TEST_ENGINE === "postgresql") await countWrites();
  const db = testDb.db;
  const contoso = await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MCA" } });
  const fabrikam = await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MOSP" } });
  const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  const due = await db.invoice.findFirstOrThrow({
    where: { billingAccountId: contoso.id, voided: false, amountDueMinor: { gt: 0, lt: 5_000_000 } },
    orderBy: { dueDate: "desc" },
  });
  const paid = await db.invoice.findFirstOrThrow({
    where: { billingAccountId: contoso.id, voided: false, amountDueMinor: 0 },
  });
  const fabrikamInvoice = await db.invoice.findFirstOrThrow({ where: { billingAccountId: fabrikam.id } });
  const profile = await db.billingProfile.findUniqueOrThrow({ where: { id: due.billingProfileId } });
  const cards = await db.paymentMethod.findMany({
    where: { billingProfile: { billingAccountId: contoso.id }, removedAt: null },
  });
  const expired = cards.find((card) => Date.UTC(card.expYear, card.expMonth, 1) <= TEST_NOW.getTime());
  const defaults = new Set(
    (await db.billingProfile.findMany({ select: { defaultPaymentMethodId: true } })).map(
      (row) => row.defaultPaymentMethodId,
    ),
  );
  const usable = cards.find(
    (card) => card.billingProfileId === profile.id && card !== expired && !defaults.has(card.id),
  );
  const defaultCard = cards.find((card) => defaults.has(card.id));
  const fabrikamCard = await db.paymentMethod.findFirstOrThrow({
    where: { billingProfile: { billingAccountId: fabrikam.id } },
  });
  if (!expired || !usable || !defaultCard)
    throw new Error("the demo world has no expired / usable / default Contoso card");
  w = {
    contoso: contoso.id,
    fabrikam: fabrikam.id,
    admin: await user("admin@contoso.com"),
    reader: await user("reader@contoso.com"),
    fabrikamAdmin: await user("admin@fabrikam.com"),
    dueInvoice: due.id,
    dueAmount: due.amountDueMinor,
    paidInvoice: paid.id,
    fabrikamInvoice: fabrikamInvoice.id,
    contosoProfile: profile.id,
    fabrikamProfile: fabrikamCard.billingProfileId,
    usableCard: usable.id,
    expiredCard: expired.id,
    defaultCard: defaultCard.id,
    fabrikamCard: fabrikamCard.id,
  };
  // Each user's session row, made once: signing in during a case would be a write the cases must not make.
  const expiresAt = new Date(Date.now() + 24 * 60 * 60 * 1000);
  for (const userId of [w.admin, w.reader, w.fabrikamAdmin])
    await db.session.create({ data: { id: sessionIdOf(userId), userId, createdAt: new Date(), expiresAt } });
});

/** The ID of the session row made for a user above. */
const sessionIdOf = (userId: string) => `hostile-input-${userId}`;

afterAll(async () => {
  // Card numbers and security codes were typed into every form above: none may have reached the database.
  const typed = ["4242424242424242"];
  if (TEST_ENGINE === "postgresql")
    expect(scanRows(await databaseRows(testDb.db, testDb.url), typed, [goodCard.cvc]).findings).toEqual([]);
  else {
    await testDb.db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
    expect([
      ...scanDatabaseFiles(testDb.file, typed),
      ...scanDatabaseRows(testDb.file, typed, [goodCard.cvc]).findings,
    ]).toEqual([]);
  }
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  setCardProcessor(undefined);
  const total = Object.values(ranCases).reduce((sum, n) => sum + n, 0);
  figures.set("casesPerTarget", ranCases);
  figures.set("casesTotal", total);
  figures.write();
  console.log(`hostile input: ${total} cases ran to completion over ${Object.keys(ranCases).length} targets`);
});

/** The valid card typed into the forms (its number and security code must never reach the database). */
export const goodCard = {
  cardNumber: "4242424242424242",
  expMonth: "12",
  expYear: "2030",
  cvc: "123",
  holderName: "Ada Lovelace",
  country: "US",
  postalCode: "98052",
};

export async function signInAs(userId: string | null): Promise<void> {
  resetNextRequest();
  if (userId)
    cookieJar.set(
      SESSION_COOKIE,
      await sealData({ userId, sessionId: sessionIdOf(userId) }, { password: SECRET, ttl: 3600 }),
      {
        httpOnly: true,
        path: "/",
        sameSite: "lax",
      },
    );
}

/**
 * PostgreSQL has no total_changes(): a trigger on every table bumps a sequence for every row
 * inserted, updated or deleted. A sequence is outside transactions, so a write rolled back still
 * counts, as in SQLite.
 */
async function countWrites(): Promise<void> {
  const db = testDb.db;
  await db.$executeRawUnsafe(`CREATE SEQUENCE hostile_input_writes`);
  await db.$queryRawUnsafe(`SELECT nextval('hostile_input_writes')::text`);
  await db.$executeRawUnsafe(
    `CREATE FUNCTION hostile_input_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('hostile_input_writes'); RETURN NULL; END $$`,
  );
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  for (const { name } of tables)
    await db.$executeRawUnsafe(
      `CREATE TRIGGER hostile_input_writes AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION hostile_input_count_write()`,
    );
}

/** Writes on the test database so far (every INSERT/UPDATE/DELETE counts, even one that changes nothing). */
export async function totalChanges(): Promise<number> {
  const rows = await testDb.db.$queryRawUnsafe<{ n: number | bigint | string }[]>(
    TEST_ENGINE === "postgresql"
      ? "SELECT last_value::text AS n FROM hostile_input_writes"
      : "SELECT total_changes() AS n",
  );
  return Number(rows[0].n);
}

/**
 * Runs a property; each case must leave total_changes() as it was, and the whole run every table's snapshot.
 * With `signInAttempts`, the one write allowed is the sign-in throttle's row for a failed attempt.
 */
export async function check<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  body: (value: T) => Promise<void>,
  { signInAttempts = false }: { signInAttempts?: boolean } = {},
): Promise<void> {
  const withoutAttempts = (snapshot: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(snapshot).filter(([table]) => table !== "SignInAttempt"));
  const before = withoutAttempts(await databaseSnapshot(testDb.db));
  let count = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      count++;
      const changes = await totalChanges();
      const attempts = await testDb.db.signInAttempt.count();
      await body(value);
      // A failed attempt keeps its row; a throttled one inserts its row and rolls it back (still one change).
      const allowed = signInAttempts ? 1 : 0;
      expect((await testDb.db.signInAttempt.count()) - attempts).toBeLessThanOrEqual(allowed);
      expect((await totalChanges()) - changes, "a write happened").toBeLessThanOrEqual(allowed);
    }),
    { numRuns },
  );
  expect(withoutAttempts(await databaseSnapshot(testDb.db)), "the database changed").toEqual(before);
  expect(processorCalls).toEqual([]);
  ranCases[target] = (ranCases[target] ?? 0) + count;
}
