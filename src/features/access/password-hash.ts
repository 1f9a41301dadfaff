import "server-only";

import { availableParallelism } from "node:os";

import bcrypt from "bcryptjs";

import { verifyOffThread } from "@/server/password-pool";

/**
 * Password checks off the event loop, and never more of them at once than the
 * machine has cores.
 *
 * bcryptjs runs on worker threads (src/server/password-pool.ts): while one
 * guess is hashed (~80 ms of CPU at cost 10), the event loop goes on serving
 * pages, which bcryptjs on the main thread did not allow. The same library
 * wrote every stored hash, so each still verifies and none needs upgrading.
 *
 * The cap: the throttle bounds the guesses per account, per address and per
 * device, but many accounts guessed from many addresses at once would each
 * pass it; unbounded, their hashes would take every core and the thread pool
 * that file and DNS work share. At most `hashConcurrency()` run at once and
 * MAX_WAITING wait their turn; past that a check is answered "busy" at once
 * (the caller asks to try again in a few seconds) instead of piling up.
 */
const MAX_WAITING = 32;
/** What a refused ("busy") check tells the caller to wait, in seconds. */
export const BUSY_RETRY_SECONDS = 2;

/** PASSWORD_HASH_CONCURRENCY, else the number of cores. */
export function hashConcurrency(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.PASSWORD_HASH_CONCURRENCY);
  if (Number.isSafeInteger(configured) && configured > 0) return configured;
  return Math.max(1, availableParallelism());
}

let running = 0;
const waiting: (() => void)[] = [];

export class HashBusy extends Error {
  constructor() {
    super("Too many password checks are waiting.");
  }
}

/**
 * Runs `work` (one hash) when a slot is free, at most hashConcurrency() at once; throws HashBusy
 * without waiting when MAX_WAITING are already queued. A counter and a queue, not a library: the
 * whole rule is these lines.
 */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= hashConcurrency()) {
    if (waiting.length >= MAX_WAITING) throw new HashBusy();
    // The slot is handed over by the one that ends (below): `running` is not decremented in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// Compared against when the email is unknown, so both failures take as long (hashed once, at load).
const UNKNOWN_USER_HASH = bcrypt.hashSync("no such user", 10);

/**
 * Whether `password` matches `storedHash` (or, with no hash, takes as long to say no). A hash the
 * library cannot read (a malformed row) is a mismatch, not an error.
 */
export async function passwordMatches(password: string, storedHash: string | null): Promise<boolean> {
  return withHashSlot(() => verifyOffThread(password, storedHash ?? UNKNOWN_USER_HASH));
}
