// npm run bench — the portal against its framework's own floor (docs/performance.md).
//
//  1. Copies the committed HEAD (or, with --working-tree, the working tree) to its own
//     folder under the OS temp dir and builds the production server there, under
//     `flock /tmp/next-build.lock` (one build at a time on this machine), so other work
//     in the same checkout cannot change the server under measurement.
//  2. Prepares two databases with the seed's code (scripts/bench-db.ts): Contoso with
//     1,000 and with 100,000 invoices. They are cached as templates (keyed by the seed,
//     bulk and migration sources) and copied fresh for every run: the payments change them.
//  3. For each database: the app's own start-up preparation (scripts/db-setup.ts, as
//     `npm start` does), the grid query's plan, then `next start` on 127.0.0.1:33xx —
//     both servers at once — and autocannon at concurrency 10, signed in as the demo
//     admin: floor (/dashboard), grid (first page, default filters), grid page 50
//     (filtered and sorted; the deepest full page when there are fewer), one invoice
//     PDF, then pay (distinct invoices, fresh idempotency keys, saved Visa 4242). After a
//     warm-up, each scenario of each database gets the same fixed time, cut into rounds
//     that take turns, so a change in the machine's load falls on all of them alike.
//     The servers' memory is sampled from /proc while they run. Between pages and pay, every
//     invoice is listed once through @azure/arm-billing (ARM API, nextLink pages: bench/arm.mjs).
//  4. First-load JS of the invoices blade and of the floor page (gzip bytes of the
//     page's <script src>), the grid's query plan (scripts/bench-plan.ts), the check
//     that no invoice was paid twice, the targets' pass/fail; a table on stdout,
//     bench/results.json and bench/results.md.
//
// Options: --help (this text), --quick (short runs, a smoke test), --no-build (reuse the last build),
// --worlds (only how long POST /api/sim/worlds takes to make a world, scripts/bench/world-create.mjs),
// --working-tree (measure uncommitted changes too), --profile (instead of the load: a CPU profile of
// each page at 1,000 invoices on SQLite, summarised in bench/profile.md; scripts/bench/profile.mjs),
// --sizes=1k (only one database), --engine sqlite|postgres|both (default sqlite; bench/engines.mjs):
// on PostgreSQL the same scenarios run on databases the bench creates on BENCH_POSTGRES_URL (else
// TEST_POSTGRES_URL, else the local server) and drops, plus pay with two servers on one database
// against one server (bench/scale.mjs), on the largest world. BENCH_DURATION / BENCH_WARMUP (seconds) and
// BENCH_ROUNDS override the defaults (15 s in 3 rounds after a 10 s warm-up in 2 turns).
// Every load loop is bounded in time; the whole run stops itself after BENCH_DEADLINE_MIN.
//
// The steps live in scripts/bench/: settings.mjs (options, shared settings), build.mjs (1),
// worlds.mjs (2, and what is read back from the databases), server.mjs, measure.mjs and
// load.mjs (3), report.mjs (4).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { listThroughSdk } from "./bench/arm.mjs";
import { build } from "./bench/build.mjs";
import { chosenEngines, postgresqlServer } from "./bench/engines.mjs";
import { firstLoadJs, loadPages, loadPay, prepareSize } from "./bench/load.mjs";
import { profileMarkdown, profilePages } from "./bench/profile.mjs";
import { markdown, targets } from "./bench/report.mjs";
import { loadPayScale } from "./bench/scale.mjs";
import { cleanUp } from "./bench/server.mjs";
import {
  CONNECTIONS,
  DEADLINE_MIN,
  DURATION,
  flag,
  log,
  QUICK,
  root,
  ROUNDS,
  SIM_NOW,
  SIZES,
  WARMUP,
  WARMUP_TURNS,
  work,
} from "./bench/settings.mjs";
import { dropRunDatabases, paymentChecks } from "./bench/worlds.mjs";
import { serverNodeFlags } from "./server-node-flags.mjs";

if (flag("help")) {
  // The usage is this file's opening comment.
  const usage = fs.readFileSync(new URL(import.meta.url), "utf8").split("\nimport ")[0];
  console.log(usage.replace(/^\/\/ ?/gm, ""));
  process.exit(0);
}

// --worlds: only the world-creation scenario (docs/worlds.md), no build, no server.
if (flag("worlds")) {
  const { benchWorldCreation } = await import("./bench/world-create.mjs");
  benchWorldCreation();
  process.exit(0);
}

