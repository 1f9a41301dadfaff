import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { dataDir } from "./data-dir";

type Env = Record<string, string | undefined>;

const cache = new Map<string, string>();

/**
 * Where an installation secret lives: the data directory (DATA_DIR, default ./data: data-dir.ts), so nothing is
 * written into the application folder. A file an older version generated in the working directory is still read
 * where it is (never moved: the application folder may be read-only, and another server may be reading it), so
 * an upgrade keeps everyone signed in and every card fingerprint valid.
 */
export function installationSecretFile(fileName: string, env: Env = process.env, cwd = process.cwd()): string {
  const legacy = path.join(cwd, fileName);
  if (fs.existsSync(legacy)) return legacy;
  return path.join(path.resolve(cwd, dataDir(env)), fileName);
}

/**
 * A secret of this installation: generated on first use into an ignored file
 * (mode 0600) in the data directory, and read back by every later process — the
 * server, `db:setup`'s seeding, a second server on the same files. Two
 * processes starting at once agree on one value: it is written to a temporary
 * file first and linked into place, which fails if the other was faster.
 * The value is never logged.
 */
export function installationSecret(fileName: string, env: Env = process.env, cwd = process.cwd()): string {
  const file = installationSecretFile(fileName, env, cwd);
  const known = cache.get(file);
  if (known) return known;
  let value = readSecret(file);
  if (!value) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(temporary, randomBytes(32).toString("hex"), { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    value = readSecret(file);
    if (!value) throw new Error(`${file} is empty: delete it to generate a new secret.`);
  }
  cache.set(file, value);
  return value;
}

function readSecret(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The key that seals session cookies: SESSION_SECRET (at least 32 characters)
 * when set; otherwise this installation's `.session-secret` (in the data directory), so restarting a
 * developer's portal keeps everyone signed in.
 */
export function sessionSecret(env: Env = process.env): string {
  const fromEnv = env.SESSION_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  return installationSecret(".session-secret", env);
}

/**
 * The key the portal used for card fingerprints until a security review moved it out of the code. It is printed in
 * the repository, so a fingerprint made with it gives the card number back by brute force: it is
 * refused outside tests, which keep it only to prove that recovery works with it.
 */
export const PUBLISHED_CARD_FINGERPRINT_KEY = "azure-billing-sim/card-fingerprint/v1";

/**
 * The key of the card fingerprint HMAC: CARD_FINGERPRINT_KEY (at least 32
 * characters) when set; otherwise this installation's `.card-fingerprint-key`.
 * It lives outside the database on purpose: with brand, last four and expiry
 * stored, a fingerprint under a known key is the card number (about 10⁵
 * candidates once the issuer prefix is known).
 */
export function cardFingerprintKey(env: Env = process.env): string {
  const fromEnv = env.CARD_FINGERPRINT_KEY?.trim();
  if (fromEnv) {
    if (fromEnv === PUBLISHED_CARD_FINGERPRINT_KEY) {
      if (env.NODE_ENV === "test") return fromEnv;
      throw new Error(
        "CARD_FINGERPRINT_KEY is the key published in the repository: it would let anyone with the database recover card numbers. Unset it (a key is generated) or choose a secret of at least 32 characters.",
      );
    }
    if (fromEnv.length < 32) throw new Error("CARD_FINGERPRINT_KEY must be at least 32 characters long.");
    return fromEnv;
  }
  return installationSecret(".card-fingerprint-key", env);
}
