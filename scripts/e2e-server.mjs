// The e2e web server (started by playwright.config.ts): a fresh demo database,
// then `next start` on the existing production build. It never builds — run
// `next build` first (npm test does). Env: DATABASE_URL, HOST, PORT, SIM_NOW,
// SESSION_SECRET, PAYMENT_DELAY_MS, NODE_ENV=production (see e2e/support/env.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { serverEnv, serverNodeFlags } from "./server-node-flags.mjs";

const root = process.cwd();
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3100";
const url = process.env.DATABASE_URL ?? `file:${path.join(os.tmpdir(), "azure-billing-e2e", "portal.db")}`;
const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

function fail(message) {
  console.error(`e2e-server: ${message}`);
  process.exit(1);
}

if (!url.startsWith("file:")) fail(`DATABASE_URL must be a file: URL (got ${url}).`);
const file = path.resolve(root, url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
// This script deletes the file: only ever a throwaway one.
const throwaway = [os.tmpdir(), path.join(root, "test-results")].some((dir) =>
  file.startsWith(path.resolve(dir) + path.sep),
);
if (!throwaway) fail(`refusing to delete ${file}: the e2e database must live under ${os.tmpdir()} or test-results/.`);

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  fail("no production build in .next/ — run `npx next build` first (npm test builds before the e2e tests).");
}

// Two Playwright runs from one checkout would delete each other's database mid-run:
// one server per database at a time. A lock left by a killed server (dead pid) is taken over.
fs.mkdirSync(path.dirname(file), { recursive: true });
const lock = `${file}.server-lock`;
function takeLock() {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch {
    const holder = Number(fs.readFileSync(lock, "utf8"));
    try {
      if (!Number.isInteger(holder) || holder <= 0) throw new Error("no pid");
      process.kill(holder, 0);
      return false;
    } catch {
      fs.rmSync(lock, { force: true });
      return takeLock();
    }
  }
}
if (!takeLock())
  fail(
    `another e2e server (pid ${fs.readFileSync(lock, "utf8")}) is using ${file}: wait for that Playwright run to end.`,
  );
process.on("exit", () => {
  try {
    if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.rmSync(lock);
  } catch {
    // already gone
  }
});

for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
console.log(`e2e-server: fresh database ${file}`);

const setup = spawnSync(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (setup.status !== 0) fail(`db:setup failed (exit ${setup.status ?? setup.signal}).`);

const server = spawn(
  process.execPath,
  [...serverNodeFlags, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-H", host, "-p", port],
  {
    cwd: root,
    env: { ...serverEnv, ...env },
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
