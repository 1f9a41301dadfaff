import "server-only";

import { getLocale } from "next-intl/server";

import { intlLocale } from "./config";

/** The BCP 47 tag for Intl formatting in the current request's language. */
export async function intlLocaleOf(): Promise<string> {
  return intlLocale[await getLocale()];
}
