import "server-only";

import { defaultCardOf } from "@/lib/default-card";
import { db } from "@/server/db";

import { isCardExpired } from "./card-schema";

/**
 * The reads of the cards a billing profile keeps. Components render what these
 * return and never touch the database client; a function that takes an
 * account reads only inside it, the caller having checked it (requireBillingScope).
 */

/** A saved card as the Pay now blade offers it. */
export type PayNowCard = {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  expired: boolean;
  isDefault: boolean;
};

/** The cards on file of a billing profile, oldest first; expired ones are listed but marked. */
export async function listCardsToPayWith(
  billingProfileId: string,
  defaultPaymentMethodId: string | null,
  now: Date,
): Promise<PayNowCard[]> {
  const cards = await db.paymentMethod.findMany({
    where: { billingProfileId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, brand: true, last4: true, expMonth: true, expYear: true },
  });
  return cards.map((card) => ({
    ...card,
    expired: isCardExpired(card, now),
    isDefault: card.id === defaultPaymentMethodId,
  }));
}

/** A card on a billing profile's Payment methods page: what Edit shows and may change. */
export type SavedCard = PayNowCard & {
  holderName: string;
  country: string;
  postalCode: string;
  /** A payment with it is still PENDING: it is not removed until that payment settles. */
  inPendingPayment: boolean;
};

const savedCardShown = {
  id: true,
  brand: true,
  last4: true,
  expMonth: true,
  expYear: true,
  holderName: true,
  country: true,
  postalCode: true,
  payments: { where: { status: "PENDING" }, select: { id: true }, take: 1 },
} as const;

/** One billing profile of the account with its cards on file, the default card first; null if not this account's. */
export async function getProfilePaymentMethods(accountId: string, profileId: string, now: Date) {
  const profile = await db.billingProfile.findFirst({
    where: { id: profileId, billingAccountId: accountId },
    select: {
      id: true,
      name: true,
      currency: true,
      defaultPaymentKind: true,
      defaultPaymentMethodId: true,
      paymentMethods: {
        where: { removedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: savedCardShown,
      },
    },
  });
  if (!profile) return null;
  const defaultCard = defaultCardOf(profile, profile.paymentMethods);
  const cards: SavedCard[] = profile.paymentMethods.map(({ payments, ...card }) => ({
    ...card,
    expired: isCardExpired(card, now),
    isDefault: card.id === defaultCard?.id,
    inPendingPayment: payments.length > 0,
  }));
  return {
    id: profile.id,
    name: profile.name,
    currency: profile.currency,
    defaultPaymentKind: profile.defaultPaymentKind,
    defaultCard: cards.find((card) => card.isDefault) ?? null,
    otherCards: cards.filter((card) => !card.isDefault),
  };
}

export type ProfilePaymentMethods = NonNullable<Awaited<ReturnType<typeof getProfilePaymentMethods>>>;

/** The account-level summary: each billing profile by name, how it pays by default and how many cards it has. */
export async function summarisePaymentMethods(accountId: string) {
  const profiles = await db.billingProfile.findMany({
    where: { billingAccountId: accountId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      defaultPaymentKind: true,
      defaultPaymentMethodId: true,
      paymentMethods: { where: { removedAt: null }, select: { id: true, brand: true, last4: true } },
    },
  });
  return profiles.map(({ paymentMethods, defaultPaymentMethodId, ...profile }) => ({
    ...profile,
    defaultCard: defaultCardOf({ ...profile, defaultPaymentMethodId }, paymentMethods),
    cardCount: paymentMethods.length,
  }));
}
