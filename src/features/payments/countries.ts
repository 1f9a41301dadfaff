/** Billing countries offered in the card form (ISO 3166-1 alpha-2); names come from Intl. */
export const billingCountries = ["US", "CA", "GB", "IE", "FR", "DE", "ES", "IT", "NL", "BE", "CH", "SE", "NO", "DK", "FI", "PL", "PT", "AT", "AU", "NZ", "JP", "IN", "SG", "BR", "MX"] as const;
export type BillingCountry = (typeof billingCountries)[number];
