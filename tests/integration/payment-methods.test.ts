// The payment methods blade's actions on a real seeded SQLite file: adding a card, making it the default
// and removing it (the success paths), and the limits of review finding 3: new cards per billing profile
// and per user per hour, and saved-card payments in flight counted in the decline limit.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { billingAccountPath } from "@/features/access/paths";
import {
  addPaymentMethodAction,
  removePaymentMethodAction,
  setDefaultPaymentMethodAction,
  type MethodActionState,
} from "@/features/payment-methods/method-actions";
import { MAX_NEW_CARDS_PER_PROFILE, MAX_NEW_CARDS_PER_USER } from "@/features/payment-methods/new-card-limit";
import { payInvoice, type PayOutcome } from "@/features/payments/pay-invoice";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { CardProcessor, ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import { MAX_DECLINES_PER_ACCOUNT } from "@/features/payments/rate-limit";
import { catalogs } from "@/i18n/catalogs";
import { cardFingerprint } from "@/server/card-fingerprint";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { revalidatePath } from "../support/next-request";
import { advanceRealTime } from "../support/real-time";
import { signInAs } from "../support/session-cookie";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const t = catalogs.en.payments;
const HOUR = 60 * 60 * 1000;
const idle: MethodActionState = { status: "idle" };

const savedEnv = { SIM_NOW: process.env.SIM_NOW, PAYMENT_DELAY_MS: process.env.PAYMENT_DELAY_MS };
let contoso: string;
let tick = 0;
beforeAll(async () => {
  process.env.PAYMENT_DELAY_MS = "0";
  contoso = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
});
afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  setCardProcessor(undefined);
});
beforeEach(async () => {
  // Each test three hours after the previous one (which may move an hour on), on the simulator's clock and in
  // real time (the new-card limit's window): outside every hourly window.
  process.env.SIM_NOW = new Date(TEST_NOW.getTime() + ++tick * 3 * HOUR).toISOString();
  advanceRealTime(3 * HOUR);
  setCardProcessor(new SimulatedProcessor(0, "none"));
  await signInAs(testDb.db, "admin@contoso.com");
});

let profiles = 0;
async function freshProfile(): Promise<string> {
  const id = `PM-TEST-PROFILE-${++profiles}`;
  await testDb.db.billingProfile.create({
    data: { id, billingAccountId: contoso, name: `Cards ${profiles}`, currency: "USD", defaultPaymentKind: "WIRE" },
  });
  return id;
}

