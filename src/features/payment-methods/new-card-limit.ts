import "server-only";

import { createHash } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import { securityNow } from "@/server/clock";
import { db, type Db, type Tx } from "@/server/db";

/**
 * How many new cards a billing profile, and a user, may save in an hour —
 * from the payment methods blade or by paying with a new card. Without it a
 * card tester saves many stolen cards first (a save reaches no processor) and
 * then tries them all at once (review finding 3). Counted from the cards
 * table, removed cards included, so removing and re-adding does not reset it.
 * On real time, like the decline limit and for the same reason (rate-limit.ts):
 * counted from the cards' and payments' recordedAt, never from the customer's clock.
 */
export const NEW_CARD_WINDOW_MS = 60 * 60 * 1000;
export const MAX_NEW_CARDS_PER_PROFILE = 5;
export const MAX_NEW_CARDS_PER_USER = 10;

type CardCounter = { paymentMethod: Pick<Db["paymentMethod"], "count"> };

/**
 * Whether saving one more card would pass a limit. Call it inside the
 * transaction that saves the card, after the insert (the write lock is then
 * held, so simultaneous saves are counted one after another): the new card is
 * counted too, hence `>`.
 */
export async function newCardLimitPassed(
  billingProfileId: string,
  userId: string,
  client: CardCounter = db,
): Promise<boolean> {
  const since = new Date(securityNow().getTime() - NEW_CARD_WINDOW_MS);
  const [byProfile, byUser] = await Promise.all([
    client.paymentMethod.count({ where: { billingProfileId, recordedAt: { gte: since } } }),
    client.paymentMethod.count({ where: { createdByUserId: userId, recordedAt: { gte: since } } }),
  ]);
  return byProfile > MAX_NEW_CARDS_PER_PROFILE || byUser > MAX_NEW_CARDS_PER_USER;
}

/**
 * The names under which saving a card takes turns (see takeTurns): the same
 * card on a profile is saved once, and the cards saved at the same moment are
 * counted one after another against both limits (on PostgreSQL, simultaneous
 * transactions do not see each other's inserts; SQLite's one writer orders them).
 */
export function newCardTurns(billingProfileId: string, userId: string, fingerprint: string): string[] {
  return [
    `card:${billingProfileId}:${fingerprint}`,
    `new-cards:profile:${billingProfileId}`,
    `new-cards:user:${userId}`,
  ];
}

/**
 * Whether paying with a new card must be refused for the new-card limit — a card not saved on the
 * profile yet is saved when the charge is approved. Call it inside the payment's transaction, after
 * takeTurns(tx, ...newCardTurns(…)): the attempts of one profile (and user) are then counted one
 * after another. The attempts still in flight with a new card (PENDING, no saved card yet) count as
 * cards about to be saved (each card once), so a burst of new cards cannot all pass while none is
 * saved yet.
 */
export async function newCardPaymentRefused(
  tx: Tx,
  { billingProfileId, userId, fingerprint }: { billingProfileId: string; userId: string; fingerprint: string },
): Promise<boolean> {
  const alreadySaved = await tx.paymentMethod.count({ where: { billingProfileId, fingerprint, removedAt: null } });
  if (alreadySaved) return false;
  const since = new Date(securityNow().getTime() - NEW_CARD_WINDOW_MS);
  // Other cards in flight, each once (eight payments with one new card save one card).
  const inFlight = {
    status: "PENDING",
    paymentMethodId: null,
    recordedAt: { gte: since },
    NOT: { pendingCardKey: pendingCardKey(fingerprint) },
  };
  const otherCards = async (where: Prisma.PaymentWhereInput) =>
    (await tx.payment.findMany({ where, distinct: ["pendingCardKey"], select: { pendingCardKey: true } })).length;
  const [savedByProfile, savedByUser, pendingByProfile, pendingByUser] = await Promise.all([
    tx.paymentMethod.count({ where: { billingProfileId, recordedAt: { gte: since } } }),
    tx.paymentMethod.count({ where: { createdByUserId: userId, recordedAt: { gte: since } } }),
    otherCards({ ...inFlight, invoice: { billingProfileId } }),
    otherCards({ ...inFlight, userId }),
  ]);
  return (
    savedByProfile + pendingByProfile + 1 > MAX_NEW_CARDS_PER_PROFILE ||
    savedByUser + pendingByUser + 1 > MAX_NEW_CARDS_PER_USER
  );
}

/** What a PENDING payment with a new card keeps of it: a hash of its fingerprint, cleared at settlement. */
export function pendingCardKey(fingerprint: string): string {
  return createHash("sha256").update(`pending-new-card:${fingerprint}`).digest("hex").slice(0, 32);
}
