import "server-only";

import { randomUUID } from "node:crypto";

import { addNotification } from "@/features/portal/notifications";
import type { Prisma } from "@/generated/prisma/client";
import { now } from "@/server/clock";
import { db } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

import type { NewCard } from "./card-schema";
import { leaseExpired } from "./lease";
import { newCardTurns } from "./new-card-limit";
import { cardProcessor } from "./processor/simulated";
import type { ChargeResult } from "./processor/types";

type PendingPayment = {
  id: string;
  invoiceId: string;
  userId: string;
  amountMinor: number;
  currency: string;
  paymentMethodId: string | null;
  idempotencyKey: string;
};
type NewCardToSave = { billingProfileId: string; card: NewCard; fingerprint: string };

/**
 * Records the processor's answer for a PENDING payment, in one transaction:
 * approved → SUCCEEDED (saving a new card); declined → FAILED with the
 * reserved amount given back. Claiming the row with `status: "PENDING"` makes
 * it safe to call twice (a retry and the start-up reconciliation, say):
 * only the first call changes anything. Returns whether this call settled it.
 */
export async function settlePayment(
  payment: PendingPayment,
  result: ChargeResult,
  newCard?: NewCardToSave,
): Promise<boolean> {
  const settledAt = now();
  const notification = { amountMinor: payment.amountMinor, currency: payment.currency, invoiceId: payment.invoiceId };
  return db
    .$transaction(async (tx) => {
      if (result.outcome === "approved") {
        const paymentMethodId = newCard
          ? await saveCard(tx, newCard, settledAt, payment.userId)
          : payment.paymentMethodId;
        const claimed = await tx.payment.updateMany({
          where: { id: payment.id, status: "PENDING" },
          data: { status: "SUCCEEDED", settledAt, processorReference: result.reference, paymentMethodId },
        });
        if (claimed.count === 0) throw new AlreadySettled();
        await addNotification(tx, {
          id: randomUUID(),
          userId: payment.userId,
          kind: "PAYMENT_SUCCEEDED",
          params: notification,
          createdAt: settledAt,
        });
      } else {
        const claimed = await tx.payment.updateMany({
          where: { id: payment.id, status: "PENDING" },
          data: { status: "FAILED", declineCode: result.code, settledAt },
        });
        if (claimed.count === 0) throw new AlreadySettled();
        await tx.invoice.update({
          where: { id: payment.invoiceId },
          data: { amountDueMinor: { increment: payment.amountMinor } },
        });
        await addNotification(tx, {
          id: randomUUID(),
          userId: payment.userId,
          kind: "PAYMENT_FAILED",
          params: { ...notification, reason: result.code },
          createdAt: settledAt,
        });
      }
      return true;
    })
    .catch((error: unknown) => {
      // Rolled back, including a card saved for it: the other settlement stands.
      if (error instanceof AlreadySettled) return false;
      throw error;
    });
}

class AlreadySettled extends Error {}

/** Keeps a new card on the billing profile (the same card twice is one entry). */
async function saveCard(
  tx: Prisma.TransactionClient,
  { billingProfileId, card, fingerprint }: NewCardToSave,
  at: Date,
  createdByUserId: string,
): Promise<string> {
  const details = {
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    holderName: card.holderName,
    country: card.country,
    postalCode: card.postalCode,
  };
  await takeTurns(tx, ...newCardTurns(billingProfileId, createdByUserId, fingerprint));
  const existing = await tx.paymentMethod.findFirst({ where: { billingProfileId, fingerprint, removedAt: null } });
  if (existing) {
    await tx.paymentMethod.update({ where: { id: existing.id }, data: details });
    return existing.id;
  }
  const id = randomUUID();
  await tx.paymentMethod.create({
    data: { id, billingProfileId, fingerprint, createdByUserId, createdAt: at, ...details },
  });
  return id;
}

/**
 * Asks the processor what became of a PENDING payment and settles it if the
 * processor knows. A payment whose lease has expired (no live server can still
 * be settling it: leaseExpired) and that the processor never received is
 * abandoned — first at the processor, so a charge still on its way is refused
 * from then on, then here as failed, giving the reserved amount back. Safe to
 * run on every server at once: the processor's ledger and the settlement
 * claim each take the first answer only.
 */
export async function reconcilePayment(payment: PendingPayment & { leaseExpiresAt: Date | null }): Promise<boolean> {
  const processor = cardProcessor();
  const result = await processor.lookup(payment.idempotencyKey);
  if (result) return settlePayment(payment, result);
  if (!leaseExpired(payment)) return false;
  const final = await processor.abandon({
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  });
  return settlePayment(payment, final);
}

/**
 * Settles the PENDING payments whose answer is known (or whose lease has
 * expired), oldest first, at most `limit` per call. Run at start-up
 * (db-setup) and every few seconds by each server (reconciler.ts). Returns how
 * many it settled.
 */
export async function reconcilePendingPayments(limit = 200): Promise<number> {
  const pending = await db.payment.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let settled = 0;
  for (const payment of pending) if (await reconcilePayment(payment)) settled++;
  return settled;
}
