import "server-only";

import type { Locale } from "@/i18n/config";
import { db } from "@/server/db";

/** The user's language, kept on their account: it follows them to another browser at sign-in. */
export async function saveUserLocale(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
