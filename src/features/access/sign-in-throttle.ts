import "server-only";

import { randomUUID } from "node:crypto";

import { now } from "@/server/clock";
import { db } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

/**
 * Sign-in throttle (review finding 2): at most MAX_PER_ACCOUNT failed password
 * checks per email and MAX_PER_ADDRESS per client address in a sliding window.
 * Each check is recorded in SignInAttempt *before* the password is hashed, in
 * a transaction that counts it with the others: a burst of parallel guesses
 * is admitted one by one, and the ones past the limit are refused without
 * costing a hash. A success deletes its row and the email's earlier failures.
 * Kept in the database, so it holds across restarts and across servers
 * sharing it; time comes from the simulator clock like every other rule.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInAttempt = { admitted: true; id: string } | { admitted: false; retryAfterSeconds: number };

class Throttled extends Error {
  constructor(readonly retryAt: Date) {
    super("throttled");
  }
}

/**
 * The client's address as the server saw it: Next sets X-Forwarded-For to the
 * socket's address when the client sent none, and a reverse proxy in front
 * appends the address it saw, so the last entry is the nearest hop's view.
 * (A client talking to the server directly can still send its own header: the
 * per-account limit does not depend on it.)
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : "unknown";
}

/** Records an attempt before its password check, or says how long to wait. */
export async function beginSignInAttempt(email: string, address: string): Promise<SignInAttempt> {
  const at = now();
  const since = new Date(at.getTime() - SIGN_IN_WINDOW_MS);
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      // Attempts on one email, or from one address, count one after another: PostgreSQL takes turns
      // (locks.ts); on SQLite the insert below takes the one write lock.
      await takeTurns(tx, `sign-in:email:${email}`, `sign-in:address:${address}`);
      await tx.signInAttempt.create({ data: { id, email, address, createdAt: at } });
      for (const [where, limit] of [
        [{ email }, MAX_FAILURES_PER_ACCOUNT],
        [{ address }, MAX_FAILURES_PER_ADDRESS],
      ] as const) {
        const inWindow = { ...where, createdAt: { gt: since } };
        if ((await tx.signInAttempt.count({ where: inWindow })) <= limit) continue;
        const oldest = await tx.signInAttempt.findFirstOrThrow({ where: inWindow, orderBy: { createdAt: "asc" } });
        throw new Throttled(new Date(oldest.createdAt.getTime() + SIGN_IN_WINDOW_MS));
      }
    });
  } catch (error) {
    if (!(error instanceof Throttled)) throw error;
    return {
      admitted: false,
      retryAfterSeconds: Math.max(1, Math.ceil((error.retryAt.getTime() - at.getTime()) / 1000)),
    };
  }
  return { admitted: true, id };
}

/** The password was right: this attempt and the account's earlier failures no longer count. */
export async function signInSucceeded(attemptId: string, email: string): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { OR: [{ id: attemptId }, { email }] } });
}
