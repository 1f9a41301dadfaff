import "server-only";

import { randomUUID } from "node:crypto";

import type { Tx } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

import type { NewCard } from "./card-schema";
import { newCardTurns } from "./new-card-limit";

export type CardToSave = { billingProfileId: string; card: NewCard; fingerprint: string };

/**
 * Keeps a card on a billing profile, inside the caller's transaction: the same
 * card (same fingerprint) twice is one entry, its details refreshed. Used when
 * the admin adds a card and when a payment with a new card succeeds. Returns
 * the card's ID and whether it is a new entry (new cards count against the
 * new-card limit). Only what the product shows is stored: never the number or
 * the security code. Saves of the same card, and new cards counted against
 * the same limits, take turns (see newCardTurns).
 */
export async function saveCard(
  tx: Tx,
  { billingProfileId, card, fingerprint }: CardToSave,
  at: Date,
  createdByUserId: string,
): Promise<{ id: string; created: boolean }> {
  const details = {
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    holderName: card.holderName,
    country: card.country,
    postalCode: card.postalCode,
  };
  // Simultaneous saves of this card, or of new cards of this profile or user, one after another.
  await takeTurns(tx, ...newCardTurns(billingProfileId, createdByUserId, fingerprint));
  const existing = await tx.paymentMethod.findFirst({
    where: { billingProfileId, fingerprint, removedAt: null },
    select: { id: true },
  });
  if (existing) {
    await tx.paymentMethod.update({ where: { id: existing.id }, data: details });
    return { id: existing.id, created: false };
  }
  const id = randomUUID();
  await tx.paymentMethod.create({
    data: { id, billingProfileId, fingerprint, createdByUserId, createdAt: at, ...details },
  });
  return { id, created: true };
}
