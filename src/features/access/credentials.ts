import "server-only";

import bcrypt from "bcryptjs";

import { db } from "@/server/db";

import { beginSignInAttempt, signInSucceeded } from "./sign-in-throttle";

// Compared against when the email is unknown, so both failures take as long.
const UNKNOWN_USER_HASH = bcrypt.hashSync("no such user", 10);

export type VerifiedUser = { id: string; email: string; locale: string | null; sessionVersion: number };

export type CredentialCheck =
  { status: "verified"; user: VerifiedUser } | { status: "wrong" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * The one password check of the portal: the sign-in form and the token
 * endpoint (POST /oauth2/token) both ask it, so they accept exactly the same
 * credentials under the same throttle (sign-in-throttle.ts: per account and
 * per client address, before any hash). An unknown email and a wrong password
 * give the same answer, in the same time: no account enumeration.
 */
export async function verifyCredentials(email: string, password: string, address: string): Promise<CredentialCheck> {
  const normalised = email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(normalised, address);
  if (!attempt.admitted) return { status: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, email: true, passwordHash: true, locale: true, sessionVersion: true },
  });
  const passwordMatches = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !passwordMatches) return { status: "wrong" };
  await signInSucceeded(attempt.id, normalised);
  return {
    status: "verified",
    user: { id: user.id, email: user.email, locale: user.locale, sessionVersion: user.sessionVersion },
  };
}
