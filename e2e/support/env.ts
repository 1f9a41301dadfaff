/**
 * What the e2e web server runs with — shared by playwright.config.ts (which
 * starts scripts/e2e-server.mjs with it) and by specs that need to know it,
 * e.g. to open the server's database and check what a journey wrote.
 */
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const E2E_HOST = "127.0.0.1";
/** 3100 unless E2E_PORT says otherwise (e.g. to run a second checkout's e2e tests beside this one's). */
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://${E2E_HOST}:${E2E_PORT}`;

/** The simulator clock of the e2e server; the demo world is seeded around it. */
export const E2E_SIM_NOW = "2026-11-20T09:00:00.000Z";

/** A fixed 64-character session key: cookies stay valid across server restarts of one run. */
export const E2E_SESSION_SECRET = "e2e-only-session-secret/not-for-production/0123456789abcdefghijk";

/**
 * The throwaway database: deleted and recreated by scripts/e2e-server.mjs at
 * every start. It lives outside the repo (Playwright empties its output folder
 * at start, possibly under a running server) and is named after the checkout,
 * so two clones on one machine do not share it.
 */
export const E2E_DATABASE_FILE = path.join(
  os.tmpdir(),
  `azure-billing-e2e-${createHash("sha256").update(repoRoot).digest("hex").slice(0, 10)}`,
  "portal.db",
);

/**
 * The e2e server's control API token (worlds and test clocks, docs/worlds.md): playwright.config.ts gives it to
 * the server and to the test runner, whose fixtures (e2e/support/worlds.ts) send it.
 */
export const E2E_CONTROL_TOKEN = "e2e-only-control-token/not-for-production/0123456789";

export const e2eServerEnv: Record<string, string> = {
  NODE_ENV: "production",
  HOST: E2E_HOST,
  PORT: String(E2E_PORT),
  SIM_NOW: E2E_SIM_NOW,
  DATABASE_URL: `file:${E2E_DATABASE_FILE}`,
  SESSION_SECRET: E2E_SESSION_SECRET,
  PAYMENT_DELAY_MS: "0",
  SIM_CONTROL_TOKEN: E2E_CONTROL_TOKEN,
  NEXT_TELEMETRY_DISABLED: "1",
};
