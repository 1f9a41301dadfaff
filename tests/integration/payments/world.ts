// The payments integration tests' world: a seeded throwaway database (one per test file), the
// counting processor, the simulator clock (two hours on per test), sessions, the demo world found
// by querying, and fresh rows so tests do not share balances.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, expect } from "vitest";

import { SESSION_COOKIE } from "@/features/access/session";
import type { PayNowState } from "@/features/payments/pay-now-state";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { AbandonedCharge, CardProcessor, ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import { catalogs } from "@/i18n/catalogs";
import { invoiceStatus, pendingMinorOf, type InvoiceStatus } from "@/lib/invoice-status";

import { cookieJar, resetNextRequest } from "../../support/next-request";
import { advanceRealTime } from "../../support/real-time";
import { sessionCookieFor } from "../../support/session-cookie";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../../support/test-db";

export const testDb = seededTestDatabase({ seed: true });

export const SECRET = "payments-integration-session-secret-0123456789abcdef";
export const HOUR = 60 * 60 * 1000;
export const t = catalogs.en.payments;
export const idle: PayNowState = { status: "idle", nextKey: randomUUID() };

// ---------------------------------------------------------------- the documented test cards

export const approvedCards = [
  { number: "4242424242424242", brand: "visa" },
  { number: "5555555555554444", brand: "mastercard" },
  { number: "378282246310005", brand: "american-express" },
  { number: "4000056655665556", brand: "visa" },
] as const;

export const decliningCards = [
  { number: "4000000000000002", code: "generic_decline", retryable: false },
  { number: "4000000000009995", code: "insufficient_funds", retryable: false },
  { number: "4000000000000069", code: "expired_card", retryable: false },
  { number: "4000000000000127", code: "incorrect_cvc", retryable: false },
  { number: "4000000000000119", code: "processing_error", retryable: true },
  { number: "4000000000000507", code: "prepaid_card", retryable: false },
  { number: "4000000000000077", code: "virtual_card", retryable: false },
] as const;

/** Valid (Luhn) Visa numbers that are not test cards: the simulator approves them. */
export function otherApprovedNumbers(count: number): string[] {
  const numbers: string[] = [];
  for (let n = 1; numbers.length < count; n++) {
    const body = `411111${String(n).padStart(9, "0")}`;
    const digits = [...body].map(Number);
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      // From the right of the full number, the check digit is position 0: body digits alternate from position 1.
      let digit = digits[digits.length - 1 - i];
      if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    numbers.push(body + String((10 - (sum % 10)) % 10));
  }
  return numbers;
}

// ---------------------------------------------------------------- processor, clock, session

/** The simulated processor, with every charge it was asked for. */
export class CountingProcessor implements CardProcessor {
  readonly calls: ChargeRequest[] = [];
  private readonly inner: CardProcessor & { lookup?: (idempotencyKey: string) => Promise<ChargeResult | null> } =
    new SimulatedProcessor(0, "none");
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.calls.push(request);
    return this.inner.charge(request);
  }
  /** What became of a charge (for a processor interface that can look charges up). */
  async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    return this.inner.lookup ? this.inner.lookup(idempotencyKey) : null;
  }
  async abandon(charge: AbandonedCharge): Promise<ChargeResult> {
    return this.inner.abandon(charge);
  }
}
export let processor: CountingProcessor;

/**
 * The simulator clock (SIM_NOW). Every test runs two hours after the previous one, on the simulator's clock
 * and in real time (advanceRealTime): the decline and new-card windows run on real time, and each test starts
 * outside the windows of the tests before it.
 */
export let clock = TEST_NOW;
export let tick = 0;
export function setClock(date: Date): void {
  clock = date;
  process.env.SIM_NOW = date.toISOString();
}

export const savedEnv = {
  SESSION_SECRET: process.env.SESSION_SECRET,
  PAYMENT_DELAY_MS: process.env.PAYMENT_DELAY_MS,
  SIM_NOW: process.env.SIM_NOW,
  SIM_PROCESSOR_FAULT: process.env.SIM_PROCESSOR_FAULT,
};
beforeAll(() => {
  process.env.SESSION_SECRET = SECRET;
  process.env.PAYMENT_DELAY_MS = "0";
  delete process.env.SIM_PROCESSOR_FAULT;
});
afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  setCardProcessor(undefined);
});

beforeEach(() => {
  setClock(new Date(TEST_NOW.getTime() + ++tick * 2 * HOUR));
  advanceRealTime(2 * HOUR);
  processor = new CountingProcessor();
  setCardProcessor(processor);
});

/** A real sealed session cookie for this user, as sign-in leaves it. */
export async function signInAs(email: string): Promise<void> {
  resetNextRequest();
  cookieJar.set(SESSION_COOKIE, await sessionCookieFor(testDb.db, email), {
    httpOnly: true,
    path: "/",
    sameSite: "lax",
  });
}

// ---------------------------------------------------------------- the demo world, found by querying

export type World = {
  contoso: string;
  fabrikam: string;
  users: { contosoAdmin: string; contosoReader: string; fabrikamAdmin: string };
  engineering: string;
  finance: string;
  cards: { visa4242: string; mastercard4444: string; visa0002: string; amex0005: string; fabrikamMastercard: string };
  invoices: {
    due: string;
    pastDue: string;
    partiallyPaid: string;
    void: string;
    paid: string[];
    aboveLimit: string;
    fabrikamDue: string;
  };
};
export let world: World;

