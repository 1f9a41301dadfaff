import fs from "node:fs";

import { defineConfig, devices } from "@playwright/test";

/**
 * The simulator runs elsewhere (npm start with SIM_CONTROL_TOKEN set); this suite only needs its address and
 * token: SIM_BASE_URL (default http://127.0.0.1:3000) and SIM_CONTROL_TOKEN.
 */
const chromiumPath =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./tests",
  // A world per test: tests share nothing, so they run in parallel.
  workers: 3,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.EXAMPLE_JSON_REPORT || "test-results/results.json" }]],
  use: {
    baseURL: process.env.SIM_BASE_URL ?? "http://127.0.0.1:3000",
    locale: "en-US",
    timezoneId: "UTC",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: ["--no-sandbox", "--disable-gpu"],
        },
      },
    },
  ],
});
