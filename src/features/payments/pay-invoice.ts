import "server-only";

import { createHash, randomUUID } from "node:crypto";

import { payDenial, type PayDenial } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { isCardExpired, type NewCard } from "@/features/payment-methods/card-schema";
import { newCardPaymentRefused, newCardTurns, pendingCardKey } from "@/features/payment-methods/new-card-limit";
import { invoiceStatus, pendingMinorOf } from "@/lib/invoice-status";
import { paymentAmountProblem, type AmountProblem } from "@/lib/payment-rules";
import { cardFingerprint } from "@/server/card-fingerprint";
import { securityNow } from "@/server/clock";
import { db } from "@/server/db";
import { databaseNow } from "@/server/db/database-clock";
import { isUniqueViolation } from "@/server/db/errors";
import { takeTurns } from "@/server/db/locks";
import { worldNow, worldOfUser } from "@/server/world-clock";

import { paymentLeaseExpiresAt, paymentTimeoutMs, withTimeout } from "./lease";
import { storedPaymentKey } from "./payment-key";
import { cardProcessor } from "./processor/simulated";
import { retryableDeclines, type DeclineCode } from "./processor/test-cards";
import type { ChargeResult } from "./processor/types";
import { declineLimitReached, declineTurn, provenCard } from "./rate-limit";
import { reconcilePayment, settlePayment } from "./settle-payment";

export type PayMethod = { kind: "saved"; paymentMethodId: string } | { kind: "new"; card: NewCard };

export type PayRequest = {
  userId: string;
  accountId: string;
  invoiceId: string;
  idempotencyKey: string;
  /** Minor units; omitted means the whole amount due. */
  amountMinor?: number;
  method: PayMethod;
  /** Pay now (the default), or one invoice of a Settle balance (MOSP). */
  via?: "payNow" | "settleBalance";
};

/** Why a payment is refused: the policy's denials, then what only paying can find. */
export type RefusalReason =
  | PayDenial
  | AmountProblem
  | "cardNotUsable"
  | "cardExpired"
  | "balanceChanged"
  | "keyReused"
  | "keyMismatch"
  | "tooManyDeclines"
  | "tooManyNewCards";

export type PayOutcome =
  | {
      status: "succeeded";
      paymentId: string;
      amountMinor: number;
      currency: string;
      invoiceId: string;
      paidInFull: boolean;
    }
  | { status: "declined"; paymentId: string; code: DeclineCode; retryable: boolean }
  | { status: "inProgress"; paymentId: string }
  | { status: "refused"; reason: RefusalReason };

class Refused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason);
  }
}

/**
 * What the request asks for, hashed: the invoice, the amount (or "the whole
 * amount due") and the card (saved card ID, or the new card's fingerprint and
 * expiry). Stored with the payment, so a key sent again with other parameters
 * is refused instead of silently answered with the first payment's result.
 */
export function payRequestHash(request: PayRequest): string {
  const method =
    request.method.kind === "saved"
      ? ["saved", request.method.paymentMethodId]
      : [
          "new",
          cardFingerprint(request.method.card.cardNumber),
          request.method.card.expMonth,
          request.method.card.expYear,
        ];
  const parts = [request.accountId, request.invoiceId, request.amountMinor ?? "amountDue", ...method];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** What an earlier request with the same idempotency key ended with. */
async function replay(idempotencyKey: string, request: PayRequest): Promise<PayOutcome | null> {
  const earlier = await db.payment.findUnique({ where: { idempotencyKey } });
  if (!earlier) return null;
  if (earlier.userId !== request.userId || earlier.invoiceId !== request.invoiceId)
    return { status: "refused", reason: "keyReused" };
  // Payments recorded before the hash existed have none: they replay as before.
  if (earlier.requestHash && earlier.requestHash !== payRequestHash(request))
    return { status: "refused", reason: "keyMismatch" };
  if (earlier.status === "PENDING") {
    // The first request may have died or timed out after the processor answered: ask it.
    if (!(await reconcilePayment(earlier))) return { status: "inProgress", paymentId: earlier.id };
    return replay(idempotencyKey, request);
  }
  if (earlier.status === "FAILED") {
    const code = (earlier.declineCode ?? "generic_decline") as DeclineCode;
    return { status: "declined", paymentId: earlier.id, code, retryable: retryableDeclines.has(code) };
  }
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: earlier.invoiceId },
    select: { amountDueMinor: true },
  });
  return {
    status: "succeeded",
    paymentId: earlier.id,
    amountMinor: earlier.amountMinor,
    currency: earlier.currency,
    invoiceId: earlier.invoiceId,
    paidInFull: invoice.amountDueMinor === 0,
  };
}

