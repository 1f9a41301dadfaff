import { randomBytes } from "node:crypto";

import { sealData } from "iron-session";

import { SESSION_COOKIE, SESSION_TTL_SECONDS, sessionOptions } from "@/features/access/session";
import type { Db } from "@/server/db/client";

import { cookieJar, resetNextRequest } from "./next-request";

/** The session cookie value sign-in would leave for this user now: a new Session row, its ID sealed with the user's. */
export async function sessionCookieFor(db: Db, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const sessionId = randomBytes(32).toString("base64url");
  const createdAt = new Date();
  await db.session.create({
    data: {
      id: sessionId,
      userId: user.id,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + SESSION_TTL_SECONDS * 1000),
    },
  });
  return sealData({ userId: user.id, sessionId }, { password: sessionOptions().password, ttl: SESSION_TTL_SECONDS });
}

/** A fresh request signed in as this user (the faked next/headers cookie jar holds the cookie). */
export async function signInAs(db: Db, email: string): Promise<void> {
  resetNextRequest();
  cookieJar.set(SESSION_COOKIE, await sessionCookieFor(db, email), { httpOnly: true, path: "/", sameSite: "lax" });
}
