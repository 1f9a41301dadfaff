// @ts-check
// Preloaded into the production server when HTTPS_PORT is set (scripts/server-node-flags.mjs): the same
// Next.js server also answers over TLS on HTTPS_PORT, with the certificate of the simulator's local CA
// (scripts/lib/local-ca.mjs).
//
// No proxy hop: a TLS listener in the same process hands each decrypted connection to the very HTTP
// server `next start` created (an HTTP server parses any duplex stream it is given; Node's own HTTPS
// server is a TLS server feeding the same parser). So the request's socket is the TLS socket: Next.js
// sees `socket.encrypted` and builds request.url with https, the forwarded-headers preload sees the
// real peer, and no client-sent X-Forwarded-Proto is needed or believed.
import http from "node:http";
import tls from "node:tls";

import { ensureLocalCertificates } from "./lib/local-ca.mjs";

const port = Number(process.env.HTTPS_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  throw new Error(`HTTPS_PORT must be a port number, not "${process.env.HTTPS_PORT}"`);

const certificates = ensureLocalCertificates();
const createServer = http.createServer;
let attached = false;

/** @param {import("node:http").Server} server */
function serveTlsThrough(server) {
  const secure = tls.createServer({
    key: certificates.key,
    cert: certificates.cert,
    // HTTP/1.1 only: the connection is handed to an HTTP/1 parser.
    ALPNProtocols: ["http/1.1"],
  });
  secure.on("secureConnection", (socket) => server.emit("connection", socket));
  // A client that drops the handshake is its own problem, not the server's.
  secure.on("tlsClientError", (_error, socket) => socket.destroy());
  server.once("listening", () => {
    const address = server.address();
    const host = address && typeof address === "object" ? address.address : "127.0.0.1";
    secure.listen(port, host, () => {
      const shown = host === "127.0.0.1" || host === "::1" || host === "::" || host === "0.0.0.0" ? "localhost" : host;
      console.log(`HTTPS: https://${shown}:${port} (certificate authority: ${certificates.caPath})`);
    });
  });
  secure.on("error", (error) => {
    console.error(`HTTPS_PORT ${port}: ${error.message}`);
    process.exit(1);
  });
  server.once("close", () => secure.close());
}

// `next start` creates one HTTP server: the first one created is the portal's.
http.createServer = /** @type {typeof http.createServer} */ (
  function (/** @type {any[]} */ ...args) {
    const server = Reflect.apply(createServer, http, args);
    if (!attached) {
      attached = true;
      serveTlsThrough(server);
    }
    return server;
  }
);
