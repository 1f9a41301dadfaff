import "server-only";

import bcrypt from "bcryptjs";

import { db } from "@/server/db";

// Compared against when the email is unknown, so both failures take as long.
const UNKNOWN_USER_HASH = bcrypt.hashSync("no such user", 10);

export type VerifiedUser = { id: string; email: string; locale: string | null; sessionVersion: number };

/**
 * The one password check of the portal: the sign-in form and the token
 * endpoint (POST /oauth2/token) both ask it, so they accept exactly the same
 * credentials. An unknown email and a wrong password give the same null, in
 * the same time: no account enumeration.
 */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, passwordHash: true, locale: true, sessionVersion: true },
  });
  const passwordMatches = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !passwordMatches) return null;
  return { id: user.id, email: user.email, locale: user.locale, sessionVersion: user.sessionVersion };
}
