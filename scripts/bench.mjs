// npm run bench — the portal against its framework's own floor (README, "Performance").
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
//     The servers' memory is sampled from /proc while they run.
//  4. First-load JS of the invoices blade and of the floor page (gzip bytes of the
//     page's <script src>), the grid's query plan (scripts/bench-plan.ts), the check
//     that no invoice was paid twice, the targets' pass/fail; a table on stdout,
//     bench/results.json and bench/results.md.
//
// Options: --quick (short runs, a smoke test), --no-build (reuse the last build),
// --working-tree (measure uncommitted changes too),
// --sizes=1k (only one database). BENCH_DURATION / BENCH_WARMUP (seconds) and
// BENCH_ROUNDS override the defaults (15 s in 3 rounds after a 5 s warm-up).
// Every load loop is bounded in time; the whole run stops itself after BENCH_DEADLINE_MIN.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import autocannon from "autocannon";
import Database from "better-sqlite3";
import { sealData } from "iron-session";

import { serverEnv as productionServerEnv, serverNodeFlags } from "./server-node-flags.mjs";

const root = process.cwd();
const work = path.join(root, "bench", ".work");
const appDir = path.join(
  os.tmpdir(),
  `azure-billing-bench-${createHash("sha256").update(root).digest("hex").slice(0, 8)}`,
  "app",
);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];

const QUICK = flag("quick");
const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 4 : 15));
const WARMUP = Number(process.env.BENCH_WARMUP ?? (QUICK ? 2 : 5));
const CONNECTIONS = 10;
const SIM_NOW = "2026-11-20T09:00:00.000Z";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DEADLINE_MIN = Number(process.env.BENCH_DEADLINE_MIN ?? 45);
const SESSION_SECRET = randomBytes(32).toString("hex");
const CLOCK_TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
const PAYABLE_MONTHS = 110;
const SIZES = [
  { key: "1k", invoices: 1_000, profiles: 8 },
  { key: "100k", invoices: 100_000, profiles: 98 },
].filter((size) => !option("sizes") || option("sizes").split(",").includes(size.key));
/** The deep grid view: past-due invoices of the last 24 months, largest first, page 50. */
const DEEP_QUERY = { status: "pastDue", timespan: "24m", sort: "amount", dir: "desc" };
const DEEP_PAGE = 50;

const log = (message) => console.log(`bench: ${message}`);
const children = new Set();
function cleanUp() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MIN} minutes — stopping.`);
  process.exit(1);
}, DEADLINE_MIN * 60_000).unref();

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    ...options,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
  return result;
}

// ── 1. Build ───────────────────────────────────────────────────────────────────

/**
 * The app is built and served from its own copy, outside the repository: the committed
 * HEAD (`git archive`), or with --working-tree every file of the working tree that git
 * does not ignore. Other work in the same checkout (edits, builds, installs) then cannot
 * change the server under measurement. node_modules is hard-linked (cp -al): Turbopack
 * refuses a symlink that leaves the project, and Node resolves from the copy's own.
 */
function exportSources() {
  const keep = path.join(appDir, ".next", "cache");
  const cache = path.join(path.dirname(appDir), "next-cache");
  fs.rmSync(cache, { recursive: true, force: true });
  if (fs.existsSync(keep)) fs.renameSync(keep, cache);
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  if (flag("working-tree")) {
    const files = spawnSync("git", ["ls-files", "-z", "-c", "-o", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
    })
      .stdout.split("\0")
      .filter(Boolean);
    for (const file of files) {
      const source = path.join(root, file);
      if (!fs.existsSync(source) || fs.statSync(source).isDirectory()) continue;
      fs.mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
      fs.copyFileSync(source, path.join(appDir, file));
    }
  } else {
    const archive = spawnSync("git", ["archive", "--format=tar", "HEAD"], { cwd: root, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr}`);
    const untar = spawnSync("tar", ["-x", "-C", appDir], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  }
  if (spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(appDir, "node_modules")]).status !== 0) {
    run("cp", ["-a", path.join(root, "node_modules"), path.join(appDir, "node_modules")]);
  }
  if (fs.existsSync(cache)) {
    fs.mkdirSync(path.join(appDir, ".next"), { recursive: true });
    fs.renameSync(cache, keep);
  }
}

