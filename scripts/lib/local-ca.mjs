// @ts-check
// The simulator's own certificate authority, for HTTPS_PORT: Microsoft's clients (the Azure CLI, the Python
// and JavaScript SDKs) send tokens over HTTPS only and check the server's certificate, so the simulator
// serves a certificate for localhost and 127.0.0.1 signed by a CA the user trusts once
// (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, the system store: docs/clients.md).
//
// Created on first start in the data directory (DATA_DIR, default ./data) and kept: trusting the CA once
// is enough across restarts. The CA's private key is written with mode 0600 and is never served.
// node-forge does the X.509 work; nothing is downloaded.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import forge from "node-forge";

const CA_FILE = "simulator-ca.pem";
const CA_KEY_FILE = "simulator-ca.key";
const SERVER_FILE = "localhost.pem";
const SERVER_KEY_FILE = "localhost.key";
const DAY_MS = 86_400_000;

/** The data directory (DATA_DIR, default ./data). */
export function dataDirectory(env = process.env) {
  return path.resolve(env.DATA_DIR || "data");
}

/** Where the CA certificate users trust lives. */
export const caCertificatePath = (dir = dataDirectory()) => path.join(dir, "tls", CA_FILE);

function serialNumber() {
  // Positive: a leading bit of 0 (RFC 5280 wants a positive serial).
  return `7${crypto.randomBytes(15).toString("hex")}`;
}

function makeCertificate({ subject, issuer, publicKey, signingKey, years, extensions }) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  // A day of slack before now: a client whose clock is a little behind still accepts it.
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * DAY_MS);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

function writePrivate(file, text) {
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

function createCa(dir) {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const name = [
    { name: "commonName", value: "Azure billing portal simulator local CA" },
    { name: "organizationName", value: "azure-billing-portal-sim" },
  ];
  const cert = makeCertificate({
    subject: name,
    issuer: name,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    years: 10,
    extensions: [
      { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      { name: "subjectKeyIdentifier" },
    ],
  });
  writePrivate(path.join(dir, CA_KEY_FILE), forge.pki.privateKeyToPem(keys.privateKey));
  fs.writeFileSync(path.join(dir, CA_FILE), forge.pki.certificateToPem(cert));
}

function createServerCertificate(dir) {
  const caCert = forge.pki.certificateFromPem(fs.readFileSync(path.join(dir, CA_FILE), "utf8"));
  const caKey = forge.pki.privateKeyFromPem(fs.readFileSync(path.join(dir, CA_KEY_FILE), "utf8"));
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = makeCertificate({
    subject: [{ name: "commonName", value: "localhost" }],
    issuer: caCert.subject.attributes,
    publicKey: keys.publicKey,
    signingKey: caKey,
    // Below 398 days: the longest server certificate lifetime browsers accept.
    years: 1,
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  writePrivate(path.join(dir, SERVER_KEY_FILE), forge.pki.privateKeyToPem(keys.privateKey));
  fs.writeFileSync(path.join(dir, SERVER_FILE), forge.pki.certificateToPem(cert));
}

/** True when the server certificate is missing, expires within 30 days, or was not signed by the current CA. */
function serverCertificateStale(dir) {
  const file = path.join(dir, SERVER_FILE);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(dir, SERVER_KEY_FILE))) return true;
  const cert = new crypto.X509Certificate(fs.readFileSync(file));
  const ca = new crypto.X509Certificate(fs.readFileSync(path.join(dir, CA_FILE)));
  return new Date(cert.validTo).getTime() - Date.now() < 30 * DAY_MS || !cert.verify(ca.publicKey);
}

/**
 * The CA and the server certificate, created when missing (the CA once; the server certificate again
 * when it nears its end). Returns the PEM texts the TLS server needs and the CA's path.
 * @param {string} [dir] the data directory
 * @returns {{ caPath: string, key: string, cert: string, ca: string, created: boolean }}
 */
export function ensureLocalCertificates(dir = dataDirectory()) {
  const tlsDir = path.join(dir, "tls");
  fs.mkdirSync(tlsDir, { recursive: true, mode: 0o700 });
  let created = false;
  if (!fs.existsSync(path.join(tlsDir, CA_FILE)) || !fs.existsSync(path.join(tlsDir, CA_KEY_FILE))) {
    createCa(tlsDir);
    created = true;
  }
  if (created || serverCertificateStale(tlsDir)) createServerCertificate(tlsDir);
  return {
    caPath: path.join(tlsDir, CA_FILE),
    key: fs.readFileSync(path.join(tlsDir, SERVER_KEY_FILE), "utf8"),
    cert: fs.readFileSync(path.join(tlsDir, SERVER_FILE), "utf8"),
    ca: fs.readFileSync(path.join(tlsDir, CA_FILE), "utf8"),
    created,
  };
}
