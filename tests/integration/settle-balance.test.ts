// Settle balance (MOSP's past-due banner) on a real seeded database — SQLite here, PostgreSQL under
// vitest.postgresql.config.ts: every past-due invoice of Fabrikam paid once, one payment each; a decline
// on one reported while the others stay paid; the same attempt sent again charges nothing more; and
// who may settle (the admin of a MOSP account outside the Pay now countries).
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { payInvoice } from "@/features/payments/pay-invoice";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { ChargeRequest, ChargeResult } from "@/features/payments/processor/types";
import { settlePaymentKey } from "@/features/settle-balance/past-due";
import { settleBalanceAction } from "@/features/settle-balance/settle-actions";
import { getPastDueBalance } from "@/features/settle-balance/settle-balance";
import type { SettleState } from "@/features/settle-balance/settle-state";
import { catalogs } from "@/i18n/catalogs";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { signInAs } from "../support/session-cookie";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const t = catalogs.en.payments;
const DAY = 86_400_000;
const savedEnv = { SIM_NOW: process.env.SIM_NOW, PAYMENT_DELAY_MS: process.env.PAYMENT_DELAY_MS };

/** The simulator, except that the charges of the named invoices are declined (insufficient funds). */
class DeclinesFor extends SimulatedProcessor {
  constructor(private readonly invoiceIds: string[]) {
    super(0, "none");
  }
  override async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (this.invoiceIds.some((id) => request.description.endsWith(id)))
      return { outcome: "declined", code: "insufficient_funds" };
    return super.charge(request);
  }
}

let fabrikam: string;
let profileId: string;
let mastercard: string;
let counter = 0;
beforeAll(async () => {
  process.env.PAYMENT_DELAY_MS = "0";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  const account = await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Fabrikam, Inc." } });
  fabrikam = account.id;
  const subscription = await testDb.db.subscription.findFirstOrThrow({ where: { billingAccountId: fabrikam } });
  profileId = subscription.billingProfileId;
  mastercard = subscription.defaultPaymentMethodId!;
});
afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  setCardProcessor(undefined);
});
beforeEach(async () => {
  setCardProcessor(new SimulatedProcessor(0, "none"));
  await signInAs(testDb.db, "admin@fabrikam.com");
});

/** A past-due Fabrikam invoice of its own (the seed's are settled by the first test). */
async function pastDueInvoice(amountMinor = 12_000 + ++counter): Promise<string> {
  const id = `G0SETTLE${String(++counter).padStart(4, "0")}`;
  await testDb.db.invoice.create({
    data: {
      id,
      billingAccountId: fabrikam,
      billingProfileId: profileId,
      invoiceDate: new Date(TEST_NOW.getTime() - 40 * DAY),
      // Each one due a day after the previous one: paid in the order they were made.
      dueDate: new Date(TEST_NOW.getTime() - (60 - counter) * DAY),
      periodStart: new Date(TEST_NOW.getTime() - 70 * DAY),
      periodEnd: new Date(TEST_NOW.getTime() - 41 * DAY),
      currency: "EUR",
      subtotalMinor: amountMinor,
      taxMinor: 0,
      totalMinor: amountMinor,
      amountDueMinor: amountMinor,
    },
  });
  return id;
}

const idle = (): SettleState => ({ status: "idle", nextAttemptId: randomUUID() });
function settleForm(
  settleAttemptId: string,
  fields: Record<string, string> = { method: "saved", paymentMethodId: "" },
) {
  const form = new FormData();
  form.set("accountId", fabrikam);
  form.set("settleAttemptId", settleAttemptId);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (fields.method === "saved" && !fields.paymentMethodId) form.set("paymentMethodId", mastercard);
  return form;
}
const paymentsOf = (invoiceId: string) => testDb.db.payment.findMany({ where: { invoiceId } });

