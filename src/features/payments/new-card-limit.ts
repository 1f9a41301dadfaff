import "server-only";

import { db, type Db } from "@/server/db";

/**
 * How many new cards a billing profile, and a user, may save in an hour —
 * from the payment methods blade or by paying with a new card. Without it a
 * card tester saves many stolen cards first (a save reaches no processor) and
 * then tries them all at once (review finding 3). Counted from the cards
 * table, removed cards included, so removing and re-adding does not reset it.
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
  now: Date,
  client: CardCounter = db,
  { includesNewCard = true }: { includesNewCard?: boolean } = {},
): Promise<boolean> {
  const since = new Date(now.getTime() - NEW_CARD_WINDOW_MS);
  const [byProfile, byUser] = await Promise.all([
    client.paymentMethod.count({ where: { billingProfileId, createdAt: { gte: since } } }),
    client.paymentMethod.count({ where: { createdByUserId: userId, createdAt: { gte: since } } }),
  ]);
  const extra = includesNewCard ? 0 : 1;
  return byProfile + extra > MAX_NEW_CARDS_PER_PROFILE || byUser + extra > MAX_NEW_CARDS_PER_USER;
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
