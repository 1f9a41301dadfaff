// What every part of `npm run bench` shares: where it works, its options and fixed settings,
// the environment the measured app runs with, and how it runs a step.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";

export const root = process.cwd();
export const work = path.join(root, "bench", ".work");
/**
 * Where the measured build lives: its own copy under the OS temp dir, or BENCH_APP_DIR, a
 * checkout already built with `next build` that the bench then serves as it is (never copies,
 * builds or deletes it): quick profiles of work in progress.
 */
export const existingBuild = Boolean(process.env.BENCH_APP_DIR);
export const appDir = existingBuild
  ? path.resolve(process.env.BENCH_APP_DIR)
  : path.join(os.tmpdir(), `azure-billing-bench-${createHash("sha256").update(root).digest("hex").slice(0, 8)}`, "app");
const argv = process.argv.slice(2);
export const flag = (name) => argv.includes(`--${name}`);
export const option = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];

export const QUICK = flag("quick");
export const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 4 : 15));
export const WARMUP = Number(process.env.BENCH_WARMUP ?? (QUICK ? 2 : 10));
/** The page rows' warm-up is cut into this many turns, taking turns like the measured rounds (load.mjs). */
export const WARMUP_TURNS = 2;
export const CONNECTIONS = 10;
export const SIM_NOW = "2026-11-20T09:00:00.000Z";
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const DEADLINE_MIN = Number(process.env.BENCH_DEADLINE_MIN ?? 45);
export const SESSION_SECRET = randomBytes(32).toString("hex");
export const PAYABLE_MONTHS = 110;
export const SIZES = [
  { key: "1k", invoices: 1_000, profiles: 8 },
  { key: "100k", invoices: 100_000, profiles: 98 },
].filter((size) => !option("sizes") || option("sizes").split(",").includes(size.key));
/** The deep grid view: past-due invoices of the last 24 months, largest first, page 50. */
export const DEEP_QUERY = { status: "pastDue", timespan: "24m", sort: "amount", dir: "desc" };
export const DEEP_PAGE = 50;

export const log = (message) => console.log(`bench: ${message}`);

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    ...options,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
  return result;
}

/** The measured server's environment (also for the app's own scripts run on its database: a file: or postgresql: URL). */
export function serverEnv(url, port) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    SESSION_SECRET,
    SESSION_COOKIE_SECURE: "false",
    PAYMENT_DELAY_MS: "0",
    SIM_NOW,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
}
