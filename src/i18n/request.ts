import { getRequestConfig } from "next-intl/server";

import { catalogs } from "./catalogs";
import { resolveLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: catalogs[locale], timeZone: "UTC" };
});
