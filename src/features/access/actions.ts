"use server";

import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { applySavedLocale } from "@/i18n/locale";
import type { Translator } from "@/i18n/translator";

import { verifyCredentials } from "./credentials";
import { deviceSeal, rememberDevice } from "./known-device";
import { safeReturnPath } from "./return-path";
import { endEverySession, endSession, startSession } from "./session";
import { clientAddress } from "./sign-in-throttle";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
  returnTo: z.string().max(2048).optional(),
});

export type SignInState = { error?: string; email?: string };

/** "Try again in N seconds" below a minute (the account-wide delay, a busy server), else in minutes. */
function tooManyAttempts(t: Translator<"access.signIn">, seconds: number): string {
  return seconds < 60
    ? t("tooManyAttemptsSeconds", { seconds })
    : t("tooManyAttempts", { minutes: Math.ceil(seconds / 60) });
}

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
  const source = { address: clientAddress(await headers()), deviceSeal: await deviceSeal() };
  const check = await verifyCredentials(parsed.data.email, parsed.data.password, source);
  if (check.status === "throttled") return { error: tooManyAttempts(t, check.retryAfterSeconds), email: typedEmail };
  // One message for an unknown email and a wrong password: no account enumeration.
  if (check.status === "wrong") return { error: t("wrongCredentials"), email: typedEmail };

  const { user } = check;
  // This browser is known to the account from now on: strangers' guesses no longer slow it down.
  await rememberDevice(user.email);
  await startSession(user);
  await applySavedLocale(user.locale);
  redirect(safeReturnPath(parsed.data.returnTo));
}

/** Signs out this browser only: the user's other browsers and their bearer tokens keep working. */
export async function signOut(): Promise<void> {
  await endSession();
  redirect("/signin");
}

/** Signs out every browser of the user and revokes every bearer token issued to them. */
export async function signOutEverywhere(): Promise<void> {
  await endEverySession();
  redirect("/signin");
}
