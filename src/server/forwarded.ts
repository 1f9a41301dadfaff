// No "server-only" here: src/proxy.ts uses this module too (through src/features/access/origin.ts).
import type { BlockList } from "node:net";

import { clientFromChain, isTrustedProxy, parseTrustedProxies, PEER_HEADER, PRELOAD_MARK } from "./trusted-proxies.mjs";

/**
 * What the app believes about the client and the address it used, from the
 * request's headers. X-Forwarded-For, -Host and -Proto are believed only when
 * the socket's peer is one of TRUSTED_PROXIES (default: none). The peer is
 * known from the production server's preload (scripts/forwarded-headers.mjs),
 * which also removes those headers from any other peer. Without the preload
 * (`next dev`, unit tests) the peer is unknown, so nothing forwarded is
 * believed: the client address is "unknown" and links use Host.
 */

let parsed: { setting: string | undefined; list: BlockList } | undefined;
function trustedProxies(): BlockList {
  const setting = process.env.TRUSTED_PROXIES;
  if (parsed && parsed.setting === setting) return parsed.list;
  parsed = { setting, list: parseTrustedProxies(setting) };
  return parsed.list;
}

/** The socket's address as the preload recorded it; null where no preload runs (its header could be anyone's). */
export function socketPeer(headers: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[PRELOAD_MARK] !== true) return null;
  return headers.get(PEER_HEADER) || null;
}

function fromTrustedProxy(headers: Headers): boolean {
  return isTrustedProxy(trustedProxies(), socketPeer(headers));
}

/**
 * The client's address, for the sign-in throttle: the socket's peer, or, when
 * that is a trusted proxy, the right-most X-Forwarded-For entry that is not
 * itself a trusted proxy. "unknown" when the peer is not known.
 */
export function clientAddress(headers: Headers): string {
  const peer = socketPeer(headers);
  if (!peer) return "unknown";
  return clientFromChain(peer, headers.get("x-forwarded-for"), trustedProxies()).slice(0, 64) || "unknown";
}

const hostPattern = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** The last value of a header a proxy may have added to: the nearest (trusted) hop's word. */
const lastValue = (value: string | null) => value?.split(",").at(-1)?.trim() || null;

let publicOriginCache: { setting: string | undefined; origin: URL | null } | undefined;
/** PUBLIC_ORIGIN (e.g. https://portal.example), when set: the one origin links and the Origin check use. */
export function publicOrigin(): URL | null {
  const setting = process.env.PUBLIC_ORIGIN?.trim() || undefined;
  if (publicOriginCache && publicOriginCache.setting === setting) return publicOriginCache.origin;
  const origin = setting ? new URL(setting) : null;
  if (origin && (!/^https?:$/.test(origin.protocol) || origin.origin !== setting?.replace(/\/$/, "")))
    throw new Error(`PUBLIC_ORIGIN must be a bare http(s) origin such as https://portal.example, not "${setting}"`);
  publicOriginCache = { setting, origin };
  return origin;
}

/**
 * The origin the caller reached the portal at, for absolute URLs (Location,
 * nextLink, document links) and the Origin check: PUBLIC_ORIGIN when set;
 * else the Host header (X-Forwarded-Host from a trusted proxy) and the
 * request's protocol (X-Forwarded-Proto from a trusted proxy). A host that is
 * not a plain host name or address is ignored for the request URL's own.
 */
export function callerOrigin(request: Request): { protocol: "http:" | "https:"; host: string } {
  const configured = publicOrigin();
  if (configured) return { protocol: configured.protocol as "http:" | "https:", host: configured.host };
  const url = new URL(request.url);
  const trusted = fromTrustedProxy(request.headers);
  const host = (trusted ? lastValue(request.headers.get("x-forwarded-host")) : null) ?? request.headers.get("host");
  const proto = trusted ? lastValue(request.headers.get("x-forwarded-proto")) : null;
  return {
    host: host && hostPattern.test(host) ? host : url.host,
    protocol: proto === "http" || proto === "https" ? `${proto}:` : url.protocol === "https:" ? "https:" : "http:",
  };
}
