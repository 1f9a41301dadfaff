/**
 * Countries where a pay-as-you-go account has Pay now instead of Settle balance: the list under
 * "Regional considerations" in Microsoft's *Resolve a past-due balance for your pay-as-you-go Azure
 * subscription* (ms.date 10/14/2025; docs/fidelity.md).
 */
export const mospPayNowCountries: ReadonlySet<string> = new Set([
  "AT",
  "AU",
  "BE",
  "BG",
  "CA",
  "CH",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "JP",
  "KR",
  "LT",
  "LV",
  "NL",
  "NO",
  "NZ",
  "PL",
  "PT",
  "RO",
  "SE",
  "SK",
  "TW",
]);

export function mospHasPayNow(country: string | null | undefined): boolean {
  return country != null && mospPayNowCountries.has(country);
}
