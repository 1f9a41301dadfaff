import type { Locale } from "./config";
import enAccess from "./messages/en/access.json";
import enCommon from "./messages/en/common.json";
import enInvoices from "./messages/en/invoices.json";
import enPayments from "./messages/en/payments.json";
import enPortal from "./messages/en/portal.json";
import enProfiles from "./messages/en/profiles.json";

/** Each feature keeps its strings in its own namespace file. */
export const catalogs = {
  en: { common: enCommon, portal: enPortal, access: enAccess, payments: enPayments, invoices: enInvoices, profiles: enProfiles },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof catalogs)["en"];
