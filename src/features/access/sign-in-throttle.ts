import "server-only";

import { randomUUID } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import { securityNow } from "@/server/clock";
import { db, type Tx } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

/**
 * Sign-in throttle, after OWASP's Authentication cheat sheet and ASVS V2.2:
 * guessing is slowed down without letting anyone lock the owner out.
 *
 * - Hard limits, in a sliding window: MAX_FAILURES_PER_ACCOUNT_ADDRESS failed
 *   checks per (account, client address), and MAX_FAILURES_PER_ADDRESS per
 *   address over all accounts (not counting accounts that address signed in
 *   to before). A guesser is stopped where it guesses from, not everywhere.
 * - Across addresses the account gets a growing delay, not a refusal: past
 *   ACCOUNT_DELAY_AFTER failures in the window, each attempt from an address
 *   or browser the account does not know takes its turn, spaced
 *   ACCOUNT_DELAY_BASE_MS × 2^n apart (at most ACCOUNT_DELAY_MAX_MS). The
 *   attempt waits for its turn before its hash, holding no hash slot and no
 *   transaction; one whose turn is more than MAX_TURN_WAIT_MS away (a flood)
 *   is told to try again in that many seconds.
 * - A known device (a browser that signed in to the account: known-device.ts)
 *   is limited only by its own failures, MAX_FAILURES_PER_DEVICE; a known
 *   address (one the account signed in from: the token endpoint has no
 *   browser) skips the account-wide delay and the all-accounts limit.
 *
 * Each attempt is recorded in SignInAttempt *before* its hash, in one
 * transaction that counts it with the others (PostgreSQL takes turns, SQLite's
 * first write takes its one write lock): a burst is admitted one by one and
 * the attempts past a limit cost no hash. A success deletes its own row and
 * the failures of its address (or device) for that account — not those of
 * other addresses. Real time (securityNow), never the simulator's clock: a
 * clock fixed by SIM_NOW would never lift a lockout. In the database, so the
 * limits hold across restarts and across servers sharing it.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_DEVICE = 5;
export const ACCOUNT_DELAY_AFTER = 5;
export const ACCOUNT_DELAY_BASE_MS = 500;
export const ACCOUNT_DELAY_MAX_MS = 4_000;
export const MAX_TURN_WAIT_MS = 8_000;
/** How long an address an account signed in from stays known. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
/** Expired rows are swept at most this often per process, at most SWEEP_LIMIT a table each time. */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_LIMIT = 1_000;

/** Where an attempt comes from: the client's address, and its known-device ID for this email (or null). */
export type SignInSource = { address: string; device: string | null };

export type SignInAttempt =
  { admitted: true; id: string; waitMs: number } | { admitted: false; retryAfterSeconds: number };

class Throttled extends Error {
  constructor(readonly retryAt: number) {
    super("throttled");
  }
}

/** The client's address (the socket's, or a trusted proxy's word for it): src/server/forwarded.ts. */
export { clientAddress } from "@/server/forwarded";

/** The account-wide delay between attempts from unknown places, once `failures` are in the window. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(ACCOUNT_DELAY_BASE_MS * 2 ** (failures - ACCOUNT_DELAY_AFTER), ACCOUNT_DELAY_MAX_MS);
}

/** Refuses (Throttled) when `where` already holds `limit` rows in the window: retry when the oldest leaves it. */
async function underLimit(tx: Tx, where: Prisma.SignInAttemptWhereInput, limit: number): Promise<void> {
  if ((await tx.signInAttempt.count({ where })) < limit) return;
  const oldest = await tx.signInAttempt.findFirstOrThrow({ where, orderBy: { createdAt: "asc" } });
  throw new Throttled(oldest.createdAt.getTime() + SIGN_IN_WINDOW_MS);
}

