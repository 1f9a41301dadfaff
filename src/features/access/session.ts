import "server-only";

import { randomBytes } from "node:crypto";

import { getIronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { isIdText } from "@/lib/ids";
import { securityNow } from "@/server/clock";
import { db } from "@/server/db";
import { sessionSecret } from "@/server/secret";

import { safeReturnPath } from "./return-path";
import { unsealSession } from "./unsealed-sessions";

export const SESSION_COOKIE = "portal_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/**
 * What the sealed cookie holds: the user and the ID of a Session row. The row
 * is what makes the cookie valid: sign-out deletes it, so every copy of this
 * cookie (another tab, a stolen one) stops working at once, while the user's
 * other browsers and bearer tokens keep theirs. A cookie sealed before
 * sessions had rows carries no session ID and reads as signed out.
 */
type SessionData = { userId?: string; sessionId?: string };
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

/** A session row's expiry: the cookie's own lifetime, on the real clock (iron-session's), never SIM_NOW. */
function sessionExpiry(from: Date): Date {
  return new Date(from.getTime() + SESSION_TTL_SECONDS * 1000);
}

/** Signs a user in on this browser: a new Session row, its ID sealed into the cookie. Expired rows are pruned. */
export async function startSession(user: { id: string }): Promise<void> {
  const id = randomBytes(32).toString("base64url");
  // Real time: a session must end 8 hours after sign-in whatever the simulator clock reads.
  const createdAt = securityNow();
  await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lte: createdAt } } }),
    db.session.create({ data: { id, userId: user.id, createdAt, expiresAt: sessionExpiry(createdAt) } }),
  ]);
  const s = await writableSession();
  s.userId = user.id;
  s.sessionId = id;
  await s.save();
}

/**
 * "Sign out everywhere": ends every session of this user, on every device, and
 * every bearer token (they carry the session version, which moves on).
 */
export async function endAllSessions(userId: string): Promise<void> {
  await db.$transaction([
    db.session.deleteMany({ where: { userId } }),
    db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
  ]);
}

/** The session ID and user a cookie names, or null when it names none (signed out, tampered, old format). */
async function cookieSession(): Promise<{ userId: string; sessionId: string } | null> {
  const seal = (await cookies()).get(sessionCookieName())?.value;
  if (!seal) return null;
  let data: SessionData;
  try {
    data = await unsealSession(seal, { password: sessionSecret(), ttl: SESSION_TTL_SECONDS });
  } catch {
    return null;
  }
  const { userId, sessionId } = data;
  // A seal whose payload is not the expected shape (another app's, an older format) is no session;
  // nor is an ID with a NUL, which PostgreSQL would refuse with an error instead of finding nothing.
  if (typeof userId !== "string" || !userId || !isIdText(userId)) return null;
  if (typeof sessionId !== "string" || !sessionId || !isIdText(sessionId)) return null;
  return { userId, sessionId };
}

/** Sign-out: this browser's session ends (its row is deleted, so any copy of the cookie is refused); others stay. */
export async function endSession(): Promise<void> {
  const named = await cookieSession();
  if (named) await db.session.deleteMany({ where: { id: named.sessionId, userId: named.userId } });
  (await writableSession()).destroy();
}

/** Sign out everywhere from this browser: all of the signed-in user's sessions and tokens end. */
export async function endEverySession(): Promise<void> {
  const user = await currentUser();
  if (user) await endAllSessions(user.id);
  (await writableSession()).destroy();
}

/**
 * The signed-in user, or null. A tampered, expired or foreign cookie unseals
 * to an empty session, which simply means signed out. One indexed read: the
 * session row by its ID, joined to its user.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const named = await cookieSession();
  if (!named) return null;
  const session = await db.session.findUnique({
    where: { id: named.sessionId },
    select: {
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, displayName: true, worldId: true } },
    },
  });
  // Ended by a sign-out (here or everywhere), past its lifetime, or sealed for someone else.
  if (!session || session.userId !== named.userId || session.expiresAt <= securityNow()) return null;
  const { user } = session;
  return { id: user.id, email: user.email, displayName: user.displayName, worldId: user.worldId };
});

/** For pages: the user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const requested = safeReturnPath((await headers()).get("x-portal-path"));
  redirect(requested === "/" ? "/signin" : `/signin?returnTo=${encodeURIComponent(requested)}`);
}
