/** URLs of a billing account's blades; the ID contains ":" so it is always encoded. */
export function billingAccountPath(accountId: string): string {
  return `/billing/${encodeURIComponent(accountId)}`;
}

/** The account ID from a route parameter, whether or not the router decoded it. */
export function accountIdFromParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/** Billing profiles › profile › Payment methods: where an MCA billing profile's cards are managed. */
export function billingProfilePaymentMethodsPath(accountId: string, profileId: string): string {
  return `${billingAccountPath(accountId)}/billing-profiles/${encodeURIComponent(profileId)}/payment-methods`;
}
