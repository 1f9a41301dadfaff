"use server";

import bcrypt from "bcryptjs";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { applySavedLocale } from "@/i18n/locale";
import { db } from "@/server/db";

import { safeReturnPath } from "./return-path";
import { endSession, startSession } from "./session";
import { beginSignInAttempt, clientAddress, signInSucceeded } from "./sign-in-throttle";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
  returnTo: z.string().max(2048).optional(),
});

export type SignInState = { error?: string; email?: string };

// Compared against when the email is unknown, so both failures take as long.
const UNKNOWN_USER_HASH = bcrypt.hashSync("no such user", 10);

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("access.signIn");
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    returnTo: formData.get("returnTo") ?? undefined,
  });
  const typedEmail = String(formData.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { error: t("invalidInput"), email: typedEmail };

  // Before any hash: past the limit, a guess costs a database row count, not a bcrypt comparison.
  const attempt = await beginSignInAttempt(parsed.data.email, clientAddress(await headers()));
  if (!attempt.admitted)
    return { error: t("tooManyAttempts", { minutes: Math.ceil(attempt.retryAfterSeconds / 60) }), email: typedEmail };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, passwordHash: true, locale: true, sessionVersion: true },
  });
  const passwordMatches = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  // One message for an unknown email and a wrong password: no account enumeration.
  if (!user || !passwordMatches) return { error: t("wrongCredentials"), email: typedEmail };

  await signInSucceeded(attempt.id, parsed.data.email);
  await startSession(user);
  await applySavedLocale(user.locale);
  redirect(safeReturnPath(parsed.data.returnTo));
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/signin");
}
