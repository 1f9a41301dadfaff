import { useLocale } from "next-intl";

import { formatMoney, toMajorString } from "@/lib/money";

import { intlLocale } from "./config";

/** Money formatting in the current language, for components (server or client). */
export function useFormatMoney(): (amountMinor: number, currency: string) => string {
  const locale = intlLocale[useLocale()];
  return (amountMinor, currency) => formatMoney(amountMinor, currency, locale);
}

/**
 * An amount as a user types it in this language: no grouping, the locale's decimal
 * separator ("1234.50", "1234,50"); parseMajorAmount() reads either separator back.
 */
export function useAmountInputText(): (amountMinor: number, currency: string) => string {
  const locale = intlLocale[useLocale()];
  const decimal =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return (amountMinor, currency) => toMajorString(amountMinor, currency).replace(".", decimal);
}