/**
 * Pays (part of) an invoice by card — the heart of Pay now.
 *
 * 1. The same idempotency key always returns the first result and never charges twice.
 * 2. The session user must be allowed to pay (policy), the invoice payable, the amount valid.
 * 3. One transaction records the payment as PENDING and reserves the amount by
 *    lowering the amount due *conditionally* (it can never go below zero, so
 *    concurrent payments cannot overpay). While it is PENDING, an invoice with
 *    nothing left to pay reads Payment processing, not Paid (lib/invoice-status).
 * 4. The processor is called outside any transaction.
 * 5. A second transaction settles (settle-payment.ts): SUCCEEDED (saving a new card),
 *    or FAILED with the reserved amount given back. Either way a notification
 *    is left. Without an answer the payment stays PENDING and is reconciled
 *    against the processor on retry, by any server's reconciler (once its lease
 *    has expired) or at start-up — never lost, never charged twice.
 */
export async function payInvoice(asked: PayRequest): Promise<PayOutcome> {
  // A world's keys are its own (payment-key.ts).
  const worldId = await worldOfUser(asked.userId);
  const request = { ...asked, idempotencyKey: storedPaymentKey(worldId, asked.idempotencyKey) };
  const earlier = await replay(request.idempotencyKey, request);
  if (earlier) return earlier;

  const clock = await worldNow(worldId);
  const scope = await loadBillingScope(request.userId, request.accountId);
  const invoice = scope
    ? await db.invoice.findFirst({
        where: { id: request.invoiceId, billingAccountId: request.accountId },
        include: { payments: { where: { status: "PENDING" }, select: { status: true, amountMinor: true } } },
      })
    : null;
  if (!scope || !invoice) return { status: "refused", reason: "notFound" };
  // A request with the same key may have reserved the balance since the replay above (the invoice
  // then reads Paid): a refusal that depends on the balance answers as that request does.
  const refuse = async (reason: RefusalReason): Promise<PayOutcome> =>
    (await replay(request.idempotencyKey, request)) ?? { status: "refused", reason };
  const status = invoiceStatus({ ...invoice, pendingMinor: pendingMinorOf(invoice.payments) }, clock);
  const denial = payDenial(scope.access, { ...invoice, status }, request.via);
  if (denial) return refuse(denial);

  const amountMinor = request.amountMinor ?? invoice.amountDueMinor;
  const amountProblem = paymentAmountProblem(amountMinor, invoice.amountDueMinor, invoice.currency);
  if (amountProblem) return refuse(amountProblem);
  if (await declineLimitReached(request.accountId, request.userId)) return refuse("tooManyDeclines");

  let card: {
    fingerprint: string;
    brand: string;
    last4: string;
    expMonth: number;
    expYear: number;
    savedId: string | null;
  };
  if (request.method.kind === "saved") {
    const saved = await db.paymentMethod.findFirst({
      where: { id: request.method.paymentMethodId, billingProfileId: invoice.billingProfileId, removedAt: null },
    });
    if (!saved?.fingerprint) return { status: "refused", reason: "cardNotUsable" };
    if (isCardExpired(saved, clock)) return { status: "refused", reason: "cardExpired" };
    card = {
      fingerprint: saved.fingerprint,
      brand: saved.brand,
      last4: saved.last4,
      expMonth: saved.expMonth,
      expYear: saved.expYear,
      savedId: saved.id,
    };
  } else {
    const { cardNumber, brand, last4, expMonth, expYear } = request.method.card;
    card = { fingerprint: cardFingerprint(cardNumber), brand, last4, expMonth, expYear, savedId: null };
  }
  // An approved new card is saved on the profile: it counts against the new-card limit before any charge.
  const newCardOf =
    request.method.kind === "new"
      ? { billingProfileId: invoice.billingProfileId, userId: request.userId, fingerprint: card.fingerprint }
      : null;

  const paymentId = randomUUID();
  // A saved card already approved is no decline risk (rate-limit.ts): it neither counts nor waits its turn.
  const risky = !(await provenCard(card.savedId));
  try {
    await db.$transaction(async (tx) => {
      // A risky attempt in flight may be a decline, so it counts: risky attempts of one account (and user)
      // take turns, each counting those before it; a new card also among its profile's and user's new cards.
      if (risky)
        await takeTurns(
          tx,
          declineTurn("account", request.accountId),
          declineTurn("user", request.userId),
          ...(newCardOf ? newCardTurns(newCardOf.billingProfileId, newCardOf.userId, newCardOf.fingerprint) : []),
        );
      const reserved = await tx.invoice.updateMany({
        where: { id: invoice.id, voided: false, amountDueMinor: { gte: amountMinor } },
        data: { amountDueMinor: { decrement: amountMinor } },
      });
      if (reserved.count !== 1) throw new Refused("balanceChanged");
      // Again with SQLite's write lock (or the turn on PostgreSQL) held: a burst is counted one by one.
      if (risky && (await declineLimitReached(request.accountId, request.userId, tx)))
        throw new Refused("tooManyDeclines");
      if (newCardOf && (await newCardPaymentRefused(tx, newCardOf))) throw new Refused("tooManyNewCards");
      await tx.payment.create({
        data: {
          id: paymentId,
          invoiceId: invoice.id,
          billingAccountId: invoice.billingAccountId,
          userId: request.userId,
          paymentMethodId: card.savedId,
          amountMinor,
          currency: invoice.currency,
          kind: "CARD",
          status: "PENDING",
          idempotencyKey: request.idempotencyKey,
          requestHash: payRequestHash(request),
          cardBrand: card.brand,
          cardLast4: card.last4,
          pendingCardKey: newCardOf ? pendingCardKey(card.fingerprint) : null,
          createdAt: clock,
          recordedAt: securityNow(),
          leaseExpiresAt: paymentLeaseExpiresAt((await databaseNow(tx)).getTime()),
        },
      });
    });
  } catch (error) {
    if (error instanceof Refused) {
      // A concurrent request with the same key may have won the race: answer as it did.
      return (await replay(request.idempotencyKey, request)) ?? { status: "refused", reason: error.reason };
    }
    if (isUniqueViolation(error))
      return (await replay(request.idempotencyKey, request)) ?? { status: "refused", reason: "keyReused" };
    throw error;
  }

  const pending = {
    id: paymentId,
    invoiceId: invoice.id,
    userId: request.userId,
    amountMinor,
    currency: invoice.currency,
    paymentMethodId: card.savedId,
    idempotencyKey: request.idempotencyKey,
  };
  const newCard =
    request.method.kind === "new"
      ? { billingProfileId: invoice.billingProfileId, card: request.method.card, fingerprint: card.fingerprint }
      : undefined;
  const charging = cardProcessor().charge({
    idempotencyKey: request.idempotencyKey,
    amountMinor,
    currency: invoice.currency,
    // Only what the ChargeRequest names: the portal's own IDs (savedId) stay in the portal.
    card: {
      fingerprint: card.fingerprint,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
    },
    description: `Microsoft Azure invoice ${invoice.id}`,
  });
  let result: ChargeResult;
  try {
    result = await withTimeout(charging, paymentTimeoutMs());
  } catch {
    // No answer (timeout, dropped connection): the charge may or may not have
    // happened. The payment stays PENDING with its amount reserved. A late
    // answer is settled as soon as it arrives; otherwise a retry with the same
    // key, or any server's reconciler, asks the processor and settles it.
    charging.then((late) => settlePayment(pending, late, newCard)).catch(() => {});
    return { status: "inProgress", paymentId };
  }

  await settlePayment(pending, result, newCard);
  return (await replay(request.idempotencyKey, request)) ?? { status: "inProgress", paymentId };
}
