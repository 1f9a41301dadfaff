import fs from "node:fs";

import { defineConfig, devices } from "@playwright/test";

import { E2E_BASE_URL, E2E_CONTROL_TOKEN, e2eServerEnv } from "./e2e/support/env";

/**
 * End-to-end tests against the production build (`next build` must have run:
 * npm test does it) served by scripts/e2e-server.mjs on a fresh seeded database.
 *
 * Browser: Debian's Chromium when present (these machines cannot download
 * Playwright's), CHROMIUM_PATH to choose another, else Playwright's own.
 */
// The worlds fixtures (e2e/support/worlds.ts) read the control API's token here, in the runner and its workers.
process.env.SIM_CONTROL_TOKEN = E2E_CONTROL_TOKEN;

const chromiumPath =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  // One worker on 2 cores: the specs share one database (each journey uses its own invoices).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Per-test artefacts (failure screenshots, traces). Playwright empties this folder at start;
  // specs save explicit screenshots to test-results/screenshots/, which it leaves alone.
  outputDir: "test-results/playwright",
  // E2E_JSON_REPORT: another report file, for a second run in the same npm test (scripts/test-all.mjs).
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT || "test-results/e2e-results.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "en-US",
    timezoneId: "UTC",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    env: e2eServerEnv,
    // A server already on the port would have a different database; reuse only when asked.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
