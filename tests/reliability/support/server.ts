/**
 * Production servers for the reliability suite: `next start` on the existing
 * build (.next/) through the one launcher (scripts/lib/launch-server.mjs, so with
 * the production Node flags), each on a throwaway SQLite file, listening on 127.0.0.1 only,
 * on a free port in 3200-3299. Output goes to a log file under
 * test-results/reliability/ (scanned for card data at the end). Every server
 * started here is killed by stopAllServers() (afterAll) or at process exit.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { launchServer } from "../../../scripts/lib/launch-server.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const OUT_DIR = path.join(ROOT, "test-results", "reliability");
export const DB_DIR = path.join(os.tmpdir(), `azure-billing-reliability-${process.pid}`);
/** The suites run `next start` on the existing build: without one they stop at once and say why. */
export function requireProductionBuild(): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("no production build in .next/: run `npx next build` first (npm test does)");
}

export const SIM_NOW = "2026-11-20T09:00:00.000Z";
/** 64 characters; the suite seals session cookies with it (tests/reliability/support/http.ts). */
export const SESSION_SECRET = "reliability-suite-session-secret/not-for-production/0123456789ab";

export function baseEnv(dbFile: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // A database file, or a PostgreSQL URL (the multi-server cases: tests/reliability/postgresql).
    DATABASE_URL: /^postgres(ql)?:\/\//.test(dbFile) ? dbFile : `file:${dbFile}`,
    SESSION_SECRET,
    SESSION_COOKIE_SECURE: "false",
    PAYMENT_DELAY_MS: "0",
    // The background reconciler would settle the PENDING payments some cases watch; the multi-server cases turn it on.
    PAYMENT_RECONCILE_INTERVAL_MS: "0",
    SIM_NOW,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** scripts/db-setup.ts on a database file (migrate, seed if empty, reconcile PENDING payments). Returns its output. */
export function runDbSetup(dbFile: string): string {
  const result = spawnSync(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
    cwd: ROOT,
    env: baseEnv(dbFile),
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`db-setup failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

/** Copies a closed SQLite database (no WAL left behind) to a new path. */
export function copyDatabase(from: string, to: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    fs.rmSync(to + suffix, { force: true });
    if (suffix !== "-shm" && fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/** A free port in 3200-3299 (random start, so parallel runs rarely collide). */
export async function freePort(): Promise<number> {
  const start = 3200 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3200 + ((start - 3200 + i) % 100);
    if (!taken.has(port) && (await portIsFree(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error("no free port in 3200-3299");
}

export type Server = {
  label: string;
  url: string;
  port: number;
  logFile: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  log(): string;
  stop(): Promise<void>;
};

const running = new Set<Server>();
process.on("exit", () => {
  for (const server of running) server.process.kill("SIGKILL");
});

export async function startServer(options: {
  label: string;
  dbFile: string;
  env?: Record<string, string | undefined>;
}): Promise<Server> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const port = await freePort();
  const logFile = path.join(OUT_DIR, `${options.label}.log`);
  const launched = launchServer({
    cwd: ROOT,
    port,
    env: baseEnv(options.dbFile, options.env),
    output: { file: logFile },
  });
  const exited = launched.exited.then(({ code, signal }) => code ?? signal ?? "unknown");
  const server: Server = {
    label: options.label,
    url: launched.url,
    port,
    logFile,
    process: launched.child,
    exited,
    log: launched.output,
    stop: async () => {
      await launched.stop({ graceMs: 5_000 });
      running.delete(server);
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));

  // Ready when /api/health answers; bounded to 60 s.
  try {
    await launched.ready({ timeoutMs: 60_000, intervalMs: 150 });
    return server;
  } catch {
    await server.stop();
    throw new Error(`server ${options.label} did not start:\n${server.log().slice(-2000)}`);
  }
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}
