import "server-only";

import bcrypt from "bcryptjs";

import type { Prisma } from "@/generated/prisma/client";
import { addDays, monthlyInvoiceDates } from "@/lib/dates";
import { percentOf } from "@/lib/money";
import { cardFingerprint } from "@/server/card-fingerprint";
import type { Db } from "@/server/db";

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
};

/** One billing profile's cards, monthly invoices, lines and payments (rows, not yet written). */
export function buildProfile(ctx: SeedContext, profile: DemoProfile, profileId: string) {
  const { rng, now, account } = ctx;
  const cards = profile.cards.map((card) => ({
    id: rng.guid(),
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
    const id = ctx.nextInvoiceNumber();
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

    const pay = (amountMinor: number, when: Date) => {
      const wire = profile.defaultPaymentKind === "WIRE" || !defaultCard;
      payments.push({
        id: rng.guid(),
        invoiceId: id,
        billingAccountId: ctx.accountId,
        userId: ctx.adminUserId,
        paymentMethodId: wire ? null : defaultCard.id,
        amountMinor,
        currency: account.currency,
        kind: wire ? "WIRE_TRANSFER" : "CARD",
        status: "SUCCEEDED",
        declineCode: null,
        idempotencyKey: `seed-${id}-${payments.length}`,
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
      id,
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
    lines.push(...invoiceLines(rng, id, subtotalMinor));
  }
  return { cards, defaultCard, invoices, lines, payments };
}

/**
 * Creates the demo world when the database has no users yet; does nothing
 * otherwise, so running it twice never duplicates data. Returns whether it seeded.
 */
export async function seedDemo(db: Db, options: { now: Date; password?: string }): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const rng = seededRandom(DEMO_SEED);
  const password = options.password ?? demoPassword();
  let invoiceCounter = 11_000_000 + rng.int(0, 999_999);
  const nextInvoiceNumber = () => `G0${String(invoiceCounter++).padStart(8, "0")}`;

  const users = demoUsers.map((user) => ({ ...user, id: rng.guid(), passwordHash: bcrypt.hashSync(password, 10) }));

  await db.$transaction(async (tx) => {
    await tx.user.createMany({
      data: users.map(({ id, email, displayName, passwordHash }) => ({
        id,
        email,
        displayName,
        passwordHash,
        createdAt: addDays(options.now, -760),
      })),
    });
    for (const account of demoAccounts) {
      const accountId = `${rng.guid()}:${rng.guid()}_2019-05-31`;
      const admin = users.find((user) =>
        user.roles.some((role) => role.account === account.key && role.role === "BILLING_ACCOUNT_ADMIN"),
      );
      if (!admin) throw new Error(`Demo account ${account.key} has no admin`);
      await tx.billingAccount.create({
        data: {
          id: accountId,
          name: account.name,
          agreementType: account.agreementType,
          currency: account.currency,
          createdAt: addDays(options.now, -760),
        },
      });
      await tx.roleAssignment.createMany({
        data: users.flatMap((user) =>
          user.roles
            .filter((role) => role.account === account.key)
            .map((role) => ({ id: rng.guid(), userId: user.id, billingAccountId: accountId, role: role.role })),
        ),
      });
      for (const profile of account.profiles) {
        const profileId = `${rng.hex(4)}-${rng.hex(4)}-${rng.hex(3)}-${rng.hex(3)}`.toUpperCase();
        const built = buildProfile(
          { rng, now: options.now, account, accountId, adminUserId: admin.id, nextInvoiceNumber },
          profile,
          profileId,
        );
        await tx.billingProfile.create({
          data: {
            id: profileId,
            billingAccountId: accountId,
            name: profile.name,
            currency: account.currency,
            defaultPaymentKind: profile.defaultPaymentKind,
            defaultPaymentMethodId: built.defaultCard?.id ?? null,
          },
        });
        if (built.cards.length)
          await tx.paymentMethod.createMany({
            data: built.cards.map(({ isDefault, ...card }) => (void isDefault, card)),
          });
        if (account.subscription && profile === account.profiles[0])
          await tx.subscription.create({
            data: {
              id: rng.guid(),
              billingAccountId: accountId,
              billingProfileId: profileId,
              displayName: account.subscription.displayName,
              country: account.country,
              defaultPaymentMethodId: built.defaultCard?.id ?? null,
              createdAt: addDays(options.now, -760),
            },
          });
        await tx.invoice.createMany({ data: built.invoices });
        await tx.invoiceLine.createMany({ data: built.lines });
        if (built.payments.length) await tx.payment.createMany({ data: built.payments });
      }
    }
  });
  return true;
}
