import "server-only";

import { randomUUID } from "node:crypto";

import { addNotification } from "@/features/portal/notifications";
import { now } from "@/server/clock";
import { db } from "@/server/db";

import { saveCard, type CardToSave } from "./cards";
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
  const settledAt = now();
  const notification = { amountMinor: payment.amountMinor, currency: payment.currency, invoiceId: payment.invoiceId };
  return db
    .$transaction(async (tx) => {
      if (result.outcome === "approved") {
        const paymentMethodId = newCard
          ? (await saveCard(tx, newCard, settledAt, payment.userId)).id
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

/**
 * Asks the processor what became of a PENDING payment and settles it if the
 * processor knows. With `abandonUnknown` (start-up, when no request of a dead
 * process can still be running) a charge the processor never received is
 * settled as failed, giving the reserved amount back.
 */
export async function reconcilePayment(
  payment: PendingPayment,
  options: { abandonUnknown: boolean },
): Promise<boolean> {
  const result = await cardProcessor().lookup(payment.idempotencyKey);
  if (result) return settlePayment(payment, result);
  if (options.abandonUnknown) return settlePayment(payment, { outcome: "declined", code: "processing_error" });
  return false;
}

/** Start-up: settles every payment a stopped process left PENDING. Returns how many. */
export async function reconcilePendingPayments(): Promise<number> {
  const pending = await db.payment.findMany({ where: { status: "PENDING" } });
  let settled = 0;
  for (const payment of pending) if (await reconcilePayment(payment, { abandonUnknown: true })) settled++;
  return settled;
}
