// @ts-check
// Who may speak for the client: the rules behind TRUSTED_PROXIES. Plain JavaScript with no dependency
// beyond Node, because two sides share it: the production server's preload
// (scripts/forwarded-headers.mjs), which runs before Next.js and sees the socket, and the app
// (src/server/forwarded.ts), which sees only headers.
import { BlockList, isIP } from "node:net";

/**
 * The socket's address as the preload saw it, in a header of ours. The preload sets it on every
 * request (overwriting anything a client sent under that name); the app believes it only when the
 * preload runs in its process (PRELOAD_MARK).
 */
export const PEER_HEADER = "x-portal-socket-peer";

/** Set on globalThis by the preload: the app's proof that PEER_HEADER was written by the preload, not a client. */
export const PRELOAD_MARK = Symbol.for("azure-billing-portal.socket-peer-recorded");

/**
 * What only a proxy may say about the client. Removed by the preload unless the socket's peer is a
 * trusted proxy; Next.js then fills them with the socket's own view (address, Host, http).
 */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * An address in one canonical form, or null when it is none: "[::1]:443" and "::1", "1.2.3.4:80"
 * and "1.2.3.4", "::ffff:1.2.3.4" (an IPv4 client of a dual-stack socket) and "1.2.3.4" are the
 * same client, so they must count as one for the throttle and match the same rules.
 * @param {string} text
 * @returns {string | null}
 */
export function normalizeAddress(text) {
  let address = text.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, ""); // an IPv6 zone (fe80::1%eth0) names an interface, not a host
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address : null;
}

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces; none when
 * unset or empty. A wrong entry throws: the preload parses it at start, so a typo stops the server
 * instead of silently trusting nobody (or everybody).
 * @param {string | undefined} setting
 * @returns {BlockList}
 */
export function parseTrustedProxies(setting) {
  const list = new BlockList();
  for (const entry of (setting ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [addressText, prefixText, ...rest] = entry.split("/");
    const address = normalizeAddress(addressText);
    const family = address ? isIP(address) : 0;
    const maxPrefix = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
    if (!address || rest.length > 0 || prefix < 0 || prefix > maxPrefix)
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32)`,
      );
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/**
 * @param {BlockList} trusted
 * @param {string | null | undefined} address
 */
export function isTrustedProxy(trusted, address) {
  const normalized = address ? normalizeAddress(address) : null;
  return normalized !== null && trusted.check(normalized, isIP(normalized) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client behind a chain of proxies: the hops are the X-Forwarded-For entries, then the socket's
 * peer. Walking from the right, each trusted proxy vouches for the hop before it; the first hop that
 * is not a trusted proxy is the client (anything left of it was written by the client and proves
 * nothing). An untrusted peer is itself the client, whatever X-Forwarded-For says.
 * @param {string} peer
 * @param {string | null} forwardedFor
 * @param {BlockList} trusted
 * @returns {string}
 */
export function clientFromChain(peer, forwardedFor, trusted) {
  const hops = [...(forwardedFor ?? "").split(","), peer].map((hop) => hop.trim()).filter(Boolean);
  let index = hops.length - 1;
  while (index > 0 && isTrustedProxy(trusted, hops[index])) index--;
  const hop = hops[index] ?? "";
  return normalizeAddress(hop) ?? hop;
}