/** Records an attempt before its password check, or says how long to wait. `waitMs`: its turn, if delayed. */
export async function beginSignInAttempt(
  email: string,
  { address, device }: SignInSource,
  at: number = securityNow().getTime(),
): Promise<SignInAttempt> {
  await sweepExpiredSignInRows(at);
  const since = new Date(at - SIGN_IN_WINDOW_MS);
  const inWindow = { createdAt: { gt: since } };
  const id = randomUUID();
  try {
    const turn = await db.$transaction(async (tx) => {
      // Attempts on one email, or from one address, count one after another: PostgreSQL takes turns
      // (locks.ts); on SQLite this first write takes the one write lock. It prunes both's expired rows.
      await takeTurns(tx, `sign-in:email:${email}`, `sign-in:address:${address}`);
      await tx.signInAttempt.deleteMany({ where: { OR: [{ email }, { address }], createdAt: { lte: since } } });
      const knownAddress = await tx.knownSignInAddress.findFirst({
        where: { email, address, lastSignedInAt: { gt: new Date(at - KNOWN_ADDRESS_MS) } },
        select: { email: true },
      });
      if (device) await underLimit(tx, { email, device, ...inWindow }, MAX_FAILURES_PER_DEVICE);
      else {
        await underLimit(tx, { email, address, device: null, ...inWindow }, MAX_FAILURES_PER_ACCOUNT_ADDRESS);
        if (!knownAddress) await underLimit(tx, { address, device: null, ...inWindow }, MAX_FAILURES_PER_ADDRESS);
      }
      const trusted = device !== null || knownAddress !== null;
      let turn = at;
      if (!trusted) {
        const delay = accountDelayMs(await tx.signInAttempt.count({ where: { email, ...inWindow } }));
        if (delay > 0) {
          const last = await tx.signInAttempt.findFirst({
            where: { email, trusted: false, ...inWindow },
            orderBy: { createdAt: "desc" },
          });
          turn = Math.max(at, (last?.createdAt.getTime() ?? at) + delay);
          if (turn - at > MAX_TURN_WAIT_MS) throw new Throttled(turn - MAX_TURN_WAIT_MS);
        }
      }
      // A delayed attempt is recorded at its turn, so the next one is spaced after it.
      await tx.signInAttempt.create({ data: { id, email, address, device, trusted, createdAt: new Date(turn) } });
      return turn;
    });
    return { admitted: true, id, waitMs: turn - at };
  } catch (error) {
    if (!(error instanceof Throttled)) throw error;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((error.retryAt - at) / 1000)) };
  }
}

/** The attempt was never checked (no hash slot was free): it does not count. */
export async function forgetSignInAttempt(attemptId: string): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { id: attemptId } });
}

/**
 * The password was right: this attempt and the earlier failures from this address (or, from a known
 * device, that device's) on the account no longer count, and the address is known to the account.
 * Failures from other addresses stay: the owner signing in does not reset a guesser's limit.
 */
export async function signInSucceeded(
  attemptId: string,
  email: string,
  { address, device }: SignInSource,
  at: number = securityNow().getTime(),
): Promise<void> {
  const lastSignedInAt = new Date(at);
  // A known device's success clears that device's failures only: not those of others at its address.
  const mine: Prisma.SignInAttemptWhereInput = device ? { email, device } : { email, address, device: null };
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.deleteMany({ where: { OR: [{ id: attemptId }, mine] } });
    await tx.knownSignInAddress.upsert({
      where: { email_address: { email, address } },
      create: { email, address, lastSignedInAt },
      update: { lastSignedInAt },
    });
  });
}

let lastSweep = 0;

/**
 * Deletes attempts past the window and addresses unknown for KNOWN_ADDRESS_MS, at most SWEEP_LIMIT
 * of each, at most once a minute per process (`force`: now). Each attempt already prunes its own
 * email's and address's rows; this catches the emails and addresses nobody tries again.
 */
export async function sweepExpiredSignInRows(at: number, force = false): Promise<void> {
  if (!force && at - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = at;
  const attempts = await db.signInAttempt.findMany({
    where: { createdAt: { lte: new Date(at - SIGN_IN_WINDOW_MS) } },
    select: { id: true },
    take: SWEEP_LIMIT,
  });
  if (attempts.length) await db.signInAttempt.deleteMany({ where: { id: { in: attempts.map((row) => row.id) } } });
  const addresses = await db.knownSignInAddress.findMany({
    where: { lastSignedInAt: { lte: new Date(at - KNOWN_ADDRESS_MS) } },
    select: { email: true, address: true },
    take: SWEEP_LIMIT,
  });
  if (addresses.length) await db.knownSignInAddress.deleteMany({ where: { OR: addresses } });
}
