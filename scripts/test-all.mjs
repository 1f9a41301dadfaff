// npm test: every check in order, output streamed, one count at the end.
//
//   1. typecheck   next typegen + tsc --noEmit   (one check; typegen writes the route types
//                                                  PageProps<"/route"> needs, without a build)
//   2. lint        eslint                        (one check)
//      format      prettier --check .            (one check)
//   3. unit        vitest run                    (each test; counted from its JSON report)
//      postgresql  the integration tests again on PostgreSQL (vitest.postgresql.config.ts), and after
//                  the build the multi-server reliability cases (vitest.reliability-postgresql.config.ts),
//                  on TEST_POSTGRES_URL (default postgresql://postgres:postgres@127.0.0.1:5432/postgres).
//                  Without a reachable server both are reported as skipped with the reason; with CI=true
//                  that counts as a failure.
//   4. build       next build                    (skipped with SKIP_BUILD=1; not counted itself)
//   5. reliability vitest --config vitest.reliability.config.ts  (each test; production servers on the
//                                                  build: concurrency, crashes, faults, web security)
//   6. e2e         playwright test               (each test; counted from its JSON report;
//                                                  5 and 6 are skipped and counted as one failure if the build failed)
//      example     examples/playwright-suite: a user's suite over the installed test kit (3 workers, its own
//                  server: scripts/example-suite.mjs; skipped and counted as one failure if the build failed)
//   7. e2e order   in CI (CI=true) or with E2E_ORDER_CHECK=1: the self-contained journeys again, in a
//                  shuffled file order (a new seed each run, printed) and each test twice (--repeat-each 2):
//                  a spec that only passes after another one, or only once, fails here. (payments.spec.ts
//                  pays the seed's few payable invoices, so it runs once, in step 6.)
//
// A step that ran zero tests fails (a filter or a config change that silently matches nothing is
// not a pass); skipped tests are counted and printed per step.
//
// A failing step never stops the later ones (except e2e after a failed build).
// The last line printed is exactly "N passed, N failed"; the exit code is 1 if N failed > 0.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { playwrightCounts, vitestCounts } from "./lib/test-counts.mjs";
import { testPostgresql } from "./test-postgresql.mjs";

