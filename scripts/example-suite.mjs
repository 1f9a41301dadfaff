// The example suite (examples/playwright-suite) as a user runs it, so it can never rot: the test kit installed
// from packages/billing-sim-kit into the suite's own node_modules (copied, as from a registry or a git URL), the
// suite's own Playwright, its 3 workers, against a server of its own — scripts/e2e-server.mjs on EXAMPLE_PORT
// (default 3110) with a throwaway database and no SIM_NOW, so the server keeps today's date and the suite's pinned
// worlds are what makes it pass. Needs the production build (npm test runs it after the e2e step).
// Env: EXAMPLE_JSON_REPORT (the Playwright JSON report's path), EXAMPLE_PORT.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const suite = path.join(root, "examples", "playwright-suite");
const port = process.env.EXAMPLE_PORT ?? "3110";
const baseURL = `http://127.0.0.1:${port}`;
const token = "example-suite-control-token/not-for-production/0123456789";
const checkout = createHash("sha256").update(root).digest("hex").slice(0, 10);
const database = path.join(os.tmpdir(), `azure-billing-example-${checkout}`, "portal.db");

// 1. Install: the kit afresh (a copy of today's packages/billing-sim-kit), Playwright from the lock file.
fs.rmSync(path.join(suite, "node_modules", "billing-sim-kit"), { recursive: true, force: true });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const install = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
  cwd: suite,
  stdio: "inherit",
});
if (install.status !== 0) {
  console.error(`example-suite: npm install in ${path.relative(root, suite)} failed`);
  process.exit(1);
}

// 2. The suite's own server.
const server = spawn(process.execPath, [path.join(root, "scripts", "e2e-server.mjs")], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: port,
    DATABASE_URL: `file:${database}`,
    SESSION_SECRET: "example-suite-session-secret/not-for-production/0123456789abcdef",
    SIM_CONTROL_TOKEN: token,
    PAYMENT_DELAY_MS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const stopServer = () =>
  new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve(undefined);
    server.once("exit", () => resolve(undefined));
    server.kill("SIGTERM");
  });

let code = 1;
try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${baseURL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`no server at ${baseURL}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // 3. The suite, as its README says: npx playwright test, with the server's address and token.
  const run = spawnSync(process.execPath, [path.join(suite, "node_modules", "@playwright", "test", "cli.js"), "test"], {
    cwd: suite,
    stdio: "inherit",
    env: { ...process.env, SIM_BASE_URL: baseURL, SIM_CONTROL_TOKEN: token },
  });
  code = run.status ?? 1;
} catch (error) {
  console.error(`example-suite: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopServer();
}
process.exit(code);
