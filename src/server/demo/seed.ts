import "server-only";

import bcrypt from "bcryptjs";

import type { Prisma } from "@/generated/prisma/client";
import { addDays, monthlyInvoiceDates } from "@/lib/dates";
import { percentOf } from "@/lib/money";
import { cardFingerprint } from "@/server/card-fingerprint";
import type { Db, Tx } from "@/server/db";
import { insertRows } from "@/server/db/bulk-insert";

import { demoPassword } from "./password";
import { seededRandom, type SeededRandom } from "./random";
import {
  demoAccounts,
  demoUsers,
  serviceFamilies,
  type DemoAccount,
  type DemoProfile,
  type InvoiceScenario,
} from "./world";

export const DEMO_SEED = 20201217; // the seed article's date: any fixed number would do

type InvoiceRow = Prisma.InvoiceCreateManyInput;
type LineRow = Prisma.InvoiceLineCreateManyInput;
type PaymentRow = Prisma.PaymentCreateManyInput;

/** Invoice lines whose amounts add up exactly to the subtotal. */
export function invoiceLines(rng: SeededRandom, invoiceId: string, subtotalMinor: number): LineRow[] {
  const count = rng.int(2, 5);
  const families = [...serviceFamilies].sort(() => rng.next() - 0.5).slice(0, count);
  const weights = families.map(() => rng.int(1, 10));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let remaining = subtotalMinor;
  return families.map(([family, description], position) => {
    const amountMinor =
      position === families.length - 1 ? remaining : Math.floor((subtotalMinor * weights[position]) / weightSum);
    remaining -= amountMinor;
    return {
      id: `${invoiceId}-L${position + 1}`,
      invoiceId,
      position,
      description,
      serviceFamily: family,
      quantity: 1,
      unitPriceMinor: amountMinor,
      amountMinor,
    };
  });
}

export type SeedContext = {
  rng: SeededRandom;
  now: Date;
  account: DemoAccount;
  accountId: string;
  adminUserId: string;
  nextInvoiceNumber: () => string;
  /** A world's copy of a drawn ID (worlds: features/worlds); the demo world keeps the drawn one. */
  id?: (generated: string) => string;
};