/** Valid (Luhn) Visa numbers that are not test cards. */
function visaNumber(n: number): string {
  const body = `411111${String(n).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const addForm = (billingProfileId: string, cardNumber: string) =>
  form({
    accountId: contoso,
    billingProfileId,
    cardNumber,
    expMonth: "11",
    expYear: "2031",
    cvc: "123",
    holderName: "Megan Bowen",
    country: "US",
    postalCode: "98052",
  });
const cardForm = (paymentMethodId: string) => form({ accountId: contoso, paymentMethodId });

describe("payment methods: the success paths", () => {
  it("adds a card, makes it the default, and removes the card that was the default before", async () => {
    const profileId = await freshProfile();
    const first = await addPaymentMethodAction(idle, addForm(profileId, "5555555555554444"));
    expect(first).toEqual({ status: "ok", message: t.methods.added });
    expect(revalidatePath).toHaveBeenCalledWith(`${billingAccountPath(contoso)}/payment-methods`);
    const second = await addPaymentMethodAction(idle, addForm(profileId, "4242424242424242"));
    expect(second.status).toBe("ok");

    const cards = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: profileId } });
    expect(cards).toHaveLength(2);
    const mastercard = cards.find((card) => card.last4 === "4444")!;
    const visa = cards.find((card) => card.last4 === "4242")!;
    expect(mastercard).toMatchObject({
      brand: "mastercard",
      expMonth: 11,
      expYear: 2031,
      holderName: "Megan Bowen",
      country: "US",
      postalCode: "98052",
      fingerprint: cardFingerprint("5555555555554444"),
      removedAt: null,
    });
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    expect(mastercard.createdByUserId).toBe(admin.id);

    expect(await setDefaultPaymentMethodAction(idle, cardForm(mastercard.id))).toEqual({
      status: "ok",
      message: t.methods.defaultSet,
    });
    expect(await testDb.db.billingProfile.findUniqueOrThrow({ where: { id: profileId } })).toMatchObject({
      defaultPaymentMethodId: mastercard.id,
      defaultPaymentKind: "CARD",
    });

    // The default moves to the Visa, then the Mastercard (no longer the default) can go.
    expect((await setDefaultPaymentMethodAction(idle, cardForm(visa.id))).status).toBe("ok");
    expect(await removePaymentMethodAction(idle, cardForm(mastercard.id))).toEqual({
      status: "ok",
      message: t.methods.removed,
    });
    const removed = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: mastercard.id } });
    expect(removed.removedAt).toEqual(new Date(process.env.SIM_NOW!));
    // Review finding 1: nothing needs to recognise a removed card, so its fingerprint is erased.
    expect(removed.fingerprint).toBeNull();
    expect(removed.last4).toBe("4444");

    // Removing it again: it is no longer on file.
    const again = await expectNoDatabaseChange(testDb.db, () =>
      removePaymentMethodAction(idle, cardForm(mastercard.id)),
    );
    expect(again.value).toEqual({ status: "error", message: t.methods.notFound });
  });

  it("adding the same card twice keeps one entry, with the newer details", async () => {
    const profileId = await freshProfile();
    await addPaymentMethodAction(idle, addForm(profileId, "4242424242424242"));
    const changed = addForm(profileId, "4242 4242 4242 4242");
    changed.set("holderName", "Adele Vance");
    expect((await addPaymentMethodAction(idle, changed)).status).toBe("ok");
    const cards = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: profileId } });
    expect(cards).toHaveLength(1);
    expect(cards[0].holderName).toBe("Adele Vance");
  });
});

describe("new cards per hour (review finding 3)", () => {
  it(`a billing profile takes ${MAX_NEW_CARDS_PER_PROFILE} new cards an hour; the next is refused with a message and writes nothing`, async () => {
    const profileId = await freshProfile();
    for (let n = 1; n <= MAX_NEW_CARDS_PER_PROFILE; n++)
      expect((await addPaymentMethodAction(idle, addForm(profileId, visaNumber(n)))).status).toBe("ok");
    const refused = await expectNoDatabaseChange(testDb.db, () =>
      addPaymentMethodAction(idle, addForm(profileId, visaNumber(99))),
    );
    expect(refused.value).toEqual({ status: "error", message: t.methods.tooManyNewCards });
    // Removing a card does not give its place back.
    const [one] = await testDb.db.paymentMethod.findMany({ where: { billingProfileId: profileId } });
    expect((await removePaymentMethodAction(idle, cardForm(one.id))).status).toBe("ok");
    expect(await addPaymentMethodAction(idle, addForm(profileId, visaNumber(98)))).toMatchObject({ status: "error" });

    // The window is real time: the simulator's clock moving on a day changes nothing.
    process.env.SIM_NOW = new Date(new Date(process.env.SIM_NOW!).getTime() + 24 * HOUR).toISOString();
    expect(await addPaymentMethodAction(idle, addForm(profileId, visaNumber(97)))).toMatchObject({ status: "error" });
    // An hour later in real time, it is allowed again.
    advanceRealTime(HOUR + 1000);
    expect((await addPaymentMethodAction(idle, addForm(profileId, visaNumber(98)))).status).toBe("ok");
  });

  it(`a user adds ${MAX_NEW_CARDS_PER_USER} new cards an hour across profiles; the next is refused`, async () => {
    const perProfile = Math.min(MAX_NEW_CARDS_PER_PROFILE, 4);
    let added = 0;
    while (added < MAX_NEW_CARDS_PER_USER) {
      const profileId = await freshProfile();
      for (let n = 0; n < perProfile && added < MAX_NEW_CARDS_PER_USER; n++, added++)
        expect((await addPaymentMethodAction(idle, addForm(profileId, visaNumber(200 + added)))).status).toBe("ok");
    }
    const profileId = await freshProfile();
    const refused = await addPaymentMethodAction(idle, addForm(profileId, visaNumber(300)));
    expect(refused).toEqual({ status: "error", message: t.methods.tooManyNewCards });
  });

  it("paying with a new card counts too: with the profile's hour full, Pay now with another new card is refused before any charge", async () => {
    const profileId = await freshProfile();
    for (let n = 1; n <= MAX_NEW_CARDS_PER_PROFILE; n++)
      expect((await addPaymentMethodAction(idle, addForm(profileId, visaNumber(400 + n)))).status).toBe("ok");
    const invoice = await dueInvoice(profileId);
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    const card = (number: string) => ({
      cardNumber: number,
      brand: "visa",
      last4: number.slice(-4),
      expMonth: 11,
      expYear: 2031,
      cvc: "123",
      holderName: "Megan Bowen",
      country: "US" as const,
      postalCode: "98052",
    });
    const base = { userId: admin.id, accountId: contoso, invoiceId: invoice.id, amountMinor: 10_00 };
    const refused = await payInvoice({
      ...base,
      idempotencyKey: randomUUID(),
      method: { kind: "new", card: card(visaNumber(499)) },
    });
    expect(refused).toEqual({ status: "refused", reason: "tooManyNewCards" });
    // A card already saved on the profile is not new: it still pays.
    const paid = await payInvoice({
      ...base,
      idempotencyKey: randomUUID(),
      method: { kind: "new", card: card(visaNumber(401)) },
    });
    expect(paid.status).toBe("succeeded");
  });
});

let invoices = 0;
async function dueInvoice(billingProfileId: string) {
  const now = new Date(process.env.SIM_NOW!).getTime();
  const day = 24 * HOUR;
  return testDb.db.invoice.create({
    data: {
      id: `G098${String(++invoices).padStart(6, "0")}`,
      billingAccountId: contoso,
      billingProfileId,
      invoiceDate: new Date(now - 10 * day),
      dueDate: new Date(now + 20 * day),
      periodStart: new Date(now - 40 * day),
      periodEnd: new Date(now - 11 * day),
      currency: "USD",
      subtotalMinor: 5_000_00,
      taxMinor: 0,
      totalMinor: 5_000_00,
      amountDueMinor: 5_000_00,
    },
  });
}

/** A processor that holds every charge until released: all attempts are in flight at once. */
class HeldProcessor implements CardProcessor {
  readonly calls: ChargeRequest[] = [];
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    this.calls.push(request);
    await this.released;
    return { outcome: "declined", code: "generic_decline" };
  }
  async lookup(): Promise<ChargeResult | null> {
    return null;
  }
  async abandon(): Promise<ChargeResult> {
    return { outcome: "declined", code: "processing_error" };
  }
  letGo(): void {
    this.release();
  }
}

describe("the decline limit counts saved-card payments in flight (review finding 3)", () => {
  it("cards saved earlier and never approved, all used at once: no more attempts reach the processor than the limit", async () => {
    const burst = MAX_DECLINES_PER_ACCOUNT + 4;
    const profileId = await freshProfile();
    const long = new Date(new Date(process.env.SIM_NOW!).getTime() - 30 * 24 * HOUR);
    // Saved over the last month (outside the new-card window), as a patient card tester would.
    const cardIds: string[] = [];
    for (let n = 0; n < burst; n++) {
      const id = randomUUID();
      cardIds.push(id);
      await testDb.db.paymentMethod.create({
        data: {
          id,
          billingProfileId: profileId,
          brand: "visa",
          last4: visaNumber(500 + n).slice(-4),
          expMonth: 11,
          expYear: 2031,
          holderName: "Card Tester",
          country: "US",
          postalCode: "98052",
          fingerprint: cardFingerprint(visaNumber(500 + n)),
          createdAt: long,
        },
      });
    }
    const invoice = await dueInvoice(profileId);
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    const processor = new HeldProcessor();
    setCardProcessor(processor);

    const attempts = cardIds.map((paymentMethodId) =>
      payInvoice({
        userId: admin.id,
        accountId: contoso,
        invoiceId: invoice.id,
        idempotencyKey: randomUUID(),
        amountMinor: 10_00,
        method: { kind: "saved", paymentMethodId },
      }),
    );
    // Let every attempt get as far as it can (the admitted ones wait at the processor), then answer them all.
    await vi.waitFor(
      async () => {
        const pending = await testDb.db.payment.count({ where: { invoiceId: invoice.id, status: "PENDING" } });
        expect(pending).toBe(processor.calls.length);
        expect(processor.calls.length).toBeGreaterThan(0);
        // PostgreSQL: the attempts take turns on a pool of 10 connections, so the first charge can take a while.
      },
      { timeout: 10_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    processor.letGo();
    const outcomes: PayOutcome[] = await Promise.all(attempts);

    expect(processor.calls.length).toBeLessThanOrEqual(MAX_DECLINES_PER_ACCOUNT);
    const refused = outcomes.filter((o) => o.status === "refused");
    expect(refused.length).toBeGreaterThanOrEqual(burst - MAX_DECLINES_PER_ACCOUNT);
    for (const outcome of refused) expect(outcome).toEqual({ status: "refused", reason: "tooManyDeclines" });
    expect(outcomes.filter((o) => o.status === "declined")).toHaveLength(processor.calls.length);
    // Every reserved part was given back.
    expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountDueMinor).toBe(5_000_00);
  });

  it("paying many invoices at once with the profile's proven card (approved before) is not limited", async () => {
    const engineering = await testDb.db.billingProfile.findFirstOrThrow({ where: { name: "Contoso Engineering" } });
    const invoicesToPay = await Promise.all(
      Array.from({ length: MAX_DECLINES_PER_ACCOUNT + 4 }, () => dueInvoice(engineering.id)),
    );
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    const outcomes = await Promise.all(
      invoicesToPay.map((invoice) =>
        payInvoice({
          userId: admin.id,
          accountId: contoso,
          invoiceId: invoice.id,
          idempotencyKey: randomUUID(),
          method: { kind: "saved", paymentMethodId: engineering.defaultPaymentMethodId! },
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => "succeeded"));
  });
});