beforeAll(async () => {
  const db = testDb.db;
  const accounts = await db.billingAccount.findMany();
  const contoso = accounts.find((account) => account.name === "Contoso Ltd")!;
  const fabrikam = accounts.find((account) => account.name.startsWith("Fabrikam"))!;
  expect(contoso).toMatchObject({ agreementType: "MCA", currency: "USD" });
  expect(fabrikam).toMatchObject({ agreementType: "MOSP", currency: "EUR" });
  const users = await db.user.findMany();
  const userId = (email: string) => users.find((user) => user.email === email)!.id;
  const profiles = await db.billingProfile.findMany();
  const engineering = profiles.find((profile) => profile.name === "Contoso Engineering")!;
  const finance = profiles.find((profile) => profile.name === "Contoso Finance")!;
  const fabrikamProfile = profiles.find((profile) => profile.billingAccountId === fabrikam.id)!;
  const methods = await db.paymentMethod.findMany({ where: { removedAt: null } });
  const card = (profileId: string, brand: string, last4: string) =>
    methods.find((m) => m.billingProfileId === profileId && m.brand === brand && m.last4 === last4)!.id;

  const statusOf = async (profileId: string) => {
    const invoices = await db.invoice.findMany({
      where: { billingProfileId: profileId },
      orderBy: { invoiceDate: "desc" },
      include: { payments: { where: { status: "PENDING" } } },
    });
    return invoices.map(({ payments, ...invoice }) => ({
      ...invoice,
      status: invoiceStatus({ ...invoice, pendingMinor: pendingMinorOf(payments) }, TEST_NOW),
    }));
  };
  const engineeringInvoices = await statusOf(engineering.id);
  const one = (status: InvoiceStatus) => {
    const found = engineeringInvoices.filter((invoice) => invoice.status === status);
    expect(found, status).toHaveLength(1);
    return found[0].id;
  };
  const financeInvoices = await statusOf(finance.id);
  const aboveLimit = financeInvoices.find((invoice) => invoice.amountDueMinor === 72_450_00)!;
  expect(aboveLimit.status).toBe("due");
  const fabrikamDue = (await statusOf(fabrikamProfile.id)).find((invoice) => invoice.status === "due")!;

  world = {
    contoso: contoso.id,
    fabrikam: fabrikam.id,
    users: {
      contosoAdmin: userId("admin@contoso.com"),
      contosoReader: userId("reader@contoso.com"),
      fabrikamAdmin: userId("admin@fabrikam.com"),
    },
    engineering: engineering.id,
    finance: finance.id,
    cards: {
      visa4242: card(engineering.id, "visa", "4242"),
      mastercard4444: card(engineering.id, "mastercard", "4444"),
      visa0002: card(engineering.id, "visa", "0002"),
      amex0005: card(engineering.id, "american-express", "0005"),
      fabrikamMastercard: card(fabrikamProfile.id, "mastercard", "4444"),
    },
    invoices: {
      due: one("due"),
      pastDue: one("pastDue"),
      partiallyPaid: one("partiallyPaid"),
      void: one("void"),
      paid: engineeringInvoices.filter((invoice) => invoice.status === "paid").map((invoice) => invoice.id),
      aboveLimit: aboveLimit.id,
      fabrikamDue: fabrikamDue.id,
    },
  };
  expect(world.invoices.paid.length).toBeGreaterThan(10);
  // The default card is the Visa ending 4242; the Amex ending 0005 is expired at TEST_NOW.
  expect(engineering.defaultPaymentMethodId).toBe(world.cards.visa4242);
  const amex = methods.find((m) => m.id === world.cards.amex0005)!;
  expect(Date.UTC(amex.expYear, amex.expMonth, 1)).toBeLessThanOrEqual(TEST_NOW.getTime());
});

// ---------------------------------------------------------------- fresh rows, so tests do not share balances

export let profileCounter = 0;
export let invoiceCounter = 0;

/** A new, empty billing profile of Contoso (no saved cards). */
export async function freshProfile(): Promise<string> {
  const id = `TEST-PROFILE-${++profileCounter}`;
  await testDb.db.billingProfile.create({
    data: {
      id,
      billingAccountId: world.contoso,
      name: `Test profile ${profileCounter}`,
      currency: "USD",
      defaultPaymentKind: "CARD",
    },
  });
  return id;
}

/** A new Due invoice of Contoso (USD), issued ten days ago and due in twenty. */
export async function freshInvoice(options: { totalMinor?: number; amountDueMinor?: number; profileId?: string } = {}) {
  const totalMinor = options.totalMinor ?? 1_000_00;
  const profileId = options.profileId ?? (await freshProfile());
  const id = `G099${String(++invoiceCounter).padStart(6, "0")}`;
  const day = 24 * HOUR;
  return testDb.db.invoice.create({
    data: {
      id,
      billingAccountId: world.contoso,
      billingProfileId: profileId,
      documentType: "INVOICE",
      invoiceDate: new Date(clock.getTime() - 10 * day),
      dueDate: new Date(clock.getTime() + 20 * day),
      periodStart: new Date(clock.getTime() - 40 * day),
      periodEnd: new Date(clock.getTime() - 11 * day),
      currency: "USD",
      subtotalMinor: totalMinor,
      taxMinor: 0,
      totalMinor,
      amountDueMinor: options.amountDueMinor ?? totalMinor,
    },
  });
}

/** The invoice's row, with the sum of its PENDING payments that invoiceStatus() needs. */
export async function invoiceRow(id: string) {
  const { payments, ...invoice } = await testDb.db.invoice.findUniqueOrThrow({
    where: { id },
    include: { payments: { where: { status: "PENDING" } } },
  });
  return { ...invoice, pendingMinor: pendingMinorOf(payments) };
}
