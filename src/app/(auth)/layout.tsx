import { NextIntlClientProvider } from "next-intl";

/** The sign-in page's client components read the full catalogs (the root layout sends only `common`). */
export default function AuthLayout({ children }: LayoutProps<"/">) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
