import { sealData } from "iron-session";

import { SESSION_COOKIE, SESSION_TTL_SECONDS, sessionOptions } from "@/features/access/session";
import type { Db } from "@/server/db/client";

import { cookieJar, resetNextRequest } from "./next-request";

/** The session cookie value sign-in would leave for this user now (user ID and current session version). */
export async function sessionCookieFor(db: Db, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return sealData(
    { userId: user.id, sessionVersion: user.sessionVersion },
    { password: sessionOptions().password, ttl: SESSION_TTL_SECONDS },
  );
}

/** A fresh request signed in as this user (the faked next/headers cookie jar holds the cookie). */
export async function signInAs(db: Db, email: string): Promise<void> {
  resetNextRequest();
  cookieJar.set(SESSION_COOKIE, await sessionCookieFor(db, email), { httpOnly: true, path: "/", sameSite: "lax" });
}
