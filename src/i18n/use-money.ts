import { useLocale } from "next-intl";
import { formatMoney } from "@/lib/money";
import { intlLocale } from "./config";

/** Money formatting in the current language, for components (server or client). */
export function useFormatMoney(): (amountMinor: number, currency: string) => string {
  const locale = intlLocale[useLocale()];
  return (amountMinor, currency) => formatMoney(amountMinor, currency, locale);
}
