import "server-only";

import { securityNow } from "@/server/clock";

/**
 * A per-user limit on multi-invoice ZIP downloads: each ZIP renders up to a
 * page of PDFs (~300 ms of CPU for 20 invoices), so a loop of them from one
 * account would take the server from everyone else. A user may start
 * ZIP_DOWNLOADS_PER_WINDOW ZIPs in any ZIP_WINDOW_MS (a sliding window, on the
 * real clock: SIM_NOW or a world's clock must not freeze or skip it); past
 * that, the route answers 429 with Retry-After. Held in this process's memory:
 * the limit protects this server's CPU, which is what a ZIP costs, and each
 * server of several counts its own.
 */
export const ZIP_DOWNLOADS_PER_WINDOW = 6;
export const ZIP_WINDOW_MS = 60_000;
/** Users remembered at most; past it, those with nothing left in the window go first, then the least recent. */
const MAX_USERS = 10_000;

/** Per user, the start times (ms) of the ZIPs still inside the window, oldest first; least recent user first. */
const started = new Map<string, number[]>();

export type ZipTurn = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts a ZIP download for the user, or says how long to wait when the window is full. */
export function takeZipTurn(userId: string, at: number = securityNow().getTime()): ZipTurn {
  const recent = (started.get(userId) ?? []).filter((time) => time > at - ZIP_WINDOW_MS);
  started.delete(userId);
  if (recent.length >= ZIP_DOWNLOADS_PER_WINDOW) {
    started.set(userId, recent);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + ZIP_WINDOW_MS - at) / 1000)) };
  }
  recent.push(at);
  started.set(userId, recent);
  if (started.size > MAX_USERS) forgetUsers(at);
  return { ok: true };
}

function forgetUsers(at: number): void {
  for (const [user, times] of started) if (times.every((time) => time <= at - ZIP_WINDOW_MS)) started.delete(user);
  for (const user of started.keys()) {
    if (started.size <= MAX_USERS) break;
    started.delete(user);
  }
}

/** For tests: forget every count. */
export function resetZipTurns(): void {
  started.clear();
}
