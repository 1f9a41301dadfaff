import "server-only";

import { getIronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { db } from "@/server/db";
import { sessionSecret } from "@/server/secret";

import { safeReturnPath } from "./return-path";

export const SESSION_COOKIE = "portal_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

type SessionData = { userId?: string };
export type SessionUser = { id: string; email: string; displayName: string };

export function sessionOptions(): SessionOptions {
  return {
    password: sessionSecret(),
    cookieName: SESSION_COOKIE,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Browsers treat localhost as secure, so Secure works for local use too;
      // SESSION_COOKIE_SECURE=false serves plain HTTP on another host name.
      secure: process.env.NODE_ENV === "production" && process.env.SESSION_COOKIE_SECURE !== "false",
    },
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
    (await cookies()).delete(SESSION_COOKIE);
    return session();
  }
}

export async function startSession(userId: string): Promise<void> {
  const s = await writableSession();
  s.userId = userId;
  await s.save();
}

export async function endSession(): Promise<void> {
  (await writableSession()).destroy();
}

/**
 * The signed-in user, or null. A tampered, expired or foreign cookie unseals
 * to an empty session, which simply means signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  let userId: string | undefined;
  try {
    userId = (await session()).userId;
  } catch {
    return null;
  }
  // A seal whose payload is not the expected shape (another app's, an older format) is no session.
  if (typeof userId !== "string" || !userId) return null;
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, displayName: true } });
});

/** For pages: the user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const requested = safeReturnPath((await headers()).get("x-portal-path"));
  redirect(requested === "/" ? "/signin" : `/signin?returnTo=${encodeURIComponent(requested)}`);
}
