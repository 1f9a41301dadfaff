// Billing profiles › profile › Payment methods (the MCA card pages of change-credit-card) on a real seeded database (SQLite here,
// PostgreSQL under vitest.postgresql.config.ts): the page's read (default first), Replace with a saved or
// a new card, Edit (expiry, holder, address — never the number), and Remove refused while a payment with
// the card is pending. Every refusal writes nothing.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { billingProfilePaymentMethodsPath } from "@/features/access/paths";
import { removePaymentMethodAction, type MethodActionState } from "@/features/payment-methods/method-actions";
import {
  editPaymentMethodAction,
  replaceDefaultPaymentMethodAction,
} from "@/features/payment-methods/profile-card-actions";
import { getProfilePaymentMethods, summarisePaymentMethods } from "@/features/payment-methods/queries";
import { catalogs } from "@/i18n/catalogs";
import { cardFingerprint } from "@/server/card-fingerprint";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { revalidatePath } from "../support/next-request";
import { signInAs } from "../support/session-cookie";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const t = catalogs.en.payments;
const idle: MethodActionState = { status: "idle" };
const savedSimNow = process.env.SIM_NOW;

let contoso: string;
let fabrikamCard: string;
let profiles = 0;
beforeAll(async () => {
  contoso = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  fabrikamCard = (
    await testDb.db.paymentMethod.findFirstOrThrow({
      where: { billingProfile: { billingAccount: { name: "Fabrikam, Inc." } } },
    })
  ).id;
});
afterAll(() => {
  if (savedSimNow === undefined) delete process.env.SIM_NOW;
  else process.env.SIM_NOW = savedSimNow;
});
beforeEach(async () => {
  process.env.SIM_NOW = TEST_NOW.toISOString();
  await signInAs(testDb.db, "admin@contoso.com");
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** A profile of Contoso with a default Visa (expires 12/2030), a Mastercard and an expired Amex. */
async function profileWithCards() {
  const id = `PROFILE-CARDS-${++profiles}`;
  await testDb.db.billingProfile.create({
    data: { id, billingAccountId: contoso, name: `Profile ${profiles}`, currency: "USD", defaultPaymentKind: "CARD" },
  });
  const card = async (brand: string, last4: string, expMonth: number, expYear: number, ageDays: number) => {
    const cardId = randomUUID();
    await testDb.db.paymentMethod.create({
      data: {
        id: cardId,
        billingProfileId: id,
        brand,
        last4,
        expMonth,
        expYear,
        holderName: "Adele Vance",
        country: "US",
        postalCode: "98052",
        fingerprint: cardFingerprint(`${cardId}-${last4}`),
        createdAt: new Date(TEST_NOW.getTime() - ageDays * 86_400_000),
      },
    });
    return cardId;
  };
  // The default is not the oldest card: the page still shows it first.
  const mastercard = await card("mastercard", "4444", 8, 2029, 30);
  const visa = await card("visa", "4242", 12, 2030, 20);
  const amex = await card("american-express", "0005", 1, 2025, 10);
  await testDb.db.billingProfile.update({ where: { id }, data: { defaultPaymentMethodId: visa } });
  return { id, visa, mastercard, amex };
}

const replaceSaved = (billingProfileId: string, paymentMethodId: string) =>
  form({ accountId: contoso, billingProfileId, choice: "saved", paymentMethodId });
const editForm = (paymentMethodId: string, fields: Record<string, string> = {}) =>
  form({
    accountId: contoso,
    paymentMethodId,
    expMonth: "3",
    expYear: "2032",
    holderName: "Megan Bowen",
    country: "CA",
    postalCode: "K1A 0B1",
    ...fields,
  });

describe("the profile's Payment methods page reads", () => {
  it("the default card first, the others oldest first, expired ones marked", async () => {
    const { id, visa, mastercard, amex } = await profileWithCards();
    const page = await getProfilePaymentMethods(contoso, id, TEST_NOW);
    expect(page?.defaultCard).toMatchObject({ id: visa, isDefault: true, expired: false, postalCode: "98052" });
    expect(page?.otherCards.map((card) => [card.id, card.expired])).toEqual([
      [mastercard, false],
      [amex, true],
    ]);
    // Another account's profile does not exist here.
    const fabrikamProfile = await testDb.db.billingProfile.findFirstOrThrow({
      where: { billingAccount: { name: "Fabrikam, Inc." } },
    });
    expect(await getProfilePaymentMethods(contoso, fabrikamProfile.id, TEST_NOW)).toBeNull();
  });

  it("the account-level summary: each profile's default and its number of cards", async () => {
    const { id } = await profileWithCards();
    const summary = await summarisePaymentMethods(contoso);
    expect(summary.find((profile) => profile.id === id)).toMatchObject({
      defaultCard: { brand: "visa", last4: "4242" },
      cardCount: 3,
    });
    expect(summary.find((profile) => profile.name === "Contoso Finance")).toMatchObject({
      defaultPaymentKind: "WIRE",
      defaultCard: null,
    });
  });
});

describe("Replace", () => {
  it("makes another saved card the default and refreshes both pages", async () => {
    const { id, mastercard } = await profileWithCards();
    expect(await replaceDefaultPaymentMethodAction(idle, replaceSaved(id, mastercard))).toEqual({
      status: "ok",
      message: t.profileMethods.replaced,
    });
    expect(await testDb.db.billingProfile.findUniqueOrThrow({ where: { id } })).toMatchObject({
      defaultPaymentMethodId: mastercard,
      defaultPaymentKind: "CARD",
    });
    expect(revalidatePath).toHaveBeenCalledWith(billingProfilePaymentMethodsPath(contoso, id));
  });

  it("saves a new card on the profile and makes it the default, in one go", async () => {
    const { id } = await profileWithCards();
    const result = await replaceDefaultPaymentMethodAction(
      idle,
      form({
        accountId: contoso,
        billingProfileId: id,
        choice: "new",
        cardNumber: "3782 822463 10005",
        expMonth: "6",
        expYear: "2031",
        cvc: "1234",
        holderName: "Megan Bowen",
        country: "US",
        postalCode: "10001",
      }),
    );
    expect(result.status).toBe("ok");
    const profile = await testDb.db.billingProfile.findUniqueOrThrow({ where: { id } });
    const card = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: profile.defaultPaymentMethodId! } });
    expect(card).toMatchObject({ billingProfileId: id, brand: "american-express", last4: "0005", expYear: 2031 });
    expect(card.fingerprint).toBe(cardFingerprint("378282246310005"));
  });

  it("refuses, writing nothing: an expired card, another account's card, a bad new card, no choice, a reader", async () => {
    const { id, amex } = await profileWithCards();
    const cases: [FormData, MethodActionState][] = [
      [replaceSaved(id, amex), { status: "error", message: t.refusals.cardExpired }],
      [replaceSaved(id, fabrikamCard), { status: "error", message: t.methods.notFound }],
      [form({ accountId: contoso, billingProfileId: id }), { status: "error", message: t.profileMethods.chooseCard }],
    ];
    for (const [data, expected] of cases) {
      const outcome = await expectNoDatabaseChange(testDb.db, () => replaceDefaultPaymentMethodAction(idle, data));
      expect(outcome.value).toEqual(expected);
    }
    const badCard = await expectNoDatabaseChange(testDb.db, () =>
      replaceDefaultPaymentMethodAction(
        idle,
        form({ accountId: contoso, billingProfileId: id, choice: "new", cardNumber: "4242", cvc: "1" }),
      ),
    );
    expect(badCard.value).toMatchObject({
      status: "error",
      message: t.errors.checkCard,
      fieldErrors: { cardNumber: t.cardErrors.cardNumberInvalid, holderName: t.cardErrors.holderRequired },
    });

    await signInAs(testDb.db, "reader@contoso.com");
    const reader = await expectNoDatabaseChange(testDb.db, () =>
      replaceDefaultPaymentMethodAction(idle, replaceSaved(id, amex)),
    );
    expect(reader.value).toEqual({ status: "error", message: t.methods.notAllowed });
    expect((await testDb.db.billingProfile.findUniqueOrThrow({ where: { id } })).defaultPaymentMethodId).not.toBe(amex);
  });
});