function build() {
  const source = flag("working-tree") ? "the working tree" : `HEAD ${gitHead().slice(0, 12)}`;
  if (flag("no-build") && fs.existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    log(`reusing the build in ${appDir} (--no-build)`);
    return JSON.parse(fs.readFileSync(path.join(appDir, "bench-source.json"), "utf8"));
  }
  log(`copying ${source} to ${appDir}…`);
  exportSources();
  run(process.execPath, ["scripts/prisma-generate.mjs"], { cwd: appDir, stdio: ["ignore", "ignore", "inherit"] });
  log("building the production server (waiting for /tmp/next-build.lock while another build runs)…");
  const started = Date.now();
  const next = [process.execPath, path.join(appDir, "node_modules", "next", "dist", "bin", "next"), "build"];
  const hasFlock = spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
  if (hasFlock) run("flock", ["/tmp/next-build.lock", ...next], { cwd: appDir });
  else run(next[0], next.slice(1), { cwd: appDir });
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s (including any wait for the lock)`);
  const info = {
    source,
    commit: gitHead(),
    workingTree: flag("working-tree"),
    buildId: fs.readFileSync(path.join(appDir, ".next", "BUILD_ID"), "utf8"),
  };
  fs.writeFileSync(path.join(appDir, "bench-source.json"), JSON.stringify(info));
  return info;
}

function gitHead() {
  return spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
}

// ── 2. Databases ───────────────────────────────────────────────────────────────

function templateKey(size) {
  const hash = createHash("sha256");
  const sources = [
    "scripts/bench-db.ts",
    "src/server/demo/bulk.ts",
    "src/server/demo/seed.ts",
    "src/server/demo/world.ts",
    "src/server/demo/random.ts",
    "src/lib/dates.ts",
    "src/lib/money.ts",
  ];
  for (const file of sources) hash.update(fs.readFileSync(path.join(appDir, file)));
  for (const dir of fs.readdirSync(path.join(appDir, "prisma", "migrations")).sort()) {
    const file = path.join(appDir, "prisma", "migrations", dir, "migration.sql");
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  hash.update(JSON.stringify({ ...size, PAYABLE_MONTHS, SIM_NOW }));
  return hash.digest("hex").slice(0, 16);
}

function prepareDatabase(size) {
  const template = path.join(work, `template-${size.key}.db`);
  const keyFile = `${template}.key`;
  const key = templateKey(size);
  if (fs.existsSync(template) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log(`${size.key}: database template up to date (${path.relative(root, template)})`);
  } else {
    log(`${size.key}: generating ${size.invoices.toLocaleString("en-US")} invoices…`);
    fs.rmSync(keyFile, { force: true });
    const result = run(
      process.execPath,
      [
        "-C",
        "react-server",
        "--import",
        "tsx",
        "scripts/bench-db.ts",
        template,
        String(size.invoices),
        String(size.profiles),
        String(PAYABLE_MONTHS),
        SIM_NOW,
      ],
      { cwd: appDir, stdio: ["ignore", "pipe", "inherit"] },
    );
    const summary = JSON.parse(result.stdout.toString().trim().split("\n").pop());
    log(
      `${size.key}: ${summary.invoices.toLocaleString("en-US")} invoices, ${summary.profiles} billing profiles, ${summary.lines.toLocaleString("en-US")} lines, ${summary.payments.toLocaleString("en-US")} payments in ${summary.seconds.toFixed(1)} s`,
    );
    const sqlite = new Database(template);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    fs.writeFileSync(keyFile, key);
  }
  const file = path.join(work, `run-${size.key}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template, file);
  return file;
}

// ── 3. Server and load ─────────────────────────────────────────────────────────

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net
      .createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

async function freePort() {
  for (let port = 3340; port < 3400; port++) if (await portIsFree(port)) return port;
  throw new Error("no free port in 3340-3399");
}

