import "server-only";

import { defaultCardOf } from "@/lib/default-card";
import { db } from "@/server/db";

export type BillingProfileDefaultPayment =
  | { kind: "card"; brand: string; last4: string }
  /** The profile is charged by card but has no usable default card (removed, or never set). */
  | { kind: "cardMissing" }
  | { kind: "wire" };

export type BillingProfileRow = {
  id: string;
  name: string;
  currency: string;
  defaultPayment: BillingProfileDefaultPayment;
};

/** The billing profiles of an account (already access-checked), each with how it is paid by default. */
export async function listBillingProfilesWithDefaultPayment(accountId: string): Promise<BillingProfileRow[]> {
  const profiles = await db.billingProfile.findMany({
    where: { billingAccountId: accountId },
    select: { id: true, name: true, currency: true, defaultPaymentKind: true, defaultPaymentMethodId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const cardIds = profiles.flatMap((profile) =>
    profile.defaultPaymentMethodId ? [profile.defaultPaymentMethodId] : [],
  );
  // The default card must belong to the same profile and still be offered.
  const cards = cardIds.length
    ? await db.paymentMethod.findMany({
        where: {
          id: { in: cardIds },
          billingProfileId: { in: profiles.map((profile) => profile.id) },
          removedAt: null,
        },
        select: { id: true, billingProfileId: true, brand: true, last4: true },
      })
    : [];
  return profiles.map((profile) => {
    let defaultPayment: BillingProfileDefaultPayment;
    if (profile.defaultPaymentKind === "WIRE") defaultPayment = { kind: "wire" };
    else {
      const ofProfile = cards.filter((candidate) => candidate.billingProfileId === profile.id);
      const card = defaultCardOf(profile, ofProfile);
      defaultPayment = card ? { kind: "card", brand: card.brand, last4: card.last4 } : { kind: "cardMissing" };
    }
    return { id: profile.id, name: profile.name, currency: profile.currency, defaultPayment };
  });
}