describe("Edit", () => {
  it("changes the expiry, the name on card and the billing address, never the number", async () => {
    const { visa } = await profileWithCards();
    const before = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: visa } });
    expect(await editPaymentMethodAction(idle, editForm(visa, { cardNumber: "5555555555554444" }))).toEqual({
      status: "ok",
      message: t.profileMethods.edited,
    });
    const after = await testDb.db.paymentMethod.findUniqueOrThrow({ where: { id: visa } });
    expect(after).toMatchObject({
      expMonth: 3,
      expYear: 2032,
      holderName: "Megan Bowen",
      country: "CA",
      postalCode: "K1A 0B1",
      brand: before.brand,
      last4: before.last4,
      fingerprint: before.fingerprint,
    });
  });

  it("refuses, writing nothing: an expiry already past by the clock, a blank name, another account's card, a reader", async () => {
    const { mastercard } = await profileWithCards();
    const expired = await expectNoDatabaseChange(testDb.db, () =>
      editPaymentMethodAction(idle, editForm(mastercard, { expMonth: "10", expYear: "2026" })),
    );
    expect(expired.value).toEqual({
      status: "error",
      message: t.errors.checkCard,
      fieldErrors: { expMonth: t.cardErrors.expired },
    });
    // November 2026 by the clock (TEST_NOW) is still valid.
    expect(
      (await editPaymentMethodAction(idle, editForm(mastercard, { expMonth: "11", expYear: "2026" }))).status,
    ).toBe("ok");
    const blank = await expectNoDatabaseChange(testDb.db, () =>
      editPaymentMethodAction(idle, editForm(mastercard, { holderName: "  " })),
    );
    expect(blank.value).toMatchObject({ fieldErrors: { holderName: t.cardErrors.holderRequired } });
    const other = await expectNoDatabaseChange(testDb.db, () => editPaymentMethodAction(idle, editForm(fabrikamCard)));
    expect(other.value).toEqual({ status: "error", message: t.methods.notFound });

    await signInAs(testDb.db, "reader@contoso.com");
    const reader = await expectNoDatabaseChange(testDb.db, () => editPaymentMethodAction(idle, editForm(mastercard)));
    expect(reader.value).toEqual({ status: "error", message: t.methods.notAllowed });
  });
});