function serverEnv(file, port) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${file}`,
    SESSION_SECRET,
    SESSION_COOKIE_SECURE: "false",
    PAYMENT_DELAY_MS: "0",
    SIM_NOW,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
}

/** Every process under `pid` (next start may run the server in a child process). */
function processTree(pid) {
  const parents = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

function memoryKb(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The same preparation as `npm start`: migrations (none pending), seed (not empty), reconciliation. */
function setupDatabase(file) {
  run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
    cwd: appDir,
    env: serverEnv(file, 0),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function startServer(file, port, label) {
  const env = { ...productionServerEnv, ...serverEnv(file, port) };
  const logFile = fs.openSync(path.join(work, `server-${label}.log`), "w");
  // The production server's own flags (as `npm start`), or BENCH_NODE_OPTIONS instead, to study others.
  const nodeOptions =
    process.env.BENCH_NODE_OPTIONS === undefined
      ? serverNodeFlags
      : process.env.BENCH_NODE_OPTIONS.split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [
      ...nodeOptions,
      path.join(appDir, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    { cwd: appDir, env, stdio: ["ignore", logFile, logFile] },
  );
  children.add(child);
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}); see bench/.work/server-${label}.log`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (Date.now() >= until)
    throw new Error(`the server did not answer /api/health within 120 s; see bench/.work/server-${label}.log`);
  const pids = processTree(child.pid);
  let peakKb = 0;
  let windowPeakKb = 0;
  const sample = () => {
    const kb = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmRSS"), 0);
    peakKb = Math.max(peakKb, kb);
    windowPeakKb = Math.max(windowPeakKb, kb);
  };
  const sampler = setInterval(sample, 200);
  sample();
  return {
    base,
    pids,
    /** CPU time the server's processes have used so far (user + system), in ms. */
    cpuMs() {
      return pids.reduce((sum, pid) => {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return sum + (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
        } catch {
          return sum;
        }
      }, 0);
    },
    /** Peak RSS of the server's processes since the last call (sampled every 200 ms), in MB. */
    takeWindowPeakMb() {
      sample();
      const mb = windowPeakKb / 1024;
      windowPeakKb = 0;
      return mb;
    },
    async stop() {
      clearInterval(sampler);
      sample();
      const hwmKb = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmHWM"), 0);
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      children.delete(child);
      return { peakSampledMb: peakKb / 1024, vmHwmMb: hwmKb / 1024, processes: pids.length };
    },
  };
}

function autocannonRun(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    if (onResponse) instance.on("response", onResponse);
    // Bounded in time whatever happens: autocannon stops itself after `duration`; this is the safety net.
    const guard = setTimeout(() => instance.stop(), ((options.duration ?? DURATION) + 60) * 1000);
    instance.on("done", () => clearTimeout(guard));
  });
}

/**
 * One scenario's measurement, gathered over several slices: the scenarios of both
 * databases take turns (round-robin), so a change in the machine's load during the
 * run falls on all of them alike and the ratios stay fair.
 */
function newTally() {
  return { latencies: [], seconds: 0, requests: 0, errors: 0, non2xx: 0, peakRssMb: 0, cpuMs: 0 };
}

async function measure(tally, server, options, seconds) {
  server.takeWindowPeakMb();
  const cpuBefore = server.cpuMs();
  const result = await autocannonRun({ ...options, duration: seconds }, (_client, _status, _bytes, responseTime) =>
    tally.latencies.push(responseTime),
  );
  tally.cpuMs += server.cpuMs() - cpuBefore;
  tally.seconds += result.duration;
  tally.requests += result.requests.total;
  tally.errors += result.errors + result.timeouts;
  tally.non2xx += result.non2xx;
  tally.peakRssMb = Math.max(tally.peakRssMb, server.takeWindowPeakMb());
  return result;
}

function finish(tally) {
  const sorted = Float64Array.from(tally.latencies).sort();
  const percentile = (p) =>
    sorted.length
      ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10
      : null;
  return {
    requests: tally.requests,
    rps: tally.seconds ? Math.round((tally.requests / tally.seconds) * 10) / 10 : 0,
    p50: percentile(50),
    p99: percentile(99),
    mean: sorted.length ? Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10 : null,
    errors: tally.errors + tally.non2xx,
    non2xx: tally.non2xx,
    seconds: Math.round(tally.seconds * 10) / 10,
    peakRssMb: Math.round(tally.peakRssMb),
    // The server's CPU time per request: unlike latency, hardly moved by the neighbours' load.
    cpuMsPerRequest: tally.requests ? Math.round((tally.cpuMs / tally.requests) * 10) / 10 : null,
  };
}

