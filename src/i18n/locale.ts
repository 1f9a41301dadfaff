import "server-only";

import { cookies, headers } from "next/headers";

import { defaultLocale, isLocale, localeFromAcceptLanguage, type Locale } from "./config";

export const LOCALE_COOKIE = "portal_locale";

/** The language cookie: a preference, not a secret; kept a year. */
const localeCookieOptions = { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 } as const;

/**
 * The user's saved language (kept in a cookie when they choose it in the
 * account menu, and set from their account at sign-in), else the browser's
 * Accept-Language, else English.
 */
export async function resolveLocale(): Promise<Locale> {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(saved)) return saved;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}

/**
 * The account's saved language becomes this browser's (at sign-in, and when the
 * user chooses one); an account without one follows the browser, so a previous
 * user's choice is dropped.
 */
export async function applySavedLocale(saved: string | null | undefined): Promise<void> {
  const jar = await cookies();
  if (isLocale(saved)) jar.set(LOCALE_COOKIE, saved, localeCookieOptions);
  else if (jar.has(LOCALE_COOKIE)) jar.delete(LOCALE_COOKIE);
}