describe("Remove", () => {
  it("is refused for the default and while a payment with the card is pending, then allowed", async () => {
    const { id, visa, mastercard } = await profileWithCards();
    const cardForm = (paymentMethodId: string) => form({ accountId: contoso, paymentMethodId });
    const refusedDefault = await expectNoDatabaseChange(testDb.db, () =>
      removePaymentMethodAction(idle, cardForm(visa)),
    );
    expect(refusedDefault.value).toEqual({ status: "error", message: t.methods.cannotRemoveDefault });

    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    const invoice = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: contoso } });
    await testDb.db.invoice.update({ where: { id: invoice.id }, data: { billingProfileId: id } });
    const paymentId = randomUUID();
    await testDb.db.payment.create({
      data: {
        id: paymentId,
        invoiceId: invoice.id,
        billingAccountId: contoso,
        userId: admin.id,
        paymentMethodId: mastercard,
        amountMinor: 100,
        currency: "USD",
        status: "PENDING",
        idempotencyKey: randomUUID(),
        createdAt: TEST_NOW,
      },
    });
    expect((await getProfilePaymentMethods(contoso, id, TEST_NOW))?.otherCards[0]).toMatchObject({
      id: mastercard,
      inPendingPayment: true,
    });
    const refusedPending = await expectNoDatabaseChange(testDb.db, () =>
      removePaymentMethodAction(idle, cardForm(mastercard)),
    );
    expect(refusedPending.value).toEqual({ status: "error", message: t.methods.cannotRemovePending });

    await testDb.db.payment.update({ where: { id: paymentId }, data: { status: "SUCCEEDED", settledAt: TEST_NOW } });
    expect((await removePaymentMethodAction(idle, cardForm(mastercard))).status).toBe("ok");
  });
});
