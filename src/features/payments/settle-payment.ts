import "server-only";

import { randomUUID } from "node:crypto";

import { saveCardOfPayment, type CardToSave } from "@/features/payment-methods/cards";
import { addNotification } from "@/features/portal/notifications";
import { db } from "@/server/db";
import { databaseNow } from "@/server/db/database-clock";
import { userNow } from "@/server/world-clock";

import { leaseExpired } from "./lease";
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
  newCard?: CardToSave,
): Promise<boolean> {
  const settledAt = await userNow(payment.userId);
  const notification = { amountMinor: payment.amountMinor, currency: payment.currency, invoiceId: payment.invoiceId };
  return db
    .$transaction(async (tx) => {
      if (result.outcome === "approved") {
        const paymentMethodId = newCard
          ? await saveCardOfPayment(tx, newCard, settledAt, payment.userId)
          : payment.paymentMethodId;
        const claimed = await tx.payment.updateMany({
          where: { id: payment.id, status: "PENDING" },
          // The card's key was needed only while PENDING (new-card-limit.ts): a settled payment keeps none.
          data: {
            status: "SUCCEEDED",
            settledAt,
            processorReference: result.reference,
            paymentMethodId,
            pendingCardKey: null,
          },
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
          data: { status: "FAILED", declineCode: result.code, settledAt, pendingCardKey: null },
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
  // The database's clock, the one the lease was written on: servers whose own clocks differ agree.
  if (!leaseExpired(payment, (await databaseNow(db)).getTime())) return false;
  const final = await processor.abandon({
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  });
  return settlePayment(payment, final);
}

/** A payment the pass could not reconcile, and why (the error's first line, no card data: payments hold none). */
export type ReconcileFailure = { paymentId: string; error: string };
export type ReconcilePass = { settled: number; failed: ReconcileFailure[] };

/** An error's first line, short, with any long digit run (a card number, were one ever there) masked. */
function failureText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n")[0]
    .slice(0, 200)
    .replace(/\d{12,}/g, "[redacted]");
}

/**
 * Settles the PENDING payments whose answer is known (or whose lease has
 * expired), oldest first, at most `limit` per call. Run at start-up
 * (db-setup) and every few seconds by each server (reconciler.ts). Each
 * payment stands alone: one that throws (a row the database refuses, a
 * processor that fails for that key) is reported in `failed` and the pass goes
 * on with the others; it is tried again on the next pass.
 */
export async function reconcilePendingPayments(limit = 200): Promise<ReconcilePass> {
  const pending = await db.payment.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  const pass: ReconcilePass = { settled: 0, failed: [] };
  for (const payment of pending) {
    try {
      if (await reconcilePayment(payment)) pass.settled++;
    } catch (error) {
      pass.failed.push({ paymentId: payment.id, error: failureText(error) });
    }
  }
  return pass;
}