function logResult(size, name, r, note = "") {
  log(
    `  ${size.padEnd(5)} ${name.padEnd(10)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  errors ${r.errors}  CPU ${r.cpuMsPerRequest} ms/req  peak RSS ${r.peakRssMb} MB${note}`,
  );
}

async function expectPage(url, cookie, marker) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  const match = text.match(marker);
  if (!match) throw new Error(`GET ${url}: the page does not contain ${marker}`);
  return { text, match };
}

/** First-load JS: every <script src> of the page, fetched and gzipped (level 9, as a CDN would). */
async function firstLoadJs(base, pathname, cookie) {
  const html = await (await fetch(base + pathname, { headers: { cookie } })).text();
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1].replaceAll("&amp;", "&"))),
  ];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return {
    scripts: sources.length,
    rawBytes: raw,
    gzipBytes: gzip,
    htmlGzipBytes: gzipSync(Buffer.from(html), { level: 9 }).length,
  };
}

function readWorld(file) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const account = sqlite.prepare(`SELECT id FROM BillingAccount WHERE name = 'Contoso Ltd'`).get();
    const admin = sqlite.prepare(`SELECT id FROM User WHERE email = 'admin@contoso.com'`).get();
    const invoices = sqlite.prepare(`SELECT COUNT(*) AS n FROM Invoice WHERE billingAccountId = ?`).get(account.id).n;
    const profiles = sqlite
      .prepare(`SELECT COUNT(*) AS n FROM BillingProfile WHERE billingAccountId = ?`)
      .get(account.id).n;
    // Payable by the saved Visa 4242 of the invoice's own billing profile.
    const payable = sqlite
      .prepare(
        `SELECT i.id AS invoiceId, pm.id AS paymentMethodId FROM Invoice i
         JOIN PaymentMethod pm ON pm.billingProfileId = i.billingProfileId AND pm.last4 = '4242' AND pm.removedAt IS NULL
         WHERE i.billingAccountId = ? AND i.voided = 0 AND i.amountDueMinor > 0 AND i.amountDueMinor <= 5000000
         ORDER BY i.invoiceDate DESC, i.id`,
      )
      .all(account.id);
    const pdfInvoice = sqlite
      .prepare(
        `SELECT id FROM Invoice WHERE billingAccountId = ? AND voided = 0 AND amountDueMinor = 0 ORDER BY invoiceDate DESC, id LIMIT 1`,
      )
      .get(account.id).id;
    return { accountId: account.id, adminId: admin.id, invoices, profiles, payable, pdfInvoice };
  } finally {
    sqlite.close();
  }
}

/** No invoice paid twice: Σ SUCCEEDED ≤ total, amount due ≥ 0, and the balance adds up. */
function paymentChecks(file, accountId) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const one = (sql, ...params) => sqlite.prepare(sql).get(...params).n;
    const succeeded = `SELECT invoiceId, SUM(amountMinor) AS paid FROM Payment WHERE status = 'SUCCEEDED' GROUP BY invoiceId`;
    const committed = `SELECT invoiceId, SUM(amountMinor) AS paid FROM Payment WHERE status IN ('SUCCEEDED', 'PENDING') GROUP BY invoiceId`;
    return {
      overpaidInvoices: one(
        `SELECT COUNT(*) AS n FROM Invoice i JOIN (${succeeded}) p ON p.invoiceId = i.id WHERE p.paid > i.totalMinor`,
      ),
      negativeAmountDue: one(`SELECT COUNT(*) AS n FROM Invoice WHERE amountDueMinor < 0`),
      unbalancedInvoices: one(
        `SELECT COUNT(*) AS n FROM Invoice i LEFT JOIN (${committed}) p ON p.invoiceId = i.id WHERE i.voided = 0 AND i.amountDueMinor <> i.totalMinor - COALESCE(p.paid, 0)`,
      ),
      benchPaymentsSucceeded: one(
        `SELECT COUNT(*) AS n FROM Payment WHERE billingAccountId = ? AND idempotencyKey NOT LIKE 'seed-%' AND status = 'SUCCEEDED'`,
        accountId,
      ),
      benchPaymentsOther: one(
        `SELECT COUNT(*) AS n FROM Payment WHERE billingAccountId = ? AND idempotencyKey NOT LIKE 'seed-%' AND status <> 'SUCCEEDED'`,
        accountId,
      ),
      invoicesWithTwoBenchPayments: one(
        `SELECT COUNT(*) AS n FROM (SELECT invoiceId FROM Payment WHERE idempotencyKey NOT LIKE 'seed-%' AND status = 'SUCCEEDED' GROUP BY invoiceId HAVING COUNT(*) > 1)`,
      ),
      processorCharges: one(`SELECT COUNT(*) AS n FROM SimulatedCharge`),
    };
  } finally {
    sqlite.close();
  }
}

