import "server-only";

/**
 * The simulator's clock. `SIM_NOW` (an ISO date-time) fixes "now" for
 * tests and demos; otherwise it is the real time. What a user sees (due, past
 * due, card expiry, rate limits) asks world-clock.ts, which is this clock for
 * the default demo world and the world's own test clock for a world made by
 * the control API. Sign-in throttling and token lifetimes ask this module
 * directly: they protect the server, whatever world the caller is in.
 */
export function now(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env.SIM_NOW?.trim();
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`SIM_NOW must be an ISO date-time such as 2026-11-27T09:00:00Z (got "${fixed}").`);
  }
  return date;
}