describe("Settle balance pays the past-due balance", () => {
  it("lists the seed's past-due invoice, then pays every past-due invoice once, and nothing is past due after", async () => {
    const seeded = await getPastDueBalance(fabrikam, TEST_NOW);
    expect(seeded.invoices.length).toBeGreaterThan(0);
    const extra = [await pastDueInvoice(), await pastDueInvoice()];
    const before = await getPastDueBalance(fabrikam, TEST_NOW);
    const ids = before.invoices.map((invoice) => invoice.id);
    expect(ids).toEqual(expect.arrayContaining(extra));
    const total = before.invoices.reduce((sum, invoice) => sum + invoice.amountDueMinor, 0);
    expect(before.totals).toEqual([{ currency: "EUR", amountMinor: total }]);

    const attempt = randomUUID();
    const state = await settleBalanceAction(idle(), settleForm(attempt));
    expect(state.status).toBe("settled");
    expect(state.results?.map((result) => [result.invoiceId, result.status])).toEqual(
      ids.map((id) => [id, "succeeded"]),
    );
    expect(state.nextAttemptId).not.toBe(attempt);
    for (const id of ids) {
      const payments = await paymentsOf(id);
      const settled = payments.filter((payment) => payment.idempotencyKey === settlePaymentKey(attempt, id));
      expect(settled).toHaveLength(1);
      expect(settled[0]).toMatchObject({ status: "SUCCEEDED", paymentMethodId: mastercard, currency: "EUR" });
      expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id } })).amountDueMinor).toBe(0);
    }
    const charged = await testDb.db.simulatedCharge.aggregate({
      where: { idempotencyKey: { startsWith: settlePaymentKey(attempt, "") } },
      _sum: { amountMinor: true },
      _count: true,
    });
    expect(charged).toMatchObject({ _count: ids.length, _sum: { amountMinor: total } });
    expect(await getPastDueBalance(fabrikam, TEST_NOW)).toEqual({ invoices: [], totals: [] });

    // Sent again (a double click, a retry after a lost answer): the same results, nothing charged twice.
    const again = await expectNoDatabaseChange(testDb.db, () => settleBalanceAction(idle(), settleForm(attempt)));
    expect(again.value?.results?.map((result) => [result.invoiceId, result.status])).toEqual(
      ids.map((id) => [id, "succeeded"]),
    );
  });

  it("a decline on one invoice is reported with its reason, and the others stay paid", async () => {
    const [first, declined, last] = [await pastDueInvoice(), await pastDueInvoice(), await pastDueInvoice()];
    setCardProcessor(new DeclinesFor([declined]));
    const attempt = randomUUID();
    const state = await settleBalanceAction(idle(), settleForm(attempt));
    expect(state.results).toEqual([
      expect.objectContaining({ invoiceId: first, status: "succeeded" }),
      expect.objectContaining({ invoiceId: declined, status: "declined", message: t.declines.insufficient_funds }),
      expect.objectContaining({ invoiceId: last, status: "succeeded" }),
    ]);
    expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id: first } })).amountDueMinor).toBe(0);
    expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id: last } })).amountDueMinor).toBe(0);
    const left = await testDb.db.invoice.findUniqueOrThrow({ where: { id: declined } });
    expect(left.amountDueMinor).toBe(left.totalMinor);
    expect(await paymentsOf(declined)).toEqual([expect.objectContaining({ status: "FAILED" })]);
    // Only the declined invoice is still past due.
    expect((await getPastDueBalance(fabrikam, TEST_NOW)).invoices.map((invoice) => invoice.id)).toEqual([declined]);

    // The same attempt replays its answers; a new attempt (the blade's next one) pays what is left.
    setCardProcessor(new SimulatedProcessor(0, "none"));
    const replay = await expectNoDatabaseChange(testDb.db, () => settleBalanceAction(idle(), settleForm(attempt)));
    expect(replay.value?.results?.map((result) => result.status)).toEqual(["succeeded", "declined", "succeeded"]);
    const retry = await settleBalanceAction(idle(), settleForm(randomUUID()));
    expect(retry.results).toEqual([expect.objectContaining({ invoiceId: declined, status: "succeeded" })]);
    expect(await paymentsOf(first)).toHaveLength(1);
  });

  it("with a new card: saved on the subscription's profile and made the subscription's default", async () => {
    const invoice = await pastDueInvoice();
    const state = await settleBalanceAction(
      idle(),
      settleForm(randomUUID(), {
        method: "new",
        cardNumber: "4242 4242 4242 4242",
        expMonth: "5",
        expYear: "2030",
        cvc: "123",
        holderName: "Diego Siciliani",
        country: "LU",
        postalCode: "L-2453",
      }),
    );
    expect(state.results).toEqual([expect.objectContaining({ invoiceId: invoice, status: "succeeded" })]);
    const subscription = await testDb.db.subscription.findFirstOrThrow({
      where: { billingAccountId: fabrikam },
      include: { defaultPaymentMethod: true },
    });
    expect(subscription.defaultPaymentMethod).toMatchObject({ billingProfileId: profileId, last4: "4242" });
    expect(
      (await testDb.db.billingProfile.findUniqueOrThrow({ where: { id: profileId } })).defaultPaymentMethodId,
    ).toBe(subscription.defaultPaymentMethodId);
  });
});

describe("Settle balance refuses, writing nothing", () => {
  it("a bad new card, nothing past due, a reader, an MCA account, an invalid attempt", async () => {
    await pastDueInvoice();
    const badCard = await expectNoDatabaseChange(testDb.db, () =>
      settleBalanceAction(idle(), settleForm(randomUUID(), { method: "new", cardNumber: "1234" })),
    );
    expect(badCard.value).toMatchObject({ status: "error", message: t.errors.checkCard });
    expect(badCard.value?.fieldErrors?.cardNumber).toBe(t.cardErrors.cardNumberInvalid);
    const invalid = await expectNoDatabaseChange(testDb.db, () =>
      settleBalanceAction(idle(), settleForm("not-a-uuid")),
    );
    expect(invalid.value).toMatchObject({ status: "error", message: t.errors.invalidRequest });

    await signInAs(testDb.db, "admin@contoso.com");
    const contoso = await expectNoDatabaseChange(testDb.db, () =>
      settleBalanceAction(idle(), settleForm(randomUUID())),
    );
    expect(contoso.value).toMatchObject({ status: "error", message: t.refusals.notFound });
  });

  it("Pay now stays refused on a MOSP invoice outside the Pay now countries, and is allowed in them", async () => {
    const invoice = await pastDueInvoice();
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@fabrikam.com" } });
    const pay = () =>
      payInvoice({
        userId: admin.id,
        accountId: fabrikam,
        invoiceId: invoice,
        idempotencyKey: randomUUID(),
        method: { kind: "saved", paymentMethodId: mastercard },
      });
    expect(await pay()).toEqual({ status: "refused", reason: "agreement" });
    // Microsoft lists France among the countries where pay-as-you-go accounts have Pay now.
    await testDb.db.subscription.updateMany({ where: { billingAccountId: fabrikam }, data: { country: "FR" } });
    try {
      expect(await pay()).toMatchObject({ status: "succeeded", invoiceId: invoice, paidInFull: true });
      // …and no Settle balance there.
      const refused = await settleBalanceAction(idle(), settleForm(randomUUID()));
      expect(refused).toMatchObject({ status: "error", message: t.refusals.agreement });
    } finally {
      await testDb.db.subscription.updateMany({ where: { billingAccountId: fabrikam }, data: { country: "LU" } });
    }
  });
});
