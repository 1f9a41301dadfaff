import "server-only";

import { payDenial } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { payInvoice, type PayMethod, type PayOutcome } from "@/features/payments/pay-invoice";
import { storedPaymentKey } from "@/features/payments/payment-key";
import { pendingMinorOf } from "@/lib/invoice-status";
import { cardFingerprint } from "@/server/card-fingerprint";
import { db } from "@/server/db";
import { worldNow, worldOfUser } from "@/server/world-clock";

import { pastDueBalance, settlePaymentKey } from "./past-due";

/** The account's past-due balance as Settle balance lists it: the invoices, oldest first, and the total. */
export async function getPastDueBalance(accountId: string, clock: Date) {
  const invoices = await db.invoice.findMany({
    where: { billingAccountId: accountId, voided: false, amountDueMinor: { gt: 0 }, dueDate: { lt: clock } },
    select: {
      id: true,
      dueDate: true,
      currency: true,
      totalMinor: true,
      amountDueMinor: true,
      voided: true,
      payments: { where: { status: "PENDING" }, select: { status: true, amountMinor: true } },
    },
  });
  return pastDueBalance(
    invoices.map(({ payments, ...invoice }) => ({ ...invoice, pendingMinor: pendingMinorOf(payments) })),
    clock,
  );
}

export type SettledInvoice = { invoiceId: string; amountMinor: number; currency: string; outcome: PayOutcome };

export type SettleOutcome =
  | { status: "refused"; reason: "notFound" | "notAdmin" | "agreement" | "nothingPastDue" }
  | { status: "settled"; invoices: SettledInvoice[] };

/**
 * Settle balance: pays every past-due invoice of a MOSP account with one card — one payment per
 * invoice through payInvoice (the same policy, card rules, limits, reservation and processor as Pay
 * now), each under its own idempotency key derived from the one settle attempt, so a retry of the
 * attempt charges nothing twice. Not all-or-nothing: each invoice's outcome is reported, and the ones
 * paid stay paid when another is declined. The invoices are paid one after another, oldest first.
 */
export async function settleBalance(request: {
  userId: string;
  accountId: string;
  settleAttemptId: string;
  method: PayMethod;
}): Promise<SettleOutcome> {
  const worldId = await worldOfUser(request.userId);
  const clock = await worldNow(worldId);
  const scope = await loadBillingScope(request.userId, request.accountId);
  if (!scope) return { status: "refused", reason: "notFound" };
  // Who may settle at all (the admin of a MOSP account outside the Pay now countries), before any invoice.
  const denial = payDenial(scope.access, { status: "pastDue", amountDueMinor: 0, currency: "EUR" }, "settleBalance");
  if (denial === "notFound" || denial === "notAdmin" || denial === "agreement")
    return { status: "refused", reason: denial };

  const { invoices } = await getPastDueBalance(request.accountId, clock);
  // A retry of the same attempt answers for the invoices it already paid too (their keys replay).
  const earlier = await db.payment.findMany({
    where: {
      billingAccountId: request.accountId,
      // The keys as payInvoice stores them (prefixed inside a world): the same helper as it uses.
      idempotencyKey: { startsWith: storedPaymentKey(worldId, settlePaymentKey(request.settleAttemptId, "")) },
    },
    select: { invoiceId: true, amountMinor: true, currency: true, invoice: { select: { dueDate: true } } },
  });
  const toPay = [
    ...earlier.map((payment) => ({
      id: payment.invoiceId,
      dueDate: payment.invoice.dueDate,
      amountDueMinor: payment.amountMinor,
      currency: payment.currency,
    })),
    ...invoices.filter((invoice) => !earlier.some((payment) => payment.invoiceId === invoice.id)),
  ].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.id.localeCompare(b.id));
  if (toPay.length === 0) return { status: "refused", reason: "nothingPastDue" };

  const settled: SettledInvoice[] = [];
  for (const invoice of toPay) {
    const outcome = await payInvoice({
      userId: request.userId,
      accountId: request.accountId,
      invoiceId: invoice.id,
      idempotencyKey: settlePaymentKey(request.settleAttemptId, invoice.id),
      method: request.method,
      via: "settleBalance",
    });
    settled.push({ invoiceId: invoice.id, amountMinor: invoice.amountDueMinor, currency: invoice.currency, outcome });
  }
  if (settled.some((invoice) => invoice.outcome.status === "succeeded")) await makeSubscriptionDefault(request);
  return { status: "settled", invoices: settled };
}

/**
 * Microsoft: the card used to settle becomes the default payment method of the subscription (and here
 * of its billing profile, which charges its next bills). A new card was saved by its first approved payment.
 */
async function makeSubscriptionDefault(request: { accountId: string; method: PayMethod }): Promise<void> {
  const subscription = await db.subscription.findFirst({
    where: { billingAccountId: request.accountId },
    orderBy: { id: "asc" },
  });
  if (!subscription) return;
  const card = await db.paymentMethod.findFirst({
    where: {
      billingProfileId: subscription.billingProfileId,
      removedAt: null,
      ...(request.method.kind === "saved"
        ? { id: request.method.paymentMethodId }
        : { fingerprint: cardFingerprint(request.method.card.cardNumber) }),
    },
    select: { id: true },
  });
  if (!card) return;
  await db.$transaction([
    db.subscription.update({ where: { id: subscription.id }, data: { defaultPaymentMethodId: card.id } }),
    db.billingProfile.update({
      where: { id: subscription.billingProfileId },
      data: { defaultPaymentMethodId: card.id, defaultPaymentKind: "CARD" },
    }),
  ]);
}

/** The account's subscription, whose cards settle its balance; null if the account has none. */
export async function getSettleSubscription(accountId: string) {
  return db.subscription.findFirst({
    where: { billingAccountId: accountId },
    orderBy: { id: "asc" },
    select: { id: true, displayName: true, billingProfileId: true, defaultPaymentMethodId: true },
  });
}