/** One billing profile's cards, monthly invoices, lines and payments (rows, not yet written). */
export function buildProfile(ctx: SeedContext, profile: DemoProfile, profileId: string) {
  const { rng, now, account } = ctx;
  const id = ctx.id ?? ((generated: string) => generated);
  const cards = profile.cards.map((card) => ({
    id: id(rng.guid()),
    billingProfileId: profileId,
    brand: card.brand,
    last4: card.number.slice(-4),
    expMonth: card.expMonth,
    expYear: now.getUTCFullYear() + card.expYearOffset,
    holderName: card.holderName,
    country: account.country,
    postalCode: account.postalCode,
    fingerprint: cardFingerprint(card.number),
    createdAt: addDays(now, -700),
    removedAt: null,
    isDefault: card.isDefault ?? false,
  }));
  const defaultCard = cards.find((card) => card.isDefault) ?? null;
  const invoices: InvoiceRow[] = [];
  const lines: LineRow[] = [];
  const payments: PaymentRow[] = [];

  for (const dates of monthlyInvoiceDates(now, profile.months)) {
    const scenario: InvoiceScenario = profile.scenarios[dates.monthsAgo] ?? "paid";
    const invoiceId = ctx.nextInvoiceNumber();
    const totalTarget =
      scenario === "aboveCardLimit" ? 72_450_00 : rng.int(profile.totalRange[0] * 100, profile.totalRange[1] * 100);
    // Work back from the total to a subtotal and tax that add up exactly.
    const subtotalMinor = Math.round((totalTarget * 10_000) / (10_000 + account.taxBasisPoints));
    const taxMinor = percentOf(
      { amountMinor: subtotalMinor, currency: account.currency },
      account.taxBasisPoints,
    ).amountMinor;
    const totalMinor = subtotalMinor + taxMinor;
    let amountDueMinor = totalMinor;

    const pay = (amountMinor: number, drawn: Date) => {
      // A scenario may pay the newest invoice, whose drawn payment day can lie after `now`: a world's payments
      // never come from its future. (The demo's own histories never pay it, so their dates are unchanged.)
      const when = drawn > now ? now : drawn;
      const wire = profile.defaultPaymentKind === "WIRE" || !defaultCard;
      payments.push({
        id: id(rng.guid()),
        invoiceId,
        billingAccountId: ctx.accountId,
        userId: ctx.adminUserId,
        paymentMethodId: wire ? null : defaultCard.id,
        amountMinor,
        currency: account.currency,
        kind: wire ? "WIRE_TRANSFER" : "CARD",
        status: "SUCCEEDED",
        declineCode: null,
        idempotencyKey: `seed-${invoiceId}-${payments.length}`,
        cardBrand: wire ? null : defaultCard.brand,
        cardLast4: wire ? null : defaultCard.last4,
        processorReference: `SIM-${rng.hex(12).toUpperCase()}`,
        createdAt: when,
        settledAt: when,
      });
      amountDueMinor -= amountMinor;
    };
    if (scenario === "paid") pay(totalMinor, addDays(dates.dueDate, -rng.int(1, 20)));
    if (scenario === "partiallyPaid")
      pay(Math.floor((totalMinor * 4) / 10), addDays(dates.invoiceDate, rng.int(3, 10)));

    invoices.push({
      id: invoiceId,
      billingAccountId: ctx.accountId,
      billingProfileId: profileId,
      documentType: "INVOICE",
      invoiceDate: dates.invoiceDate,
      dueDate: dates.dueDate,
      periodStart: dates.periodStart,
      periodEnd: dates.periodEnd,
      currency: account.currency,
      subtotalMinor,
      taxMinor,
      totalMinor,
      amountDueMinor: scenario === "void" ? 0 : amountDueMinor,
      voided: scenario === "void",
    });
    lines.push(...invoiceLines(rng, invoiceId, subtotalMinor));
  }
  return { cards, defaultCard, invoices, lines, payments };
}

export type WorldRows = {
  users: Prisma.UserCreateManyInput[];
  accounts: Prisma.BillingAccountCreateManyInput[];
  roles: Prisma.RoleAssignmentCreateManyInput[];
  profiles: Prisma.BillingProfileCreateManyInput[];
  cards: Prisma.PaymentMethodCreateManyInput[];
  subscriptions: Prisma.SubscriptionCreateManyInput[];
  invoices: InvoiceRow[];
  lines: LineRow[];
  payments: PaymentRow[];
};

export type DemoWorldOptions = {
  now: Date;
  /** The generator's seed; DEMO_SEED draws the demo world itself. */
  seed?: number;
  /** Called once per user (bcrypt salts each hash). */
  passwordHash: () => string;
  /** The accounts to draw (a world's scenario reshapes the demo's invoice histories); default the demo's. */
  accounts?: readonly DemoAccount[];
  /** For a world made by the control API: its ID on users and accounts, its IDs, addresses and invoice numbers. */
  world?: {
    id: string;
    scopedId: (generated: string) => string;
    email: (demoEmail: string) => string;
    invoiceNumber: (sequence: number) => string;
  };
};

/**
 * The demo world of world.ts as rows, drawn from one seeded generator in a fixed
 * order (so the demo world is the same on every machine, and a world built with
 * the same seed has the same invoices, amounts and dates). A world made by the
 * control API passes `world`: its copies of the IDs, its users' addresses and
 * its own invoice numbers — the draws, hence everything else, stay the same.
 */
