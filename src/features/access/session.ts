import "server-only";

import { getIronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { isIdText } from "@/lib/ids";
import { db } from "@/server/db";
import { sessionSecret } from "@/server/secret";

import { safeReturnPath } from "./return-path";
import { unsealSession } from "./unsealed-sessions";

export const SESSION_COOKIE = "portal_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/**
 * What the sealed cookie holds: the user and the user's session version when
 * it was issued. Sign-out bumps the version in the database, so every copy of
 * the cookie — another tab, a stolen one — stops working at once, not when it
 * expires 8 hours later. A cookie sealed without a version reads as version 0.
 */
type SessionData = { userId?: string; sessionVersion?: number };
/** worldId: the world the user belongs to (null: the default demo world); its clock is the user's "now". */
export type SessionUser = { id: string; email: string; displayName: string; worldId: string | null };

function secureCookies(): boolean {
  // Browsers treat localhost as secure, so Secure works for local use too;
  // SESSION_COOKIE_SECURE=false serves plain HTTP on another host name.
  return process.env.NODE_ENV === "production" && process.env.SESSION_COOKIE_SECURE !== "false";
}

/**
 * The cookie's name: `__Host-portal_session` when it is Secure. Browsers accept
 * a `__Host-` cookie only if it is Secure, for the path `/` and without a Domain,
 * so no sibling subdomain or plain-HTTP page can plant or overwrite it.
 */
export function sessionCookieName(): string {
  return secureCookies() ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function sessionOptions(): SessionOptions {
  return {
    password: sessionSecret(),
    cookieName: sessionCookieName(),
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
  };
}

async function session() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/**
 * The session for an action that rewrites the cookie. iron-session throws on
 * some malformed seals (e.g. "Wrong mac prefix") instead of returning an empty
 * session; such a cookie is dropped here, or it would make signing in and
 * signing out fail until the user cleared their cookies.
 */
async function writableSession() {
  try {
    return await session();
  } catch {
    (await cookies()).delete(sessionCookieName());
    return session();
  }
}

export async function startSession(user: { id: string; sessionVersion: number }): Promise<void> {
  const s = await writableSession();
  s.userId = user.id;
  s.sessionVersion = user.sessionVersion;
  await s.save();
}

/** Ends every session of this user, on every device (sign-out; a password change would call it too). */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Sign-out: this cookie is deleted, and any copy of it is refused from now on. */
export async function endSession(): Promise<void> {
  const user = await currentUser();
  if (user) await endAllSessions(user.id);
  (await writableSession()).destroy();
}

/**
 * The signed-in user, or null. A tampered, expired or foreign cookie unseals
 * to an empty session, which simply means signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const seal = (await cookies()).get(sessionCookieName())?.value;
  if (!seal) return null;
  let data: SessionData;
  try {
    data = await unsealSession(seal, { password: sessionSecret(), ttl: SESSION_TTL_SECONDS });
  } catch {
    return null;
  }
  const { userId } = data;
  const version = data.sessionVersion ?? 0;
  // A seal whose payload is not the expected shape (another app's, an older format) is no session;
  // nor is a user ID with a NUL, which PostgreSQL would refuse with an error instead of finding no one.
  if (typeof userId !== "string" || !userId || !isIdText(userId) || !Number.isSafeInteger(version)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, sessionVersion: true, worldId: true },
  });
  // Ended by a sign-out (here or elsewhere) since it was issued.
  if (!user || user.sessionVersion !== version) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, worldId: user.worldId };
});

/** For pages: the user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const requested = safeReturnPath((await headers()).get("x-portal-path"));
  redirect(requested === "/" ? "/signin" : `/signin?returnTo=${encodeURIComponent(requested)}`);
}
