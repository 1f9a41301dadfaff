import "server-only";

import type { z } from "zod";

import { db } from "@/server/db";

import { isCardExpired, type cardEditSchema, type NewCard } from "./card-schema";
import { saveCard } from "./cards";
import { newCardLimitPassed } from "./new-card-limit";

/**
 * What the Payment methods actions change: a billing profile's cards and its default. The actions
 * (method-actions.ts, profile-card-actions.ts) parse the form, ask the policy and find the profile
 * or card of the account; these take typed values, do the work in one transaction and answer a
 * reason code, never a message.
 */

/** A card typed into a form, with its keyed fingerprint. */
export type TypedCard = { card: NewCard; fingerprint: string };
/** A card on file, as findCard returns it. */
type CardOnFile = { id: string; billingProfileId: string; expMonth: number; expYear: number };

/** The billing profile, if it is this account's. */
export async function findProfileOfAccount(accountId: string, profileId: string) {
  return db.billingProfile.findFirst({
    where: { id: profileId, billingAccountId: accountId },
    select: { id: true },
  });
}

class Refusal extends Error {
  constructor(readonly key: "cardExpired" | "notFound" | "tooManyNewCards") {
    super(key);
  }
}
export type CardRefusal = Refusal["key"];

/** Saves a typed card on the profile (the same card twice is one entry); false when the new-card limit is passed. */
export async function addCard(profileId: string, typed: TypedCard, clock: Date, userId: string): Promise<boolean> {
  return db
    .$transaction(async (tx) => {
      const { created } = await saveCard(tx, { billingProfileId: profileId, ...typed }, clock, userId);
      // Counted after the insert, under the write lock: simultaneous saves cannot all pass.
      if (created && (await newCardLimitPassed(profileId, userId, tx))) throw new Refusal("tooManyNewCards");
    })
    .then(
      () => true,
      (error: unknown) => {
        if (error instanceof Refusal) return false;
        throw error;
      },
    );
}

/** Make default: the card becomes its profile's default payment method. */
export async function makeDefaultCard(card: CardOnFile): Promise<void> {
  await db.billingProfile.update({
    where: { id: card.billingProfileId },
    data: { defaultPaymentMethodId: card.id, defaultPaymentKind: "CARD" },
  });
}

/**
 * Delete: the card is no longer offered, unless it is the profile's default or a payment with it is
 * still PENDING (read again inside the transaction that removes it: a Replace or a payment just begun
 * is seen). Answers null once removed, or why it was not.
 */
export async function removeCard(
  card: CardOnFile,
  clock: Date,
): Promise<"cannotRemoveDefault" | "cannotRemovePending" | null> {
  return db.$transaction(async (tx) => {
    const profile = await tx.billingProfile.findUniqueOrThrow({ where: { id: card.billingProfileId } });
    if (profile.defaultPaymentKind === "CARD" && profile.defaultPaymentMethodId === card.id)
      return "cannotRemoveDefault" as const;
    // A payment still PENDING with this card settles (or is reconciled) against it first.
    if (await tx.payment.count({ where: { paymentMethodId: card.id, status: "PENDING" } }))
      return "cannotRemovePending" as const;
    // Kept for the payment history (receipts name it); it is simply no longer offered. Its fingerprint
    // is erased: nothing needs to recognise a removed card, and a stolen database should hold as little as possible.
    await tx.paymentMethod.updateMany({
      where: { id: card.id, removedAt: null },
      data: { removedAt: clock, fingerprint: null },
    });
    return null;
  });
}

/**
 * Replace: another saved card of the profile (not expired by `clock`), or a new card saved on it,
 * becomes its default payment method, in one transaction. Answers null, or why not.
 */
export async function replaceDefaultCard(
  profileId: string,
  choice: { newCard: TypedCard } | { savedId: string },
  clock: Date,
  userId: string,
): Promise<CardRefusal | null> {
  try {
    await db.$transaction(async (tx) => {
      let cardId: string;
      if ("newCard" in choice) {
        const saved = await saveCard(tx, { billingProfileId: profileId, ...choice.newCard }, clock, userId);
        // Counted after the insert, under the write lock: simultaneous saves cannot all pass.
        if (saved.created && (await newCardLimitPassed(profileId, userId, tx))) throw new Refusal("tooManyNewCards");
        cardId = saved.id;
      } else {
        const card = await tx.paymentMethod.findFirst({
          where: { id: choice.savedId, billingProfileId: profileId, removedAt: null },
        });
        if (!card) throw new Refusal("notFound");
        if (isCardExpired(card, clock)) throw new Refusal("cardExpired");
        cardId = card.id;
      }
      await tx.billingProfile.update({
        where: { id: profileId },
        data: { defaultPaymentMethodId: cardId, defaultPaymentKind: "CARD" },
      });
    });
  } catch (error) {
    if (error instanceof Refusal) return error.key;
    throw error;
  }
  return null;
}

/** Edit: a card's expiry, name on card and billing address (never its number); false when it is no longer on file. */
export async function editCard(cardId: string, details: z.output<ReturnType<typeof cardEditSchema>>): Promise<boolean> {
  const updated = await db.$transaction((tx) =>
    tx.paymentMethod.updateMany({ where: { id: cardId, removedAt: null }, data: details }),
  );
  return updated.count === 1;
}
