import "server-only";

import { setTimeout as sleep } from "node:timers/promises";

import { db } from "@/server/db";

import { knownDeviceId } from "./known-device";
import { BUSY_RETRY_SECONDS, HashBusy, passwordMatches } from "./password-hash";
import { beginSignInAttempt, forgetSignInAttempt, signInSucceeded } from "./sign-in-throttle";

export type VerifiedUser = { id: string; email: string; locale: string | null; sessionVersion: number };

export type CredentialCheck =
  { status: "verified"; user: VerifiedUser } | { status: "wrong" } | { status: "throttled"; retryAfterSeconds: number };

/** Where a check comes from: the client's address and, from a browser, its known-device cookie as sent. */
export type CredentialSource = { address: string; deviceSeal?: string };

/**
 * The one password check of the portal: the sign-in form and the token
 * endpoint (POST /oauth2/token) both ask it, so they accept exactly the same
 * credentials under the same throttle (sign-in-throttle.ts: per account and
 * address, per address, per known device, and the account-wide delay, all
 * before any hash). The hash itself runs off the event loop, a few at a time
 * (password-hash.ts). An unknown email and a wrong password give the same
 * answer, in the same time: no account enumeration.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  { address, deviceSeal }: CredentialSource,
): Promise<CredentialCheck> {
  const normalised = email.trim().toLowerCase();
  const source = { address, device: await knownDeviceId(deviceSeal, normalised) };
  const attempt = await beginSignInAttempt(normalised, source);
  if (!attempt.admitted) return { status: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  // The account-wide delay: this attempt's turn, waited for without a hash slot or a transaction.
  if (attempt.waitMs > 0) await sleep(attempt.waitMs);
  const user = await db.user.findUnique({
    where: { email: normalised },
    select: { id: true, email: true, passwordHash: true, locale: true, sessionVersion: true },
  });
  let matches: boolean;
  try {
    matches = await passwordMatches(password, user?.passwordHash ?? null);
  } catch (error) {
    if (!(error instanceof HashBusy)) throw error;
    await forgetSignInAttempt(attempt.id);
    return { status: "throttled", retryAfterSeconds: BUSY_RETRY_SECONDS };
  }
  if (!user || !matches) return { status: "wrong" };
  await signInSucceeded(attempt.id, normalised, source);
  return {
    status: "verified",
    user: { id: user.id, email: user.email, locale: user.locale, sessionVersion: user.sessionVersion },
  };
}