function queryPlan(file) {
  const views = [{}, { ...DEEP_QUERY, page: String(DEEP_PAGE) }].map((view) => JSON.stringify(view));
  const result = run(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/bench-plan.ts", ...views], {
    cwd: appDir,
    env: serverEnv(file, 0),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(result.stdout.toString().trim().split("\n").pop());
}

/** One database: prepared, planned, served, checked by hand; the load comes later. */
async function prepareSize(size) {
  const file = prepareDatabase(size);
  setupDatabase(file);
  const world = readWorld(file);
  // The plan of the grid's SQL on the data as the load finds it (before the payments).
  const plan = queryPlan(file);
  const port = await freePort();
  log(
    `${size.key}: ${world.invoices.toLocaleString("en-US")} invoices, ${world.profiles} billing profiles, ${world.payable.length.toLocaleString("en-US")} payable by saved card; next start on 127.0.0.1:${port}`,
  );
  const server = await startServer(file, port, size.key);
  const ctx = { size, file, world, plan, server, tallies: {}, results: {} };
  try {
    const cookie = `portal_session=${await sealData({ userId: world.adminId }, { password: SESSION_SECRET, ttl: 28_800 })}`;
    const account = encodeURIComponent(world.accountId);
    const gridPath = `/billing/${account}/invoices`;
    const url = (pathname) => server.base + pathname;
    // Page 50 of the deep view, or when there are fewer, its deepest full page: both sizes then
    // render the same 20 rows, and the ratio measures what the database does to find them.
    // Its first page says the page size and the number of matches ("Showing 1 - 20 of 1,961 invoices").
    const probe = await expectPage(
      url(`${gridPath}?${new URLSearchParams(DEEP_QUERY)}`),
      cookie,
      /Showing 1 - ([\d,]+) of ([\d,]+) invoices/,
    );
    const [pageSize, matches] = [probe.match[1], probe.match[2]].map((text) => Number(text.replaceAll(",", "")));
    const deepPage = Math.max(1, Math.min(DEEP_PAGE, Math.floor(matches / pageSize)));
    const deepPath = `${gridPath}?${new URLSearchParams({ ...DEEP_QUERY, page: String(deepPage) })}`;
    const pdfPath = `/api/billing/${account}/invoices/${world.pdfInvoice}/pdf`;
    Object.assign(ctx, {
      cookie,
      account,
      gridPath,
      url,
      deep: { page: deepPage, pages: Math.ceil(matches / pageSize), path: deepPath },
    });
    ctx.paths = { floor: "/dashboard", grid: gridPath, gridDeep: deepPath, pdf: pdfPath };
    // One request of each by hand first: each scenario must really be what it claims (signed in, right page).
    await expectPage(url("/dashboard"), cookie, /My Dashboard/);
    await expectPage(url(gridPath), cookie, /Page 1 of \d+/);
    await expectPage(url(deepPath), cookie, new RegExp(`Page ${deepPage} of`));
    const pdf = await fetch(url(pdfPath), { headers: { cookie } });
    const body = Buffer.from(await pdf.arrayBuffer());
    if (pdf.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-")
      throw new Error(`GET ${pdfPath} answered ${pdf.status}, not a PDF`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return ctx;
}

const PAGE_SCENARIOS = ["floor", "grid", "gridDeep", "pdf"];
const scenarioName = (ctx, key) => (key === "gridDeep" ? `grid p${ctx.deep.page}` : key);

async function loadPages(ctxs) {
  log(`warm-up: ${WARMUP} s per scenario and database`);
  for (const ctx of ctxs)
    for (const key of PAGE_SCENARIOS)
      await autocannonRun({ url: ctx.url(ctx.paths[key]), headers: { cookie: ctx.cookie }, duration: WARMUP });
  const slice = Math.max(1, Math.round(DURATION / ROUNDS));
  log(`measuring: ${ROUNDS} rounds of ${slice} s per scenario and database, taking turns`);
  for (const ctx of ctxs) for (const key of PAGE_SCENARIOS) ctx.tallies[key] = newTally();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...ctxs].reverse() : ctxs;
    for (const key of PAGE_SCENARIOS)
      for (const ctx of order)
        await measure(
          ctx.tallies[key],
          ctx.server,
          { url: ctx.url(ctx.paths[key]), headers: { cookie: ctx.cookie } },
          slice,
        );
  }
  for (const ctx of ctxs)
    for (const key of PAGE_SCENARIOS) {
      ctx.results[key] = finish(ctx.tallies[key]);
      logResult(ctx.size.key, scenarioName(ctx, key), ctx.results[key]);
    }
}

/** Pay: every request takes the next unpaid invoice of the pool and a fresh idempotency key. */
function payRequest(ctx) {
  return {
    method: "POST",
    setupRequest: (request) => {
      const next = ctx.pool.shift();
      if (!next) return request; // never reached: maxOverallRequests stops first
      return {
        ...request,
        path: `/api/billing/${ctx.account}/invoices/${encodeURIComponent(next.invoiceId)}/payments`,
        // The payments route refuses a cookie call without the portal's Origin (issue 16, finding 7).
        headers: { ...request.headers, "content-type": "application/json", origin: new URL(ctx.url("/")).origin },
        body: JSON.stringify({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId: next.paymentMethodId }),
      };
    },
  };
}

async function loadPay(ctxs) {
  for (const ctx of ctxs) {
    ctx.pool = [...ctx.world.payable];
    const first = ctx.pool.shift();
    const response = await fetch(
      ctx.url(`/api/billing/${ctx.account}/invoices/${encodeURIComponent(first.invoiceId)}/payments`),
      {
        method: "POST",
        headers: { cookie: ctx.cookie, "content-type": "application/json", origin: new URL(ctx.url("/")).origin },
        body: JSON.stringify({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId: first.paymentMethodId }),
      },
    );
    const answer = await response.json();
    if (response.status !== 200 || answer.status !== "succeeded")
      throw new Error(`${ctx.size.key}: the first payment answered ${response.status} ${JSON.stringify(answer)}`);
  }
  // autocannon builds one request per connection ahead: keep that many invoices in reserve.
  const budget = (ctx) => ctx.pool.length - 2 * CONNECTIONS;
  const options = (ctx, seconds, most) => ({
    url: ctx.server.base,
    headers: { cookie: ctx.cookie },
    duration: seconds,
    requests: [payRequest(ctx)],
    maxOverallRequests: Math.max(CONNECTIONS, Math.min(most, budget(ctx))),
  });
  log(`pay: warm-up of at most ${WARMUP} s or 100 payments per database`);
  for (const ctx of ctxs) await autocannonRun(options(ctx, WARMUP, 100));
  const slice = Math.max(1, Math.round(DURATION / ROUNDS));
  for (const ctx of ctxs) ctx.tallies.pay = newTally();
  for (let round = 0; round < ROUNDS; round++) {
    for (const ctx of round % 2 ? [...ctxs].reverse() : ctxs) {
      if (budget(ctx) < CONNECTIONS) continue;
      await measure(ctx.tallies.pay, ctx.server, options(ctx, slice, Infinity), slice);
    }
  }
  for (const ctx of ctxs) {
    ctx.results.pay = finish(ctx.tallies.pay);
    ctx.results.pay.invoicesLeft = ctx.pool.length;
    ctx.results.pay.exhausted = budget(ctx) < CONNECTIONS;
    logResult(ctx.size.key, "pay", ctx.results.pay, ctx.results.pay.exhausted ? "  (ran out of payable invoices)" : "");
  }
}

// ── 4. Report ──────────────────────────────────────────────────────────────────

function targets(runs) {
  const by = Object.fromEntries(runs.map((r) => [r.size, r]));
  const list = [];
  const add = (name, value, limit, unit = "×") =>
    list.push({
      name,
      value: value === undefined ? null : Math.round(value * 100) / 100,
      limit,
      unit,
      pass: value !== undefined && value <= limit,
    });
  const small = by["1k"];
  const large = by["100k"];
  if (small) {
    add("grid p50 / floor p50 at 1,000", small.results.grid.p50 / small.results.floor.p50, 1.5);
    add(
      `grid page ${small.deep.page} p50 / floor p50 at 1,000`,
      small.results.gridDeep.p50 / small.results.floor.p50,
      1.5,
    );
  }
  if (small && large) {
    add("grid p50 at 100,000 / at 1,000", large.results.grid.p50 / small.results.grid.p50, 1.3);
    add(
      `grid page ${large.deep.page} at 100,000 / page ${small.deep.page} at 1,000 (p50)`,
      large.results.gridDeep.p50 / small.results.gridDeep.p50,
      1.3,
    );
  }
  for (const r of runs) {
    add(`pay p50 / floor p50 at ${r.invoices.toLocaleString("en-US")}`, r.results.pay.p50 / r.results.floor.p50, 3);
    add(`pay errors at ${r.invoices.toLocaleString("en-US")}`, r.results.pay.errors, 0, "");
    add(
      `invoices paid twice or below zero at ${r.invoices.toLocaleString("en-US")}`,
      r.checks.overpaidInvoices +
        r.checks.negativeAmountDue +
        r.checks.unbalancedInvoices +
        r.checks.invoicesWithTwoBenchPayments,
      0,
      "",
    );
    add(
      `first-load JS blade / floor at ${r.invoices.toLocaleString("en-US")}`,
      r.js.blade.gzipBytes / r.js.floor.gzipBytes,
      1.3,
    );
    add(
      `server peak RSS at ${r.invoices.toLocaleString("en-US")}`,
      Math.max(r.memory.peakSampledMb, r.memory.vmHwmMb),
      400,
      " MB",
    );
  }
  return list;
}

function markdown(report) {
  const lines = [];
  lines.push(
    `Measured ${report.date} — ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB, Node ${report.machine.node}, Next.js ${report.machine.next}; load average ${report.machine.loadAverageStart.join(" / ")} at the start, ${report.machine.loadAverageEnd.join(" / ")} at the end; concurrency ${report.settings.connections}; per row a ${report.settings.warmupSeconds} s warm-up, then ${report.settings.durationSeconds} s in ${report.settings.rounds} rounds taking turns with the other rows; build ${report.build.source}.`,
  );
  lines.push("");
  lines.push(
    "| Invoices | Scenario | Requests/s | p50 ms | p99 ms | Requests | Errors | Server CPU ms/request | Peak RSS MB |",
  );
  lines.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const run of report.runs) {
    const names = {
      floor: "floor (/dashboard)",
      grid: "grid, first page",
      gridDeep: `grid, page ${run.deep.page} of ${run.deep.pages} (past due, 24 months, by amount)`,
      pay: "pay (saved Visa 4242)",
      pdf: "invoice PDF",
    };
    for (const [key, label] of Object.entries(names)) {
      const r = run.results[key];
      lines.push(
        `| ${run.invoices.toLocaleString("en-US")} | ${label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.cpuMsPerRequest} | ${r.peakRssMb} |`,
      );
    }
  }
  lines.push("");
  lines.push("| First-load JS (gzip) | Scripts | Bytes |");
  lines.push("|---|---:|---:|");
  const first = report.runs[0];
  lines.push(
    `| floor (/dashboard) | ${first.js.floor.scripts} | ${first.js.floor.gzipBytes.toLocaleString("en-US")} |`,
  );
  lines.push(`| invoices blade | ${first.js.blade.scripts} | ${first.js.blade.gzipBytes.toLocaleString("en-US")} |`);
  lines.push("");
  lines.push("| Target | Value | Limit | Result |");
  lines.push("|---|---:|---:|---|");
  for (const t of report.targets)
    lines.push(`| ${t.name} | ${t.value}${t.unit} | ${t.limit}${t.unit} | ${t.pass ? "pass" : "**FAIL**"} |`);
  lines.push("");
  lines.push("Server CPU time per request, the same ratios without the neighbours' noise (information, not targets):");
  lines.push("");
  for (const run of report.runs) {
    const r = run.results;
    const ratio = (a, b) => (a && b ? `${Math.round((a / b) * 100) / 100}×` : "n/a");
    lines.push(
      `- ${run.invoices.toLocaleString("en-US")} invoices: grid / floor ${ratio(r.grid.cpuMsPerRequest, r.floor.cpuMsPerRequest)}, grid page ${run.deep.page} / floor ${ratio(r.gridDeep.cpuMsPerRequest, r.floor.cpuMsPerRequest)}, pay / floor ${ratio(r.pay.cpuMsPerRequest, r.floor.cpuMsPerRequest)}`,
    );
  }
  const small = report.runs.find((run) => run.size === "1k");
  const large = report.runs.find((run) => run.size === "100k");
  if (small && large) {
    const ratio = (key) =>
      `${Math.round((large.results[key].cpuMsPerRequest / small.results[key].cpuMsPerRequest) * 100) / 100}×`;
    lines.push(
      `- 100,000 / 1,000 invoices: floor ${ratio("floor")}, grid ${ratio("grid")}, grid deep page ${ratio("gridDeep")}, pay ${ratio("pay")}, PDF ${ratio("pdf")}`,
    );
  }
  const planned = report.runs.find((run) => run.size === "100k") ?? report.runs.at(-1);
  for (const view of planned.plan.views) {
    lines.push("");
    lines.push(
      `Grid query at ${planned.invoices.toLocaleString("en-US")} invoices, ${Object.keys(view.query).length ? `\`${new URLSearchParams(view.query)}\`` : "default filters"} (${view.total.toLocaleString("en-US")} matching, page ${view.page} of ${view.pages}; listInvoices() ${view.ms} ms of CPU, warm):`,
    );
    lines.push("");
    lines.push("```");
    for (const statement of view.statements)
      lines.push(
        statement.sql,
        ...statement.plan.map((line) => `  → ${line}`),
        `  (${statement.sqliteMs} ms of CPU in SQLite alone)`,
      );
    lines.push("```");
  }
  return lines.join("\n");
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  const loadStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
  const buildInfo = build();
  const ctxs = [];
  try {
    for (const size of SIZES) ctxs.push(await prepareSize(size));
    await loadPages(ctxs);
    await loadPay(ctxs);
    for (const ctx of ctxs)
      ctx.js = {
        floor: await firstLoadJs(ctx.server.base, "/dashboard", ctx.cookie),
        blade: await firstLoadJs(ctx.server.base, ctx.gridPath, ctx.cookie),
      };
  } finally {
    for (const ctx of ctxs) ctx.memory = await ctx.server.stop();
  }
  const runs = ctxs.map((ctx) => ({
    size: ctx.size.key,
    invoices: ctx.world.invoices,
    profiles: ctx.world.profiles,
    payableAtStart: ctx.world.payable.length,
    deep: ctx.deep,
    results: ctx.results,
    memory: ctx.memory,
    js: ctx.js,
    checks: paymentChecks(ctx.file, ctx.world.accountId),
    plan: ctx.plan,
  }));
  for (const run of runs)
    log(
      `${run.size}: server peak RSS ${Math.round(run.memory.vmHwmMb)} MB (VmHWM), ${run.checks.benchPaymentsSucceeded} payments made, ${run.checks.overpaidInvoices + run.checks.negativeAmountDue + run.checks.unbalancedInvoices} invoices paid twice or out of balance`,
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
  const failed = report.targets.filter((t) => !t.pass).length;
  log(
    `${report.targets.length - failed} targets passed, ${failed} missed; bench/results.json and bench/results.md written`,
  );
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
  cleanUp();
});
