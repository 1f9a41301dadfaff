"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { currentUser } from "@/features/access/session";
import { locales } from "@/i18n/config";
import { applySavedLocale } from "@/i18n/locale";

import { saveUserLocale } from "./user-language";

const languageSchema = z.object({ locale: z.enum(locales) });

/**
 * The account menu's Language setting: saves the signed-in user's choice on
 * their account (so it follows them to another browser at sign-in) and in the
 * portal_locale cookie (so this browser shows it at once). Signed out → sign in;
 * anything but a supported locale changes nothing.
 */
export async function saveLanguage(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const parsed = languageSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  await saveUserLocale(user.id, parsed.data.locale);
  await applySavedLocale(parsed.data.locale);
  revalidatePath("/", "layout");
}
