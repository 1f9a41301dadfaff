import { useLocale } from "next-intl";

import { formatDate, type DateFormat } from "@/lib/dates";

import { intlLocale } from "./config";

/** Billing-date formatting in the current language, for components (server or client). */
export function useFormatDate(): (date: Date, format?: DateFormat) => string {
  const locale = intlLocale[useLocale()];
  return (date, format) => formatDate(date, locale, format);
}
