import "server-only";

/**
 * The simulator's one clock. `SIM_NOW` (an ISO date-time) fixes "now" for
 * tests and demos; otherwise it is the real time. Every rule that depends on
 * time (due, past due, card expiry, rate limits) asks this module.
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
