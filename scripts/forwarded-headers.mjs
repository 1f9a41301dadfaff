// Preloaded into every production server (`--import`, scripts/server-node-flags.mjs): runs for each
// incoming request before Next.js sees it, where the socket is still at hand.
//
// - X-Forwarded-For, -Host, -Proto and -Port are removed unless the socket's peer is one of
//   TRUSTED_PROXIES: a client talking to the server directly cannot pick the address the sign-in
//   throttle counts, nor the host that Location headers and links are built from. Next.js then fills
//   them with what the socket says (its address, the Host header, http).
// - The peer's address is recorded in a header of ours (PEER_HEADER, a client's copy overwritten), so
//   that the app still knows which hop it talked to when a trusted proxy's X-Forwarded-For is kept
//   (Next.js keeps a client's X-Forwarded-For instead of adding the socket's address to it).
//
// Node publishes "http.server.request.start" synchronously just before the server's "request" event,
// so every request passes here first, on every server Next.js creates.
import diagnosticsChannel from "node:diagnostics_channel";

import {
  FORWARDED_HEADERS,
  isTrustedProxy,
  parseTrustedProxies,
  PEER_HEADER,
  PRELOAD_MARK,
} from "../src/server/trusted-proxies.mjs";

// Parsed once, at start: a wrong TRUSTED_PROXIES stops the server here with the entry named.
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

/** @param {{ request: import("node:http").IncomingMessage, socket: import("node:net").Socket }} message */
function onRequestStart({ request, socket }) {
  const peer = socket.remoteAddress ?? "";
  if (!isTrustedProxy(trusted, peer)) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  request.headers[PEER_HEADER] = peer;
}

diagnosticsChannel.subscribe("http.server.request.start", onRequestStart);
globalThis[PRELOAD_MARK] = true;
