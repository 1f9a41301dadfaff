import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";

import "@fluentui/react-icons/headless/styles.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("productName"), template: `%s - ${t("productName")}` } };
}

/**
 * The document, for every page. The browser gets only the `common` catalog here (the error
 * page's words): the sign-in layout hands its client components the full catalogs, the portal's
 * the shell's and each feature's where it renders (ClientMessages), so no page carries the
 * ~21 KB of strings it does not use.
 */
export default async function RootLayout({ children }: LayoutProps<"/">) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} className="h-full">
      <body className="flex min-h-full flex-col antialiased">
        <NextIntlClientProvider messages={{ common: messages.common }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
