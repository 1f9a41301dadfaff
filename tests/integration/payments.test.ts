// Pay now, end to end on a real (throwaway, seeded) SQLite file: the server
// action payInvoiceAction() as the blade calls it, and payInvoice() beneath it.
// Sessions are real iron-session seals in the faked next/headers cookie jar;
// the simulated processor is wrapped to count charges. Expected outcomes come
// from product.md ("Rules", "The simulated card processor") and the documented
// test-card table, not from the code under test.
import { randomUUID } from "node:crypto";
import fs from "node:fs";

import { sealData } from "iron-session";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { SESSION_COOKIE, SESSION_TTL_SECONDS, sessionOptions } from "@/features/access/session";
import { getInvoiceDetails } from "@/features/invoices/queries";
import { payInvoiceAction } from "@/features/payments/actions";
import { newCardSchema } from "@/features/payments/card-schema";
import { payInvoice, type PayMethod, type PayOutcome, type PayRequest } from "@/features/payments/pay-invoice";
import type { PayNowState } from "@/features/payments/pay-now-state";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { CardProcessor, ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import { catalogs } from "@/i18n/catalogs";
import { invoiceStatus, pendingMinorOf, type InvoiceStatus } from "@/lib/invoice-status";
import { cardFingerprint } from "@/server/card-fingerprint";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { cookieJar, RedirectError, resetNextRequest, revalidatePath } from "../support/next-request";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });

const SECRET = "payments-integration-session-secret-0123456789abcdef";
const HOUR = 60 * 60 * 1000;
const t = catalogs.en.payments;
const idle: PayNowState = { status: "idle", nextKey: randomUUID() };

// ---------------------------------------------------------------- the documented test cards

const approvedCards = [
  { number: "4242424242424242", brand: "visa" },
  { number: "5555555555554444", brand: "mastercard" },
  { number: "378282246310005", brand: "american-express" },
  { number: "4000056655665556", brand: "visa" },
] as const;

const decliningCards = [
  { number: "4000000000000002", code: "generic_decline", retryable: false },
  { number: "4000000000009995", code: "insufficient_funds", retryable: false },
  { number: "4000000000000069", code: "expired_card", retryable: false },
  { number: "4000000000000127", code: "incorrect_cvc", retryable: false },
  { number: "4000000000000119", code: "processing_error", retryable: true },
  { number: "4000000000000507", code: "prepaid_card", retryable: false },
  { number: "4000000000000077", code: "virtual_card", retryable: false },
] as const;

/** Valid (Luhn) Visa numbers that are not test cards: the simulator approves them. */
function otherApprovedNumbers(count: number): string[] {
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
class CountingProcessor implements CardProcessor {
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
}
let processor: CountingProcessor;

/** The simulator clock (SIM_NOW). Every test runs two hours after the previous one, outside its decline window. */
let clock = TEST_NOW;
let tick = 0;
function setClock(date: Date): void {
  clock = date;
  process.env.SIM_NOW = date.toISOString();
}

const savedEnv = {
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
  processor = new CountingProcessor();
  setCardProcessor(processor);
});

/** A real sealed session cookie for this user, as sign-in leaves it. */
async function signInAs(email: string): Promise<void> {
  resetNextRequest();
  const user = await testDb.db.user.findUniqueOrThrow({ where: { email } });
  const sealed = await sealData({ userId: user.id }, { password: sessionOptions().password, ttl: SESSION_TTL_SECONDS });
  cookieJar.set(SESSION_COOKIE, sealed, { httpOnly: true, path: "/", sameSite: "lax" });
}

// ---------------------------------------------------------------- the demo world, found by querying

