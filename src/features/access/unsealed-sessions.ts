import "server-only";

import { unsealData } from "iron-session";

/**
 * Session cookies already unsealed, by their exact sealed value. Unsealing derives two keys
 * with PBKDF2 and checks an HMAC through WebCrypto, on every page: ~7% of an empty portal
 * page's server CPU in a profile (docs/performance.md). A hit needs the very string that a full
 * unseal has verified, so it trusts nothing new; an entry lives until the seal's own expiry
 * (iron's, on the real clock, not the simulator's) and ten minutes at most, and the oldest
 * entries go first past MAX_ENTRIES.
 */
const MAX_ENTRIES = 1_000;
const MAX_AGE_MS = 10 * 60 * 1000;
const unsealed = new Map<string, { data: Record<string, unknown>; until: number }>();

/** When an iron seal expires (ms since the epoch), from its sixth field, or null if it does not say. */
export function sealExpiry(seal: string): number | null {
  const expiry = Number(seal.split("~")[0].split("*")[5]);
  return Number.isFinite(expiry) && expiry > 0 ? expiry : null;
}

/** The seal's data, or {} when it is expired, tampered or sealed with another password (iron-session's own rules). */
export async function unsealSession(
  seal: string,
  options: { password: string; ttl: number },
): Promise<Record<string, unknown>> {
  const now = Date.now();
  const known = unsealed.get(seal);
  if (known && known.until > now) return known.data;
  unsealed.delete(seal);
  const data = await unsealData<Record<string, unknown>>(seal, options);
  const expiry = sealExpiry(seal);
  if (expiry !== null && expiry > now && Object.keys(data).length > 0) {
    if (unsealed.size >= MAX_ENTRIES) unsealed.delete(unsealed.keys().next().value!);
    unsealed.set(seal, { data, until: Math.min(expiry, now + MAX_AGE_MS) });
  }
  return data;
}