export function buildDemoWorld(options: DemoWorldOptions): WorldRows {
  const rng = seededRandom(options.seed ?? DEMO_SEED);
  const world = options.world;
  const id = world?.scopedId ?? ((generated: string) => generated);
  const firstDemoNumber = 11_000_000 + rng.int(0, 999_999);
  let sequence = 0;
  const nextInvoiceNumber = () =>
    world ? world.invoiceNumber(++sequence) : `G0${String(firstDemoNumber + sequence++).padStart(8, "0")}`;
  const createdAt = addDays(options.now, -760);
  const worldId = world?.id ?? null;

  const users = demoUsers.map((user) => ({ ...user, id: id(rng.guid()) }));
  const rows: WorldRows = {
    users: users.map((user) => ({
      id: user.id,
      email: world ? world.email(user.email) : user.email,
      displayName: user.displayName,
      passwordHash: options.passwordHash(),
      createdAt,
      worldId,
    })),
    accounts: [],
    roles: [],
    profiles: [],
    cards: [],
    subscriptions: [],
    invoices: [],
    lines: [],
    payments: [],
  };
  for (const account of options.accounts ?? demoAccounts) {
    const accountId = `${id(rng.guid())}:${id(rng.guid())}_2019-05-31`;
    const admin = users.find((user) =>
      user.roles.some((role) => role.account === account.key && role.role === "BILLING_ACCOUNT_ADMIN"),
    );
    if (!admin) throw new Error(`Demo account ${account.key} has no admin`);
    rows.accounts.push({
      id: accountId,
      name: account.name,
      agreementType: account.agreementType,
      currency: account.currency,
      createdAt,
      worldId,
    });
    rows.roles.push(
      ...users.flatMap((user) =>
        user.roles
          .filter((role) => role.account === account.key)
          .map((role) => ({ id: id(rng.guid()), userId: user.id, billingAccountId: accountId, role: role.role })),
      ),
    );
    for (const profile of account.profiles) {
      const profileId = id(`${rng.hex(4)}-${rng.hex(4)}-${rng.hex(3)}-${rng.hex(3)}`.toUpperCase());
      const built = buildProfile(
        { rng, now: options.now, account, accountId, adminUserId: admin.id, nextInvoiceNumber, id },
        profile,
        profileId,
      );
      rows.profiles.push({
        id: profileId,
        billingAccountId: accountId,
        name: profile.name,
        currency: account.currency,
        defaultPaymentKind: profile.defaultPaymentKind,
        defaultPaymentMethodId: built.defaultCard?.id ?? null,
      });
      rows.cards.push(...built.cards.map(({ isDefault, ...card }) => (void isDefault, card)));
      rows.invoices.push(...built.invoices);
      rows.lines.push(...built.lines);
      rows.payments.push(...built.payments);
      // A MOSP account's subscription owns the cards of its (one) billing profile. Drawn after the
      // profile, so the worlds built before subscriptions existed keep every other ID and amount.
      if (account.subscription && profile === account.profiles[0])
        rows.subscriptions.push({
          id: id(rng.guid()),
          billingAccountId: accountId,
          billingProfileId: profileId,
          displayName: account.subscription.displayName,
          country: account.country,
          defaultPaymentMethodId: built.defaultCard?.id ?? null,
          createdAt,
        });
    }
  }
  return rows;
}

/** Writes a world's rows, one multi-row INSERT per table (inside the caller's transaction). */
export async function writeWorldRows(tx: Tx, rows: WorldRows): Promise<void> {
  await insertRows(tx, "User", rows.users);
  await insertRows(tx, "BillingAccount", rows.accounts);
  await insertRows(tx, "RoleAssignment", rows.roles);
  await insertRows(tx, "BillingProfile", rows.profiles);
  await insertRows(tx, "PaymentMethod", rows.cards);
  await insertRows(tx, "Subscription", rows.subscriptions);
  await insertRows(tx, "Invoice", rows.invoices);
  await insertRows(tx, "InvoiceLine", rows.lines);
  await insertRows(tx, "Payment", rows.payments);
}

/**
 * Creates the demo world when the database has no users of it yet; does nothing
 * otherwise, so running it twice never duplicates data. Returns whether it seeded.
 */
export async function seedDemo(db: Db, options: { now: Date; password?: string }): Promise<boolean> {
  if ((await db.user.count({ where: { worldId: null } })) > 0) return false;
  const password = options.password ?? demoPassword();
  const rows = buildDemoWorld({ now: options.now, passwordHash: () => bcrypt.hashSync(password, 10) });
  await db.$transaction((tx) => writeWorldRows(tx, rows));
  return true;
}
