/** How a billing profile pays by default, as it is stored (defaultPaymentKind is "CARD" or "WIRE"). */
export type ProfileDefault = { defaultPaymentKind: string; defaultPaymentMethodId: string | null };

/**
 * The default card of a billing profile: among the cards it keeps on file (not removed), the one its
 * default names, when it pays by card. Null when it pays by wire transfer, or when the named card is
 * gone (removed, or never set): the portal then says the profile has no usable default card.
 */
export function defaultCardOf<Card extends { id: string }>(profile: ProfileDefault, cardsOnFile: Card[]): Card | null {
  if (profile.defaultPaymentKind !== "CARD") return null;
  return cardsOnFile.find((card) => card.id === profile.defaultPaymentMethodId) ?? null;
}
