/**
 * A stand-in for "next-intl/server" in vitest's node project, where the real
 * module refuses to run outside Next's React server environment. It reads the
 * same catalogs and resolves the locale the same way as src/i18n/request.ts
 * (cookie, then Accept-Language, through the mocked next/headers), so the
 * strings a test sees are the ones the portal shows. tests/support/setup-next.ts
 * mocks "next-intl/server" with it for every test file.
 */
import { createFormatter, createTranslator } from "next-intl";

import { catalogs } from "@/i18n/catalogs";
import type { Locale } from "@/i18n/config";
import { resolveLocale } from "@/i18n/locale";

const TIME_ZONE = "UTC";

type NamespaceOrOptions = string | { locale?: Locale; namespace?: string } | undefined;

function options(value: NamespaceOrOptions): { locale?: Locale; namespace?: string } {
  return typeof value === "string" ? { namespace: value } : (value ?? {});
}

export async function getLocale(): Promise<Locale> {
  return resolveLocale();
}

export async function getMessages(opts?: { locale?: Locale }) {
  return catalogs[opts?.locale ?? (await resolveLocale())];
}

export async function getTimeZone(): Promise<string> {
  return TIME_ZONE;
}

export async function getNow(): Promise<Date> {
  return new Date();
}

export async function getTranslations(namespaceOrOptions?: NamespaceOrOptions) {
  const { locale, namespace } = options(namespaceOrOptions);
  const resolved = locale ?? (await resolveLocale());
  // The namespace is checked by the app's own type-checked call sites; here it is just a string.
  return createTranslator({
    locale: resolved,
    messages: catalogs[resolved],
    namespace: namespace as never,
    timeZone: TIME_ZONE,
  });
}

export async function getFormatter(opts?: { locale?: Locale }) {
  return createFormatter({ locale: opts?.locale ?? (await resolveLocale()), timeZone: TIME_ZONE });
}

export function setRequestLocale(locale: Locale): void {
  void locale;
}

export function getRequestConfig<T>(factory: T): T {
  return factory;
}
