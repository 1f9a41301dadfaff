import type { Locale } from "./config";
import enAccess from "./messages/en/access.json";
import enCommon from "./messages/en/common.json";
import enInvoices from "./messages/en/invoices.json";
import enPayments from "./messages/en/payments.json";
import enPortal from "./messages/en/portal.json";
import enProfiles from "./messages/en/profiles.json";
import frAccess from "./messages/fr/access.json";
import frCommon from "./messages/fr/common.json";
import frInvoices from "./messages/fr/invoices.json";
import frPayments from "./messages/fr/payments.json";
import frPortal from "./messages/fr/portal.json";
import frProfiles from "./messages/fr/profiles.json";

/** Each feature keeps its strings in its own namespace file. */
const en = {
  common: enCommon,
  portal: enPortal,
  access: enAccess,
  payments: enPayments,
  invoices: enInvoices,
  profiles: enProfiles,
};

export type Messages = typeof en;

/**
 * Every locale has the same namespaces; `Messages` (the English shape) types the keys.
 * tests/unit/i18n-catalogs.test.ts fails on a key missing or empty in any catalog.
 */
export const catalogs: Record<Locale, Messages> = {
  en,
  fr: {
    common: frCommon,
    portal: frPortal,
    access: frAccess,
    payments: frPayments,
    invoices: frInvoices,
    profiles: frProfiles,
  },
};
