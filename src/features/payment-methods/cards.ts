import "server-only";

import { randomUUID } from "node:crypto";

import { securityNow } from "@/server/clock";
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
 * on the invoice's billing profile, and the payment names it. When the profile
 * already keeps a card with that number, a payment never edits it: if the
 * typed details are exactly the saved ones (the same card, typed again, or
 * several payments with one new card at once), the payment names the saved
 * card; if they differ (another expiry or address), the payment was a
 * one-time use of the typed card and names none. Returns the card's ID, or
 * null for a one-time use.
 */
export async function saveCardOfPayment(tx: Tx, toSave: CardToSave, at: Date, payerId: string): Promise<string | null> {
  const existing = await savedCardTakingTurns(tx, toSave, payerId);
  if (!existing) return createCard(tx, toSave, at, payerId);
  const typed = cardDetails(toSave.card);
  const same = (Object.keys(typed) as (keyof typeof typed)[]).every((field) => existing[field] === typed[field]);
  return same ? existing.id : null;
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
): Promise<({ id: string } & Record<keyof ReturnType<typeof cardDetails>, string | number>) | null> {
  // Simultaneous saves of this card, or of new cards of this profile or user, one after another.
  await takeTurns(tx, ...newCardTurns(billingProfileId, userId, fingerprint));
  return tx.paymentMethod.findFirst({
    where: { billingProfileId, fingerprint, removedAt: null },
    select: {
      id: true,
      brand: true,
      last4: true,
      expMonth: true,
      expYear: true,
      holderName: true,
      country: true,
      postalCode: true,
    },
  });
}

async function createCard(tx: Tx, { billingProfileId, card, fingerprint }: CardToSave, at: Date, userId: string) {
  const id = randomUUID();
  await tx.paymentMethod.create({
    data: {
      id,
      billingProfileId,
      fingerprint,
      createdByUserId: userId,
      createdAt: at,
      recordedAt: securityNow(),
      ...cardDetails(card),
    },
  });
  return id;
}
