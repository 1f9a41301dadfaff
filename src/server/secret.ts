import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const LOCAL_SECRET_FILE = path.join(process.cwd(), ".session-secret");
let cached: string | undefined;

/**
 * The key that seals session cookies: SESSION_SECRET (at least 32 characters)
 * when set; otherwise one generated on first use and kept in an ignored local
 * file, so restarting a developer's portal keeps everyone signed in.
 */
export function sessionSecret(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.SESSION_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  if (cached) return cached;
  try {
    cached = fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
  } catch {
    cached = randomBytes(32).toString("hex");
    fs.writeFileSync(LOCAL_SECRET_FILE, cached, { mode: 0o600 });
  }
  return cached;
}