const root = process.cwd();
const bin = (...parts) => path.join(root, "node_modules", ...parts);
const resultsDir = path.join(root, "test-results");
const vitestReport = path.join(resultsDir, "vitest-results.json");
const reliabilityReport = path.join(resultsDir, "reliability-results.json");
const postgresqlReport = path.join(resultsDir, "vitest-postgresql-results.json");
const postgresqlServersReport = path.join(resultsDir, "reliability-postgresql-results.json");
const playwrightReport = path.join(resultsDir, "e2e-results.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

fs.mkdirSync(resultsDir, { recursive: true });

const summary = [];
let passed = 0;
let failed = 0;

function run(title, args, extraEnv = {}) {
  const label = `${title}: ${args.map((arg) => (arg.startsWith(root) ? path.relative(root, arg) : arg)).join(" ")}`;
  console.log(`\n━━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) console.error(`${title}: could not start (${result.error.message})`);
  const code = result.status ?? 1;
  console.log(`━━━ ${title} exited with ${result.signal ?? code} after ${seconds}s`);
  return code;
}

let skipped = 0;

function record(step, stepPassed, stepFailed, note = "", stepSkipped = 0) {
  passed += stepPassed;
  failed += stepFailed;
  skipped += stepSkipped;
  summary.push(
    `${step.padEnd(10)} ${String(stepPassed).padStart(5)} passed ${String(stepFailed).padStart(4)} failed ${String(stepSkipped).padStart(3)} skipped${note ? `  (${note})` : ""}`,
  );
}

/** A test step, counted by scripts/lib/test-counts.mjs (zero tests is a failure; skipped ones are shown). */
function recordTests(step, counts) {
  record(step, counts.passed, counts.failed, counts.note, counts.skipped);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

// 1. Types. A fresh clone has no .next/types (nor next-env.d.ts), and an old build's
//    may miss new routes: regenerate them first.
{
  const typegen = run("typegen", [bin("next", "dist", "bin", "next"), "typegen"]);
  const code = typegen === 0 ? run("typecheck", [bin("typescript", "bin", "tsc"), "--noEmit"]) : typegen;
  record("typecheck", code === 0 ? 1 : 0, code === 0 ? 0 : 1, typegen === 0 ? "" : "next typegen failed");
}

// 2. Lint (eslint.config.mjs).
{
  const code = run("lint", [bin("eslint", "bin", "eslint.js")]);
  record("lint", code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

// 2b. Format (.prettierrc.json; `npm run format` rewrites).
{
  const code = run("format", [bin("prettier", "bin", "prettier.cjs"), "--check", ".", "--log-level", "warn"]);
  record("format", code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

// A vitest run, counted from its JSON report.
function vitestStep(step, report, extraArgs = [], extraEnv = {}) {
  fs.rmSync(report, { force: true });
  const code = run(
    step,
    [
      bin("vitest", "vitest.mjs"),
      "run",
      ...extraArgs,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    extraEnv,
  );
  recordTests(step, vitestCounts(code, readJson(report)));
}

// 3. Unit + integration + component tests.
vitestStep("vitest", vitestReport);

// 3b. The PostgreSQL half: a throwaway database per test file (or per multi-server case) on this server.
const postgresql = await testPostgresql();
function postgresqlStep(step, report, config) {
  if (postgresql.url) return vitestStep(step, report, ["--config", config], { TEST_POSTGRES_URL: postgresql.url });
  if (process.env.CI === "true") {
    console.log(`\n━━━ ${step}: PostgreSQL is required in CI: ${postgresql.reason}`);
    return record(step, 0, 1, `no PostgreSQL: ${postgresql.reason}`);
  }
  console.log(`\n━━━ ${step}: skipped, ${postgresql.reason}`);
  summary.push(`${step.padEnd(10)} skipped (no PostgreSQL: ${postgresql.reason})`);
}
postgresqlStep("postgresql", postgresqlReport, "vitest.postgresql.config.ts");

// 4. Production build (the e2e tests run against it).
let buildOk = true;
if (process.env.SKIP_BUILD === "1") {
  console.log("\n━━━ build: skipped (SKIP_BUILD=1), using the existing .next/");
  summary.push("build      skipped (SKIP_BUILD=1)");
} else {
  buildOk = run("build", [bin("next", "dist", "bin", "next"), "build"]) === 0;
  summary.push(`build      ${buildOk ? "ok" : "FAILED"}`);
}

// 5. Reliability: production servers on the build, throwaway databases, ports 3200-3299.
if (!buildOk) {
  console.log("\n━━━ reliability: skipped because the build failed");
  record("reliability", 0, 1, "skipped: build failed");
} else {
  vitestStep("reliability", reliabilityReport, ["--config", "vitest.reliability.config.ts"]);
  postgresqlStep("pg-servers", postgresqlServersReport, "vitest.reliability-postgresql.config.ts");
}

// A Playwright run, counted from its JSON report (E2E_JSON_REPORT names it: playwright.config.ts).
function playwrightStep(step, report, extraArgs = []) {
  fs.rmSync(report, { force: true });
  const code = run(step, [bin("@playwright", "test", "cli.js"), "test", ...extraArgs], { E2E_JSON_REPORT: report });
  recordTests(step, playwrightCounts(code, readJson(report)?.stats));
}

// 6. End-to-end tests.
if (!buildOk) {
  console.log("\n━━━ e2e: skipped because the build failed");
  record("e2e", 0, 1, "skipped: build failed");
} else {
  playwrightStep("e2e", playwrightReport);
}

// 6b. The example suite (examples/playwright-suite): a user's suite over the installed test kit, 3 workers, on a
//     server of its own (scripts/example-suite.mjs); counted from its JSON report.
const exampleReport = path.join(resultsDir, "example-suite-results.json");
if (!buildOk) {
  record("example", 0, 1, "skipped: build failed");
} else {
  fs.rmSync(exampleReport, { force: true });
  const code = run("example", [path.join(root, "scripts", "example-suite.mjs")], {
    EXAMPLE_JSON_REPORT: exampleReport,
  });
  recordTests("example", playwrightCounts(code, readJson(exampleReport)?.stats));
}

// 7. The self-contained journeys in a shuffled order, each twice (CI, or E2E_ORDER_CHECK=1).
//    The specs that start their own servers (french, keyboard) and the long a11y sweep are left out for time.
if (buildOk && (process.env.CI === "true" || process.env.E2E_ORDER_CHECK === "1")) {
  const seed = process.env.E2E_SHUFFLE_SEED || String(Date.now() % 100_000);
  console.log(`\n━━━ e2e order: shuffle seed ${seed} (E2E_SHUFFLE_SEED=${seed} reproduces this order)`);
  const specs = ["access", "csp", "home", "invoices", "payment-methods"].map((name) => `e2e/${name}.spec.ts`);
  playwrightStep("e2e order", path.join(resultsDir, "e2e-order-results.json"), [
    `--shuffle=${seed}`,
    "--repeat-each=2",
    ...specs,
  ]);
}

console.log(`\n━━━ summary\n${summary.join("\n")}\n`);
console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
