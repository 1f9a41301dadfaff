"use server";

import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { applySavedLocale } from "@/i18n/locale";

import { verifyCredentials } from "./credentials";
import { safeReturnPath } from "./return-path";
import { endSession, startSession } from "./session";
import { clientAddress } from "./sign-in-throttle";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
  returnTo: z.string().max(2048).optional(),
});

export type SignInState = { error?: string; email?: string };

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("access.signIn");
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    returnTo: formData.get("returnTo") ?? undefined,
  });
  const typedEmail = String(formData.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { error: t("invalidInput"), email: typedEmail };

  // The throttle comes before any hash: past the limit, a guess costs a row count, not a bcrypt comparison.
  const check = await verifyCredentials(parsed.data.email, parsed.data.password, clientAddress(await headers()));
  if (check.status === "throttled")
    return { error: t("tooManyAttempts", { minutes: Math.ceil(check.retryAfterSeconds / 60) }), email: typedEmail };
  // One message for an unknown email and a wrong password: no account enumeration.
  if (check.status === "wrong") return { error: t("wrongCredentials"), email: typedEmail };

  const { user } = check;
  await startSession(user);
  await applySavedLocale(user.locale);
  redirect(safeReturnPath(parsed.data.returnTo));
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/signin");
}
