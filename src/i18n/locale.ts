import "server-only";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, localeFromAcceptLanguage, type Locale } from "./config";

export const LOCALE_COOKIE = "portal_locale";

/**
 * The user's saved language (kept in a cookie when they choose it in the
 * account menu), else the browser's Accept-Language, else English.
 */
export async function resolveLocale(): Promise<Locale> {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(saved)) return saved;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}
