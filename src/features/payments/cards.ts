import "server-only";

import { randomUUID } from "node:crypto";

import type { Tx } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

import type { NewCard } from "./card-schema";
import { newCardTurns } from "./new-card-limit";

export type CardToSave = { billingProfileId: string; card: NewCard; fingerprint: string };

/**
 * Keeps a card on a billing profile, inside the caller's transaction: the same
 * card (same fingerprint) twice is one entry, its details refreshed — the admin
 * adding a card they already saved is the admin editing it. Returns the card's
 * ID and whether it is a new entry (new cards count against the new-card
 * limit). Only what the product shows is stored: never the number or the
 * security code. Saves of the same card, and new cards counted against the
 * same limits, take turns (see newCardTurns).
 */
export async function saveCard(
  tx: Tx,
  toSave: CardToSave,
  at: Date,
  createdByUserId: string,
): Promise<{ id: string; created: boolean }> {
  const existing = await savedCardTakingTurns(tx, toSave, createdByUserId);
  if (existing) {
    await tx.paymentMethod.update({ where: { id: existing.id }, data: cardDetails(toSave.card) });
    return { id: existing.id, created: false };
  }
  return { id: await createCard(tx, toSave, at, createdByUserId), created: true };
}

/**
 * After an approved payment with a card typed into the form: the card is saved
 * on the invoice's billing profile — unless the profile already keeps a card
 * with that number. Then the payment was a one-time use of the typed card, and
 * the saved card stays exactly as it was: a payment never edits a saved
 * payment method (the typed expiry or address may differ from the saved
 * ones). Returns the new card's ID, or null for a one-time use.
 */
export async function saveCardOfPayment(tx: Tx, toSave: CardToSave, at: Date, payerId: string): Promise<string | null> {
  if (await savedCardTakingTurns(tx, toSave, payerId)) return null;
  return createCard(tx, toSave, at, payerId);
}

function cardDetails(card: NewCard) {
  return {
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    holderName: card.holderName,
    country: card.country,
    postalCode: card.postalCode,
  };
}

async function savedCardTakingTurns(
  tx: Tx,
  { billingProfileId, fingerprint }: CardToSave,
  userId: string,
): Promise<{ id: string } | null> {
  // Simultaneous saves of this card, or of new cards of this profile or user, one after another.
  await takeTurns(tx, ...newCardTurns(billingProfileId, userId, fingerprint));
  return tx.paymentMethod.findFirst({
    where: { billingProfileId, fingerprint, removedAt: null },
    select: { id: true },
  });
}

async function createCard(tx: Tx, { billingProfileId, card, fingerprint }: CardToSave, at: Date, userId: string) {
  const id = randomUUID();
  await tx.paymentMethod.create({
    data: { id, billingProfileId, fingerprint, createdByUserId: userId, createdAt: at, ...cardDetails(card) },
  });
  return id;
}
