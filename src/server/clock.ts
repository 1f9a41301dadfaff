import "server-only";

/**
 * Two clocks, on purpose.
 *
 * `now()` is the simulator's clock: what the customer sees. `SIM_NOW` (an
 * ISO date-time) fixes it for tests and demos; otherwise it is the real time.
 * Invoice dates, due and past due, card expiry, payment and receipt dates and
 * the billing cycle ask world-clock.ts, which is this clock for the default
 * demo world and the world's own test clock for a world made by the control API.
 *
 * `securityNow()` is the real time, whatever SIM_NOW says: token lifetimes and
 * their checks, sign-in lockouts and throttles protect the server and its
 * accounts, and a clock that stands still would keep an expired token valid
 * and a lockout in force forever. (Payment leases go further and ask the
 * database's clock, so that servers whose clocks differ agree:
 * src/server/db/database-clock.ts.)
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

/** The real time, for security decisions (never SIM_NOW nor a world's clock: see above). */
export function securityNow(): Date {
  return new Date();
}