process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MIN} minutes — stopping.`);
  process.exit(1);
}, DEADLINE_MIN * 60_000).unref();

/** --profile: each page of the 1,000-invoice world profiled on its own server (docs/performance.md). */
async function profile() {
  build();
  const ctx = await prepareSize({ ...SIZES[0], engine: "sqlite", label: SIZES[0].key });
  await ctx.server.stop();
  const pages = Object.entries(ctx.paths)
    .filter(([key]) => key !== "pdf")
    .map(([key, pathname]) => ({ key, path: pathname }));
  const summaries = await profilePages({
    database: ctx.databaseUrl,
    cookie: ctx.cookie,
    pages,
    nodeFlags: process.env.BENCH_NODE_OPTIONS?.split(" ").filter(Boolean) ?? serverNodeFlags,
  });
  const md = profileMarkdown(summaries);
  fs.writeFileSync(path.join(root, "bench", "profile.json"), `${JSON.stringify(summaries, null, 2)}\n`);
  fs.writeFileSync(path.join(root, "bench", "profile.md"), `${md}\n`);
  console.log(`\n${md}\n`);
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  if (flag("profile")) return profile();
  const loadStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
  const engines = chosenEngines();
  const postgresql = engines.includes("postgresql") ? await postgresqlServer() : undefined;
  const buildInfo = build();
  const ctxs = [];
  try {
    for (const engine of engines)
      for (const size of SIZES)
        ctxs.push(
          await prepareSize({
            ...size,
            engine,
            postgresqlServer: postgresql,
            label: engine === "sqlite" ? size.key : `pg-${size.key}`,
          }),
        );
    await loadPages(ctxs);
    await listThroughSdk(ctxs);
    await loadPay(ctxs);
    // Two servers on one PostgreSQL database against one, on the largest world (the most unpaid invoices).
    const scaled = ctxs.filter((ctx) => ctx.size.engine === "postgresql").at(-1);
    if (scaled) await loadPayScale(scaled);
    for (const ctx of ctxs)
      ctx.js = {
        floor: await firstLoadJs(ctx.server.base, "/dashboard", ctx.cookie),
        blade: await firstLoadJs(ctx.server.base, ctx.gridPath, ctx.cookie),
      };
    for (const ctx of ctxs) ctx.checks = await paymentChecks(ctx.databaseUrl, ctx.world.accountId);
  } finally {
    for (const ctx of ctxs) ctx.memory = await ctx.server.stop();
    if (postgresql) await dropRunDatabases(postgresql);
  }
  const runs = ctxs.map((ctx) => ({
    engine: ctx.size.engine,
    size: ctx.size.key,
    invoices: ctx.world.invoices,
    profiles: ctx.world.profiles,
    payableAtStart: ctx.world.payable.length,
    deep: ctx.deep,
    results: ctx.results,
    memory: ctx.memory,
    js: ctx.js,
    checks: ctx.checks,
    plan: ctx.plan,
  }));
  for (const run of runs)
    log(
      `${run.engine === "sqlite" ? run.size : `pg-${run.size}`}: server peak RSS ${Math.round(run.memory.vmHwmMb)} MB (VmHWM), ${run.checks.benchPaymentsSucceeded} payments made, ${run.checks.overpaidInvoices + run.checks.negativeAmountDue + run.checks.unbalancedInvoices} invoices paid twice or out of balance`,
    );
  const report = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model?.trim(),
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      next: JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version,
      loadAverageStart: loadStart,
      loadAverageEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
    },
    build: buildInfo,
    settings: {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      warmupTurns: WARMUP_TURNS,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      simNow: SIM_NOW,
      quick: QUICK,
      serverNodeOptions: process.env.BENCH_NODE_OPTIONS ?? serverNodeFlags.join(" "),
    },
    runs,
  };
  report.targets = targets(runs);
  const md = markdown(report);
  fs.writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(root, "bench", "results.md"), `${md}\n`);
  console.log(`\n${md}\n`);
  for (const run of runs)
    if (run.plan)
      for (const view of run.plan.views) {
        console.log(
          `Query plan, ${run.size}, ${JSON.stringify(view.query)} (${view.total} invoices, page ${view.page} of ${view.pages}; listInvoices ${view.ms} ms):`,
        );
        for (const statement of view.statements)
          console.log(`  ${statement.sql.slice(0, 90)}…\n${statement.plan.map((line) => `      ${line}`).join("\n")}`);
      }
  const count = (result) => report.targets.filter((t) => t.result === result).length;
  log(
    `${count("pass")} targets passed, ${count("fail")} missed, ${count("inconclusive")} inconclusive (noise larger than the margin); bench/results.json and bench/results.md written`,
  );
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
  cleanUp();
});