type World = {
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
let world: World;

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

let profileCounter = 0;
let invoiceCounter = 0;

/** A new, empty billing profile of Contoso (no saved cards). */
async function freshProfile(): Promise<string> {
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
async function freshInvoice(options: { totalMinor?: number; amountDueMinor?: number; profileId?: string } = {}) {
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
async function invoiceRow(id: string) {
  const { payments, ...invoice } = await testDb.db.invoice.findUniqueOrThrow({
    where: { id },
    include: { payments: { where: { status: "PENDING" } } },
  });
  return { ...invoice, pendingMinor: pendingMinorOf(payments) };
}

// ---------------------------------------------------------------- request builders

function cardFields(number: string, cvc = number.length === 15 ? "1234" : "123") {
  return {
    cardNumber: number,
    expMonth: "12",
    expYear: "2030",
    cvc,
    holderName: "Adele Vance",
    country: "US",
    postalCode: "98052",
  };
}

function payForm(fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
  return form;
}

function savedCardForm(
  invoiceId: string,
  paymentMethodId: string,
  extra: Record<string, string | undefined> = {},
): FormData {
  return payForm({
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method: "saved",
    paymentMethodId,
    ...extra,
  });
}

function newCardForm(invoiceId: string, number: string, extra: Record<string, string | undefined> = {}): FormData {
  return payForm({
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method: "new",
    ...cardFields(number),
    ...extra,
  });
}

const newCard = (number: string, cvc?: string): PayMethod => ({
  kind: "new",
  card: newCardSchema(clock).parse(cardFields(number, cvc)),
});
const savedCard = (paymentMethodId: string): PayMethod => ({ kind: "saved", paymentMethodId });

function request(invoiceId: string, method: PayMethod, extra: Partial<PayRequest> = {}): PayRequest {
  return {
    userId: world.users.contosoAdmin,
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method,
    ...extra,
  };
}

/** Runs the action and returns the redirect it ended with (paying in full closes the blade). */
async function expectRedirect(run: Promise<unknown>): Promise<{ url: string; paid: string }> {
  const error = await run.then(
    (value) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(value)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RedirectError);
  const url = (error as RedirectError).url;
  const paid = new URL(url, "http://portal.invalid").searchParams.get("paid");
  expect(paid, url).toBeTruthy();
  return { url, paid: paid! };
}

/** The action refuses with this message and writes nothing; the processor is not called. */
async function expectActionRefused(form: FormData, message: string): Promise<PayNowState> {
  const outcome = await expectNoDatabaseChange(testDb.db, () => payInvoiceAction(idle, form));
  expect(outcome.error).toBeUndefined();
  expect(outcome.value).toMatchObject({ status: "error", message });
  expect(processor.calls).toHaveLength(0);
  return outcome.value!;
}

/** payInvoice refuses for this reason and writes nothing; the processor is not called. */
async function expectRefused(payRequest: PayRequest, reason: string): Promise<void> {
  const outcome = await expectNoDatabaseChange(testDb.db, () => payInvoice(payRequest));
  expect(outcome.error).toBeUndefined();
  expect(outcome.value).toEqual({ status: "refused", reason });
  expect(processor.calls).toHaveLength(0);
}

function succeeded(outcome: PayOutcome): Extract<PayOutcome, { status: "succeeded" }> {
  expect(outcome.status, JSON.stringify(outcome)).toBe("succeeded");
  return outcome as Extract<PayOutcome, { status: "succeeded" }>;
}

// ================================================================ the action, as the blade calls it

describe("payInvoiceAction: paying in full", () => {
  it("pays the Due invoice with the default saved Visa, closes the blade onto the grid and leaves a notification", async () => {
    await signInAs("admin@contoso.com");
    const before = await invoiceRow(world.invoices.due);
    expect(invoiceStatus(before, clock)).toBe("due");
    expect(before.amountDueMinor).toBe(before.totalMinor);
    const returnTo = `/billing/${encodeURIComponent(world.contoso)}/invoices?status=due&page=1`;

    const { url, paid } = await expectRedirect(
      payInvoiceAction(idle, savedCardForm(world.invoices.due, world.cards.visa4242, { returnTo })),
    );
    expect(url).toBe(`${returnTo}&paid=${paid}`);

    const after = await invoiceRow(world.invoices.due);
    expect(after.amountDueMinor).toBe(0);
    expect(invoiceStatus(after, clock)).toBe("paid");
    const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } });
    expect(payment).toMatchObject({
      invoiceId: world.invoices.due,
      billingAccountId: world.contoso,
      userId: world.users.contosoAdmin,
      paymentMethodId: world.cards.visa4242,
      amountMinor: before.totalMinor,
      currency: "USD",
      kind: "CARD",
      status: "SUCCEEDED",
      declineCode: null,
      cardBrand: "visa",
      cardLast4: "4242",
    });
    expect(payment.processorReference).toMatch(/^SIM-[0-9A-F]{12}$/);
    expect(payment.settledAt).toEqual(clock);

    // One charge, naming the invoice number, carrying no card number.
    expect(processor.calls).toHaveLength(1);
    expect(processor.calls[0]).toMatchObject({
      amountMinor: before.totalMinor,
      currency: "USD",
      idempotencyKey: payment.idempotencyKey,
    });
    expect(processor.calls[0].description).toContain(world.invoices.due);
    expect(Object.keys(processor.calls[0].card).sort()).toEqual([
      "brand",
      "expMonth",
      "expYear",
      "fingerprint",
      "last4",
    ]);

    const notifications = await testDb.db.notification.findMany({
      where: { kind: "PAYMENT_SUCCEEDED", createdAt: clock },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0].userId).toBe(world.users.contosoAdmin);
    expect(JSON.parse(notifications[0].params)).toEqual({
      amountMinor: before.totalMinor,
      currency: "USD",
      invoiceId: world.invoices.due,
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/billing/${encodeURIComponent(world.contoso)}/invoices`);
  });

  it("goes back to the account's invoices grid without a return path", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const { url, paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242")));
    expect(url).toBe(`/billing/${encodeURIComponent(world.contoso)}/invoices?paid=${paid}`);
  });

  it("does not follow a return path to another site", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const { url, paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242", { returnTo: "//evil.example/phish" })),
    );
    expect(url).toBe(`/?paid=${paid}`);
  });
});

describe("payInvoiceAction: each test card as a new card", () => {
  it.each(approvedCards)(
    "$number ($brand) is approved, pays the invoice and is saved without its number or code",
    async ({ number, brand }) => {
      await signInAs("admin@contoso.com");
      const invoice = await freshInvoice({ totalMinor: 2_345_67 });
      const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, number)));

      expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
      const payment = await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } });
      expect(payment).toMatchObject({
        status: "SUCCEEDED",
        amountMinor: 2_345_67,
        cardBrand: brand,
        cardLast4: number.slice(-4),
        declineCode: null,
      });

      const saved = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: invoice.billingProfileId } });
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({
        id: payment.paymentMethodId,
        brand,
        last4: number.slice(-4),
        expMonth: 12,
        expYear: 2030,
        holderName: "Adele Vance",
        country: "US",
        postalCode: "98052",
        fingerprint: cardFingerprint(number),
        removedAt: null,
      });
      const stored = JSON.stringify([saved[0], payment]);
      expect(stored).not.toContain(number);
      expect(Object.keys(saved[0]).join(",")).not.toMatch(/number|cvc|cvv|security/i);
    },
  );

  it.each(decliningCards)(
    "$number is declined with $code: the balance is restored and the card is not saved",
    async ({ number, code, retryable }) => {
      await signInAs("admin@contoso.com");
      const invoice = await freshInvoice({ totalMinor: 2_345_67 });
      const state = await payInvoiceAction(idle, newCardForm(invoice.id, number));

      expect(state).toMatchObject({ status: "declined", message: t.declines[code], retryable });
      expect(state.nextKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(processor.calls).toHaveLength(1);

      const after = await invoiceRow(invoice.id);
      expect(after.amountDueMinor).toBe(2_345_67);
      expect(invoiceStatus(after, clock)).toBe("due");
      const payments = await testDb.db.payment.findMany({ where: { invoiceId: invoice.id } });
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        status: "FAILED",
        declineCode: code,
        amountMinor: 2_345_67,
        cardBrand: "visa",
        cardLast4: number.slice(-4),
        paymentMethodId: null,
      });
      expect(payments[0].settledAt).toEqual(clock);
      expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } })).toBe(0);
      expect(
        await testDb.db.paymentMethod.count({
          where: { fingerprint: cardFingerprint(number), billingProfileId: { not: world.engineering } },
        }),
      ).toBe(0);

      const notification = await testDb.db.notification.findFirstOrThrow({
        where: { kind: "PAYMENT_FAILED", createdAt: clock },
      });
      expect(notification.userId).toBe(world.users.contosoAdmin);
      expect(JSON.parse(notification.params)).toEqual({
        amountMinor: 2_345_67,
        currency: "USD",
        invoiceId: invoice.id,
        reason: code,
      });
    },
  );

  it("gives a card already saved on the profile no second entry", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const before = await testDb.db.paymentMethod.count({ where: { billingProfileId: world.engineering } });
    const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "5555555555554444")));
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: world.engineering } })).toBe(before);
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).paymentMethodId).toBe(
      world.cards.mastercard4444,
    );
  });

  it("answers invalid card details field by field, in the user's language, and writes nothing", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const state = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424241", {
        cvc: "12",
        holderName: "",
        postalCode: "<>",
        expMonth: "10",
        expYear: "2026",
      }),
      t.errors.checkCard,
    );
    expect(state).toMatchObject({
      fieldErrors: {
        cardNumber: t.cardErrors.cardNumberInvalid,
        cvc: t.cardErrors.cvcInvalid,
        holderName: t.cardErrors.holderRequired,
        postalCode: t.cardErrors.postalInvalid,
        expMonth: t.cardErrors.expired,
      },
    });
    const country = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", { country: "XX" }),
      t.errors.checkCard,
    );
    expect(country).toMatchObject({ fieldErrors: { country: t.cardErrors.countryRequired } });
  });

  it("refuses a Visa with an Amex-length code, and an expired card, by the simulator's clock", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const cvc = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", { cvc: "1234" }),
      t.errors.checkCard,
    );
    expect(cvc).toMatchObject({ fieldErrors: { cvc: t.cardErrors.cvcLength3 } });
    const lastMonth = new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth() - 1, 1));
    const expired = await expectActionRefused(
      newCardForm(invoice.id, "4242424242424242", {
        expMonth: String(lastMonth.getUTCMonth() + 1),
        expYear: String(lastMonth.getUTCFullYear()),
      }),
      t.errors.checkCard,
    );
    expect(expired).toMatchObject({ fieldErrors: { expMonth: t.cardErrors.expired } });
  });
});

describe("payInvoiceAction: saved cards", () => {
  it("declines the saved Visa ending 0002 and gives the balance back", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const state = await payInvoiceAction(idle, savedCardForm(invoice.id, world.cards.visa0002));
    expect(state).toMatchObject({ status: "declined", message: t.declines.generic_decline, retryable: false });
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(invoice.totalMinor);
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({
      status: "FAILED",
      declineCode: "generic_decline",
      paymentMethodId: world.cards.visa0002,
      cardLast4: "0002",
    });
  });

  it("refuses the expired Amex ending 0005", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectActionRefused(savedCardForm(invoice.id, world.cards.amex0005), t.refusals.cardExpired);
  });

  it("refuses a card of another billing profile of the same account", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice(); // a new profile: Engineering's cards are not its own
    await expectActionRefused(savedCardForm(invoice.id, world.cards.visa4242), t.refusals.cardNotUsable);
  });

  it("refuses a card of another billing account", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectActionRefused(savedCardForm(invoice.id, world.cards.fabrikamMastercard), t.refusals.cardNotUsable);
  });

  it("refuses a removed card", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const removed = await testDb.db.paymentMethod.create({
      data: {
        id: randomUUID(),
        billingProfileId: world.engineering,
        brand: "visa",
        last4: "1111",
        expMonth: 12,
        expYear: 2030,
        holderName: "Old card",
        country: "US",
        postalCode: "98052",
        fingerprint: cardFingerprint("4111111111111111"),
        createdAt: TEST_NOW,
        removedAt: TEST_NOW,
      },
    });
    await expectActionRefused(savedCardForm(invoice.id, removed.id), t.refusals.cardNotUsable);
  });

  it("asks for a payment method when none is chosen", async () => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, ""), t.errors.chooseMethod);
  });
});

describe("payInvoiceAction: idempotency", () => {
  it("the same key twice is one payment, one charge, and the same answer", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ profileId: world.engineering });
    const form = savedCardForm(invoice.id, world.cards.visa4242);
    const first = await expectRedirect(payInvoiceAction(idle, form));
    const second = await expectRedirect(payInvoiceAction(idle, form));
    expect(second).toEqual(first);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });

  it("the same key after a decline answers the decline again without charging", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice();
    const form = newCardForm(invoice.id, "4000000000009995");
    const first = await payInvoiceAction(idle, form);
    const second = await payInvoiceAction(idle, form);
    expect(first).toMatchObject({ status: "declined", message: t.declines.insufficient_funds });
    expect(second).toMatchObject({ status: "declined", message: t.declines.insufficient_funds });
    expect(processor.calls).toHaveLength(1);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });
});

describe("payInvoiceAction: partial payments", () => {
  it("two parts summing to the amount due pay the Past due invoice, whose details list both payments", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await invoiceRow(world.invoices.pastDue);
    expect(invoiceStatus(invoice, clock)).toBe("pastDue");
    const total = invoice.amountDueMinor;
    const firstPart = 1_000_00;
    const rest = total - firstPart;
    const major = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

    const first = await payInvoiceAction(idle, savedCardForm(invoice.id, world.cards.visa4242, { amount: "1000.00" }));
    expect(first).toMatchObject({ status: "succeeded", amountMinor: firstPart, paidInFull: false });
    const between = await invoiceRow(invoice.id);
    expect(between.amountDueMinor).toBe(rest);
    expect(invoiceStatus(between, clock)).toBe("partiallyPaid");

    const { paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "5555555555554444", { amount: major(rest) })),
    );
    const after = await invoiceRow(invoice.id);
    expect(after.amountDueMinor).toBe(0);
    expect(invoiceStatus(after, clock)).toBe("paid");

    const details = await getInvoiceDetails(world.contoso, invoice.id);
    const succeededPayments = details!.payments.filter((payment) => payment.status === "SUCCEEDED");
    expect(succeededPayments).toHaveLength(2);
    expect(succeededPayments.map((payment) => payment.amountMinor)).toEqual([firstPart, rest]);
    expect(succeededPayments.map((payment) => payment.cardLast4)).toEqual(["4242", "4444"]);
    expect(succeededPayments[1].id).toBe(paid);
    expect(succeededPayments[0].amountMinor + succeededPayments[1].amountMinor).toBe(invoice.totalMinor);
  });

  it("pays the rest of the seeded Partially paid invoice, below the minimum or not", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await invoiceRow(world.invoices.partiallyPaid);
    expect(invoiceStatus(invoice, clock)).toBe("partiallyPaid");
    const outcome = succeeded(await payInvoice(request(invoice.id, savedCard(world.cards.mastercard4444))));
    expect(outcome).toMatchObject({
      amountMinor: invoice.amountDueMinor,
      paidInFull: true,
      invoiceId: invoice.id,
      currency: "USD",
    });
    const details = await getInvoiceDetails(world.contoso, invoice.id);
    expect(
      details!.payments
        .filter((payment) => payment.status === "SUCCEEDED")
        .reduce((sum, payment) => sum + payment.amountMinor, 0),
    ).toBe(invoice.totalMinor);
  });

  it("accepts a remaining balance below the minimum when it is paid whole", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 100_00, amountDueMinor: 3_00 });
    const { paid } = await expectRedirect(
      payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242", { amount: "3.00" })),
    );
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).amountMinor).toBe(3_00);
  });

  it.each([
    ["below the minimum", "4.99", t.refusals.belowMinimum],
    ["zero", "0.00", t.refusals.notPositive],
    ["above the amount due", "1000.01", t.refusals.aboveAmountDue],
    ["with three decimals", "5.001", t.errors.amountFormat],
    ["negative", "-5.00", t.errors.amountFormat],
    ["not a number", "five", t.errors.amountFormat],
    ["in exponent notation", "1e3", t.errors.amountFormat],
  ])("refuses an amount %s and writes nothing", async (_label, amount, message) => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242", { amount }), message);
  });
});

describe("payInvoiceAction: invoices that cannot be paid by card", () => {
  it("refuses the $72,450.00 invoice above the card limit", async () => {
    await signInAs("admin@contoso.com");
    const state = await expectActionRefused(
      newCardForm(world.invoices.aboveLimit, "4242424242424242"),
      t.refusals.aboveCardLimit,
    );
    expect(state.status).toBe("error");
    // Not even a part of it can be paid by card.
    await expectActionRefused(
      newCardForm(world.invoices.aboveLimit, "4242424242424242", { amount: "100.00" }),
      t.refusals.aboveCardLimit,
    );
  });

  it("allows an invoice of exactly USD 50,000.00", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 50_000_00 });
    const { paid } = await expectRedirect(payInvoiceAction(idle, newCardForm(invoice.id, "4242424242424242")));
    expect((await testDb.db.payment.findUniqueOrThrow({ where: { id: paid } })).amountMinor).toBe(50_000_00);
  });

  it("refuses an invoice of USD 50,000.01", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await freshInvoice({ totalMinor: 50_000_01 });
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242"), t.refusals.aboveCardLimit);
  });

  it.each([
    ["an already paid invoice", () => world.invoices.paid[5]],
    ["the Void invoice", () => world.invoices.void],
  ])("refuses %s and writes nothing", async (_label, invoiceId) => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(savedCardForm(invoiceId(), world.cards.visa4242), t.refusals.notPayable);
  });

  it("refuses Fabrikam's admin Pay now on the MOSP account (Settle balance instead)", async () => {
    await signInAs("admin@fabrikam.com");
    const form = payForm({
      accountId: world.fabrikam,
      invoiceId: world.invoices.fabrikamDue,
      idempotencyKey: randomUUID(),
      method: "saved",
      paymentMethodId: world.cards.fabrikamMastercard,
    });
    await expectActionRefused(form, t.refusals.agreement);
  });
});

describe("payInvoiceAction: who may pay", () => {
  it("refuses the reader, telling who can pay, and writes nothing", async () => {
    await signInAs("reader@contoso.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.refusals.notAdmin);
    await expectActionRefused(
      newCardForm(world.invoices.pastDue, "4242424242424242", { amount: "10.00" }),
      t.refusals.notAdmin,
    );
  });

  it("refuses Fabrikam's admin on Contoso's invoice as not found, and writes nothing", async () => {
    await signInAs("admin@fabrikam.com");
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.refusals.notFound);
    await expectActionRefused(newCardForm(world.invoices.pastDue, "4242424242424242"), t.refusals.notFound);
  });

  it("tells Fabrikam's admin nothing about whether a Contoso invoice exists, whatever the amount", async () => {
    await signInAs("admin@fabrikam.com");
    for (const amount of [undefined, "100.00", "not an amount"]) {
      const existing = await expectActionRefused(
        newCardForm(world.invoices.pastDue, "4242424242424242", { amount }),
        t.refusals.notFound,
      );
      const missing = await expectActionRefused(
        newCardForm("G0NOSUCH01", "4242424242424242", { amount }),
        t.refusals.notFound,
      );
      expect({ ...existing, nextKey: "" }, `amount ${amount}`).toEqual({ ...missing, nextKey: "" });
    }
  });

  it("tells a signed-out visitor nothing about whether an invoice exists, whatever the amount", async () => {
    for (const amount of [undefined, "100.00", "not an amount"]) {
      resetNextRequest();
      await expectActionRefused(
        newCardForm(world.invoices.pastDue, "4242424242424242", { amount }),
        t.errors.signedOut,
      );
      await expectActionRefused(newCardForm("G0NOSUCH01", "4242424242424242", { amount }), t.errors.signedOut);
    }
  });

  it("refuses the Contoso admin on an invoice of another account passed with the Contoso ID", async () => {
    await signInAs("admin@contoso.com");
    await expectActionRefused(
      savedCardForm(world.invoices.fabrikamDue, world.cards.fabrikamMastercard),
      t.refusals.notFound,
    );
  });

  it("refuses a visitor without a session and writes nothing", async () => {
    resetNextRequest();
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it("refuses a tampered session cookie and writes nothing", async () => {
    await signInAs("admin@contoso.com");
    const genuine = cookieJar.get(SESSION_COOKIE)!.value;
    const at = Math.floor(genuine.length / 2);
    const forged = genuine.slice(0, at) + (genuine[at] === "A" ? "B" : "A") + genuine.slice(at + 1);
    resetNextRequest({ cookies: { [SESSION_COOKIE]: forged } });
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it("refuses a session sealed with another secret", async () => {
    const foreign = await sealData(
      { userId: world.users.contosoAdmin },
      { password: "another-portal-secret-0123456789abcdefghij", ttl: SESSION_TTL_SECONDS },
    );
    resetNextRequest({ cookies: { [SESSION_COOKIE]: foreign } });
    await expectActionRefused(savedCardForm(world.invoices.pastDue, world.cards.visa4242), t.errors.signedOut);
  });

  it.each([
    ["no idempotency key", { idempotencyKey: undefined }],
    ["an idempotency key that is not a UUID", { idempotencyKey: "1" }],
    ["no invoice", { invoiceId: undefined }],
    ["no account", { accountId: undefined }],
    ["an unknown method", { method: "wire" }],
    ["an oversized invoice ID", { invoiceId: "G".repeat(41) }],
  ])("refuses a request with %s", async (_label, overrides) => {
    await signInAs("admin@contoso.com");
    const fields = {
      accountId: world.contoso,
      invoiceId: world.invoices.pastDue,
      idempotencyKey: randomUUID(),
      method: "saved",
      paymentMethodId: world.cards.visa4242,
      ...overrides,
    };
    await expectActionRefused(payForm(fields), t.errors.invalidRequest);
  });
});

// ================================================================ payInvoice, the function beneath

describe("payInvoice: each test card", () => {
  it.each(approvedCards)("$number is approved", async ({ number, brand }) => {
    const invoice = await freshInvoice({ totalMinor: 777_77 });
    const outcome = await payInvoice(request(invoice.id, newCard(number)));
    expect(outcome).toEqual({
      status: "succeeded",
      paymentId: expect.any(String),
      amountMinor: 777_77,
      currency: "USD",
      invoiceId: invoice.id,
      paidInFull: true,
    });
    const payment = await testDb.db.payment.findUniqueOrThrow({
      where: { id: (outcome as { paymentId: string }).paymentId },
    });
    expect(payment).toMatchObject({ status: "SUCCEEDED", cardBrand: brand, cardLast4: number.slice(-4) });
  });

  it.each(decliningCards)("$number is declined with $code", async ({ number, code, retryable }) => {
    const invoice = await freshInvoice({ totalMinor: 777_77 });
    const outcome = await payInvoice(request(invoice.id, newCard(number)));
    expect(outcome).toEqual({ status: "declined", paymentId: expect.any(String), code, retryable });
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(777_77);
    expect(await testDb.db.paymentMethod.count({ where: { billingProfileId: invoice.billingProfileId } })).toBe(0);
  });

  it("a processor that throws never leaves a success nor loses the reserved amount", async () => {
    setCardProcessor({
      charge: async () => Promise.reject(new Error("gateway timeout")),
      lookup: async () => null,
    } as CardProcessor);
    const invoice = await freshInvoice();
    const outcome = await payInvoice(request(invoice.id, newCard("4242424242424242")));
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    const amountDue = (await invoiceRow(invoice.id)).amountDueMinor;
    if (outcome.status === "declined") {
      // Settled as a retryable processing error, with the balance given back.
      expect(outcome).toMatchObject({ code: "processing_error", retryable: true });
      expect(payment).toMatchObject({ status: "FAILED", declineCode: "processing_error" });
      expect(amountDue).toBe(invoice.totalMinor);
    } else {
      // Or left to be reconciled with the processor: still pending, the amount still reserved.
      expect(outcome).toEqual({ status: "inProgress", paymentId: payment.id });
      expect(payment.status).toBe("PENDING");
      expect(amountDue).toBe(0);
    }
    expect(await testDb.db.notification.count({ where: { kind: "PAYMENT_SUCCEEDED", createdAt: clock } })).toBe(0);
  });

  it("a retryable decline can be retried with the same card under a new key", async () => {
    const invoice = await freshInvoice();
    expect(await payInvoice(request(invoice.id, newCard("4000000000000119")))).toMatchObject({
      status: "declined",
      retryable: true,
    });
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });
});

describe("payInvoice: idempotency", () => {
  it("the same key twice gives the first result, one payment row and one charge", async () => {
    const invoice = await freshInvoice();
    const payRequest = request(invoice.id, newCard("4242424242424242"));
    const first = await payInvoice(payRequest);
    const second = await payInvoice(payRequest);
    expect(succeeded(first)).toEqual(second);
    expect(await testDb.db.payment.count({ where: { idempotencyKey: payRequest.idempotencyKey } })).toBe(1);
    expect(processor.calls).toHaveLength(1);
  });

  // Review finding 4: answering the first result would tell a script its second payment went through.
  it.each([
    ["another amount", newCard("4242424242424242"), { amountMinor: 200_00 }],
    ["another card", newCard("5555555555554444"), { amountMinor: 100_00 }],
    ["a saved card instead", undefined, { amountMinor: 100_00 }],
    ["the whole amount due", newCard("4242424242424242"), {}],
  ] as const)(
    "the same key with %s is refused (keyMismatch), charging and writing nothing",
    async (_label, method, changes) => {
      const invoice = await freshInvoice();
      const key = randomUUID();
      const first = succeeded(
        await payInvoice(
          request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 }),
        ),
      );
      processor.calls.length = 0;
      await expectRefused(
        request(invoice.id, method ?? savedCard(world.cards.visa4242), { idempotencyKey: key, ...changes }),
        "keyMismatch",
      );
      // The very same request still answers the first result.
      expect(
        await payInvoice(
          request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 }),
        ),
      ).toEqual(first);
      expect(processor.calls).toHaveLength(0);
      expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(invoice.totalMinor - 100_00);
    },
  );

  it("a key used for another invoice is refused, and writes nothing", async () => {
    const a = await freshInvoice();
    const b = await freshInvoice();
    const key = randomUUID();
    succeeded(
      await payInvoice(request(a.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 })),
    );
    processor.calls.length = 0;
    await expectRefused(request(b.id, newCard("4242424242424242"), { idempotencyKey: key }), "keyReused");
  });

  it("a key used by another user is refused and reveals nothing", async () => {
    const invoice = await freshInvoice();
    const key = randomUUID();
    succeeded(
      await payInvoice(request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, amountMinor: 100_00 })),
    );
    processor.calls.length = 0;
    await expectRefused(
      request(invoice.id, newCard("4242424242424242"), { idempotencyKey: key, userId: world.users.contosoReader }),
      "keyReused",
    );
  });
});

describe("payInvoice: refusals write nothing", () => {
  it("an already paid invoice", async () => {
    await expectRefused(request(world.invoices.paid[3], savedCard(world.cards.visa4242)), "notPayable");
  });

  it("a partial payment below the minimum", async () => {
    const invoice = await freshInvoice();
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { amountMinor: 4_99 }), "belowMinimum");
  });

  it.each([
    ["zero", 0, "notPositive"],
    ["negative", -100, "notPositive"],
    ["fractional", 100.5, "notPositive"],
    ["NaN", Number.NaN, "notPositive"],
    ["above the amount due", 1_000_01, "aboveAmountDue"],
  ])("an amount that is %s", async (_label, amountMinor, reason) => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { amountMinor }), reason);
  });

  it("the invoice above the card limit", async () => {
    await expectRefused(request(world.invoices.aboveLimit, newCard("4242424242424242")), "aboveCardLimit");
  });

  it("the expired saved Amex", async () => {
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(invoice.id, savedCard(world.cards.amex0005)), "cardExpired");
  });

  it("a card of another billing profile", async () => {
    const invoice = await freshInvoice();
    await expectRefused(request(invoice.id, savedCard(world.cards.mastercard4444)), "cardNotUsable");
    const engineeringInvoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(engineeringInvoice.id, savedCard(world.cards.fabrikamMastercard)), "cardNotUsable");
  });

  it("a card ID that does not exist", async () => {
    const invoice = await freshInvoice({ profileId: world.engineering });
    await expectRefused(request(invoice.id, savedCard(randomUUID())), "cardNotUsable");
  });

  it("the reader", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: world.users.contosoReader }),
      "notAdmin",
    );
  });

  it("Fabrikam's admin with Contoso IDs", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: world.users.fabrikamAdmin }),
      "notFound",
    );
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.fabrikamMastercard), { userId: world.users.fabrikamAdmin }),
      "notFound",
    );
  });

  it("a user that does not exist", async () => {
    await expectRefused(
      request(world.invoices.pastDue, savedCard(world.cards.visa4242), { userId: randomUUID() }),
      "notFound",
    );
  });

  it("an invoice of another account under the Contoso ID", async () => {
    await expectRefused(request(world.invoices.fabrikamDue, savedCard(world.cards.visa4242)), "notFound");
  });

  it("the MOSP account's admin on its own invoice", async () => {
    await expectRefused(
      request(world.invoices.fabrikamDue, savedCard(world.cards.fabrikamMastercard), {
        userId: world.users.fabrikamAdmin,
        accountId: world.fabrikam,
      }),
      "agreement",
    );
  });
});

describe("payInvoice: notifications", () => {
  it("leaves one PAYMENT_SUCCEEDED notification for the paying user on success", async () => {
    const invoice = await freshInvoice({ totalMinor: 321_00 });
    const before = await testDb.db.notification.count();
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
    expect(await testDb.db.notification.count()).toBe(before + 1);
    const notification = await testDb.db.notification.findFirstOrThrow({ where: { createdAt: clock } });
    expect(notification).toMatchObject({ userId: world.users.contosoAdmin, kind: "PAYMENT_SUCCEEDED", readAt: null });
    expect(JSON.parse(notification.params)).toEqual({ amountMinor: 321_00, currency: "USD", invoiceId: invoice.id });
  });

  it("leaves one PAYMENT_FAILED notification with the reason on a decline", async () => {
    const invoice = await freshInvoice({ totalMinor: 321_00 });
    const before = await testDb.db.notification.count();
    await payInvoice(request(invoice.id, newCard("4000000000000069")));
    expect(await testDb.db.notification.count()).toBe(before + 1);
    const notification = await testDb.db.notification.findFirstOrThrow({ where: { createdAt: clock } });
    expect(notification).toMatchObject({ userId: world.users.contosoAdmin, kind: "PAYMENT_FAILED", readAt: null });
    expect(JSON.parse(notification.params)).toEqual({
      amountMinor: 321_00,
      currency: "USD",
      invoiceId: invoice.id,
      reason: "expired_card",
    });
  });
});

describe("card data at rest", () => {
  /** Occurrences of `needle` in `haystack` that are not inside a run of 32+ hex/dash characters (IDs, hashes). */
  function occurrencesOutsideIds(haystack: Buffer, needle: string): string[] {
    const text = haystack.toString("latin1");
    const found: string[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      let start = at;
      let end = at + needle.length;
      while (start > 0 && /[0-9a-fA-F-]/.test(text[start - 1])) start--;
      while (end < text.length && /[0-9a-fA-F-]/.test(text[end])) end++;
      if (end - start < 32) found.push(JSON.stringify(text.slice(Math.max(0, at - 24), at + needle.length + 24)));
    }
    return found;
  }

  function databaseBytes(): Buffer {
    const parts = [testDb.file, `${testDb.file}-wal`]
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file));
    return Buffer.concat(parts);
  }

  it.each([
    ["an approved Amex", "378282246310005", "approved"],
    ["an approved Visa debit card", "4000056655665556", "approved"],
    ["a declined Visa", "4000000000009995", "declined"],
  ])("keeps neither the number nor the security code of %s in the database files", async (_label, number, result) => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    // A code that is not in the files beforehand, or its absence afterwards would prove nothing.
    const codeLength = number.length === 15 ? 4 : 3;
    const before = databaseBytes();
    let cvc: string | undefined;
    for (let n = 0; n < 10 ** codeLength && !cvc; n++) {
      // A fixed walk over the codes (coprime step), so the first ones tried are not "000", "001"…
      const code = String((n * 7919 + 7391) % 10 ** codeLength).padStart(codeLength, "0");
      if (occurrencesOutsideIds(before, code).length === 0) cvc = code;
    }
    expect(cvc, "a security code absent from the database").toBeDefined();
    const outcome = await payInvoice(request(invoice.id, newCard(number, cvc)));
    expect(outcome.status).toBe(result === "approved" ? "succeeded" : "declined");
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);

    const bytes = databaseBytes();
    expect(bytes.length).toBeGreaterThan(0);
    const asText = bytes.toString("latin1");
    expect(asText.includes(number), "the card number").toBe(false);
    expect(asText.includes(number.replace(/(\d{4})(?=\d)/g, "$1 ")), "the card number with spaces").toBe(false);
    expect(bytes.includes(Buffer.from(number, "utf16le")), "the card number as UTF-16").toBe(false);
    expect(occurrencesOutsideIds(bytes, cvc!), "the security code").toEqual([]);
    // A saved card is known by its last four digits and fingerprint; a declined one is not kept at all.
    expect(asText.includes(cardFingerprint(number))).toBe(result === "approved");
  });
});

// ================================================================ concurrency

describe("payInvoice: concurrent requests", () => {
  it("20 payments of the whole balance with different keys and cards: exactly one charge, never an overpayment", async () => {
    const invoice = await freshInvoice({ totalMinor: 4_321_09 });
    const numbers = [...approvedCards.map((card) => card.number), ...otherApprovedNumbers(16)];
    expect(new Set(numbers).size).toBe(20);
    const outcomes = await Promise.all(numbers.map((number) => payInvoice(request(invoice.id, newCard(number)))));

    const wins = outcomes.filter((outcome) => outcome.status === "succeeded");
    expect(wins).toHaveLength(1);
    expect(wins[0]).toMatchObject({ amountMinor: 4_321_09, paidInFull: true });
    for (const outcome of outcomes.filter((o) => o.status !== "succeeded")) {
      expect(outcome.status).toBe("refused");
      expect(["balanceChanged", "notPayable"]).toContain((outcome as { reason: string }).reason);
    }
    const payments = await testDb.db.payment.findMany({ where: { invoiceId: invoice.id } });
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")).toHaveLength(1);
    expect(payments.filter((payment) => payment.status === "SUCCEEDED")[0].amountMinor).toBe(4_321_09);
    expect(payments.filter((payment) => payment.status === "PENDING")).toHaveLength(0);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
  });

  it("20 partial payments racing for a balance that holds only three: the balance never goes below zero", async () => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    const numbers = otherApprovedNumbers(20);
    const outcomes = await Promise.all(
      numbers.map((number) => payInvoice(request(invoice.id, newCard(number), { amountMinor: 300_00 }))),
    );
    const wins = outcomes.filter((outcome) => outcome.status === "succeeded");
    expect(wins).toHaveLength(3);
    const after = await invoiceRow(invoice.id);
    expect(after.amountDueMinor).toBe(100_00);
    const charged = await testDb.db.payment.aggregate({
      where: { invoiceId: invoice.id, status: "SUCCEEDED" },
      _sum: { amountMinor: true },
    });
    expect(charged._sum.amountMinor).toBe(900_00);
    expect(processor.calls).toHaveLength(3);
  });

  it("20 requests sharing one key: one payment row, one charge, one answer", async () => {
    const invoice = await freshInvoice({ totalMinor: 555_55 });
    const shared = request(invoice.id, newCard("4242424242424242"));
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => payInvoice({ ...shared })));

    expect(await testDb.db.payment.count({ where: { idempotencyKey: shared.idempotencyKey } })).toBe(1);
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const payment = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment.status).toBe("SUCCEEDED");
    for (const outcome of outcomes) {
      // Each answer is the payment's: done, or still in progress when it was asked.
      expect(["succeeded", "inProgress"]).toContain(outcome.status);
      expect((outcome as { paymentId: string }).paymentId).toBe(payment.id);
    }
    expect(outcomes.filter((outcome) => outcome.status === "succeeded").length).toBeGreaterThanOrEqual(1);
    expect(processor.calls).toHaveLength(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(0);
    // Asked again afterwards, every request gets the settled result.
    expect(await payInvoice({ ...shared })).toEqual({
      status: "succeeded",
      paymentId: payment.id,
      amountMinor: 555_55,
      currency: "USD",
      invoiceId: invoice.id,
      paidInFull: true,
    });
  });

  it("20 partial requests sharing one key take one part only", async () => {
    const invoice = await freshInvoice({ totalMinor: 1_000_00 });
    const shared = request(invoice.id, newCard("4242424242424242"), { amountMinor: 100_00 });
    await Promise.all(Array.from({ length: 20 }, () => payInvoice({ ...shared })));
    expect(await testDb.db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect((await invoiceRow(invoice.id)).amountDueMinor).toBe(900_00);
    expect(processor.calls).toHaveLength(1);
  });
});

// ================================================================ card-testing protection

describe("payInvoice: decline limit", () => {
  it("after 10 declines in an hour on the account, refuses further payments until the hour has passed", async () => {
    const invoice = await freshInvoice();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const outcome = await payInvoice(request(invoice.id, newCard("4000000000000002")));
      expect(outcome.status, `attempt ${attempt}`).toBe("declined");
    }
    expect(processor.calls).toHaveLength(10);
    processor.calls.length = 0;

    // The 11th attempt is refused, even with a good card, and nothing is written.
    await expectRefused(request(invoice.id, newCard("4242424242424242")), "tooManyDeclines");

    // Another admin of the same account is refused too: the limit is the account's.
    const otherAdmin = randomUUID();
    await testDb.db.user.create({
      data: {
        id: otherAdmin,
        email: `second-admin-${otherAdmin}@contoso.com`,
        displayName: "Second Admin",
        passwordHash: "x",
      },
    });
    await testDb.db.roleAssignment.create({
      data: { id: randomUUID(), userId: otherAdmin, billingAccountId: world.contoso, role: "BILLING_ACCOUNT_ADMIN" },
    });
    await expectRefused(request(invoice.id, newCard("4242424242424242"), { userId: otherAdmin }), "tooManyDeclines");

    // Through the action, the user is told in plain words.
    await signInAs("admin@contoso.com");
    await expectActionRefused(newCardForm(invoice.id, "4242424242424242"), t.refusals.tooManyDeclines);

    // Still inside the hour: refused. Once the hour of the first decline has passed: paid.
    setClock(new Date(clock.getTime() + HOUR - 1));
    await expectRefused(request(invoice.id, newCard("4242424242424242")), "tooManyDeclines");
    setClock(new Date(clock.getTime() + 2));
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
  });

  it("nine declines still leave a tenth try", async () => {
    const invoice = await freshInvoice();
    for (let attempt = 1; attempt <= 9; attempt++)
      expect((await payInvoice(request(invoice.id, newCard("4000000000000127")))).status).toBe("declined");
    succeeded(await payInvoice(request(invoice.id, newCard("4242424242424242"))));
  });
});
