// npm run bench, PostgreSQL only: "pay with two servers on one database" against one server.
//
// A second `next start` joins the first on the same PostgreSQL database. Rounds take turns:
// the pay load (saved Visa 4242, distinct invoices, fresh keys) at concurrency 10 on one server,
// then the same 10 connections spread over both (5 each). Both draw from one pool of unpaid
// invoices, so no invoice is paid twice by design, and the checks afterwards prove it.
//
// Where the time goes, per request of each arrangement: CPU of the servers, of the load generator
// (this process: autocannon), of PostgreSQL (every `postgres` process of the machine), the rest of
// the machine (other work), and the machine's idle share (/proc/stat). And the cost of the one lock
// every payment of an account takes its turn on (locks.ts, declineTurn): pg_stat_activity sampled
// every 100 ms for backends waiting on an advisory lock (by Little's law, waiters × time / requests
// is the wait per request).
import fs from "node:fs";

import autocannon from "autocannon";
import pg from "pg";

import { payRequest } from "./load.mjs";
import { finish, logResult, newTally } from "./measure.mjs";
import { freePort, startServer } from "./server.mjs";
import { CONNECTIONS, DURATION, log, ROUNDS, WARMUP } from "./settings.mjs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (ms) of every process whose name is `name`. */
function cpuOfProcesses(name) {
  let ms = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== name) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ms += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // gone
    }
  }
  return ms;
}

/** The machine's CPU time so far (ms, all cores): busy and idle. */
function machineCpu() {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * TICK_MS, idle: idle * TICK_MS };
}

const benchCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function snapshot(servers) {
  return {
    servers: servers.reduce((sum, server) => sum + server.cpuMs(), 0),
    bench: benchCpuMs(),
    postgresql: cpuOfProcesses("postgres"),
    machine: machineCpu(),
  };
}

/** Samples the backends of `database` waiting on an advisory lock, every 100 ms until stopped. */
function lockSampler(url, database) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  const samples = [];
  let timer;
  const ready = client.connect().then(() => {
    timer = setInterval(() => {
      client
        .query(
          `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS waiting,
                  count(*) FILTER (WHERE state = 'active')::int AS active
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [database],
        )
        .then((result) => samples.push(result.rows[0]))
        .catch(() => {});
    }, 100);
  });
  return {
    ready,
    async stop() {
      clearInterval(timer);
      await client.end().catch(() => {});
      const mean = (key) => (samples.length ? samples.reduce((sum, s) => sum + s[key], 0) / samples.length : 0);
      return { samples: samples.length, waiting: mean("waiting"), active: mean("active") };
    },
  };
}

function run(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve({ result, latencies }),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
    const guard = setTimeout(() => instance.stop(), (options.duration + 60) * 1000);
    instance.on("done", () => clearTimeout(guard));
  });
}

/** One slice: the pay load spread evenly over `servers`, CONNECTIONS connections in all. */
async function slice(ctx, tally, servers, seconds, database) {
  const budget = ctx.pool.length - 2 * CONNECTIONS;
  if (budget < CONNECTIONS) return false;
  const sampler = lockSampler(ctx.databaseUrl, database);
  await sampler.ready;
  const before = snapshot(servers);
  const runs = await Promise.all(
    servers.map((server) => {
      const origin = { ...ctx, url: (pathname) => server.base + pathname };
      return run({
        url: server.base,
        headers: { cookie: ctx.cookie },
        connections: CONNECTIONS / servers.length,
        duration: seconds,
        requests: [payRequest(origin)],
        maxOverallRequests: Math.floor(budget / servers.length),
      });
    }),
  );
  const after = snapshot(servers);
  const locks = await sampler.stop();
  for (const { result, latencies } of runs) {
    tally.latencies.push(...latencies);
    tally.requests += result.requests.total;
    tally.errors += result.errors + result.timeouts;
    tally.non2xx += result.non2xx;
  }
  tally.seconds += Math.max(...runs.map(({ result }) => result.duration));
  tally.cpuMs += after.servers - before.servers;
  tally.benchMs += after.bench - before.bench;
  tally.postgresqlMs += after.postgresql - before.postgresql;
  tally.busyMs += after.machine.busy - before.machine.busy;
  tally.idleMs += after.machine.idle - before.machine.idle;
  tally.lockWaiters += locks.waiting * seconds;
  tally.activeBackends += locks.active * seconds;
  tally.lockSeconds += seconds;
  return true;
}

function summary(tally) {
  const result = finish(tally);
  const perRequest = (ms) => (tally.requests ? Math.round((ms / tally.requests) * 10) / 10 : null);
  const other = tally.busyMs - tally.cpuMs - tally.benchMs - tally.postgresqlMs;
  return {
    ...result,
    cpuMsPerRequest: perRequest(tally.cpuMs),
    loadGeneratorMsPerRequest: perRequest(tally.benchMs),
    postgresqlMsPerRequest: perRequest(tally.postgresqlMs),
    otherMsPerRequest: perRequest(Math.max(0, other)),
    machineIdleShare: Math.round((tally.idleMs / Math.max(1, tally.busyMs + tally.idleMs)) * 100) / 100,
    // Mean backends waiting on the account's payment lock, and the wait that makes per request.
    lockWaiters: Math.round((tally.lockWaiters / Math.max(1, tally.lockSeconds)) * 100) / 100,
    activeBackends: Math.round((tally.activeBackends / Math.max(1, tally.lockSeconds)) * 100) / 100,
    lockWaitMsPerRequest: perRequest(tally.lockWaiters * 1000),
  };
}

const tallyOf = () => ({
  ...newTally(),
  benchMs: 0,
  postgresqlMs: 0,
  busyMs: 0,
  idleMs: 0,
  lockWaiters: 0,
  activeBackends: 0,
  lockSeconds: 0,
});

/** Pay on one server against pay spread over two, on the PostgreSQL world `ctx` (after loadPay). */
export async function loadPayScale(ctx) {
  const second = await startServer(ctx.databaseUrl, await freePort(), `${ctx.size.label}-second`);
  const database = decodeURIComponent(new URL(ctx.databaseUrl).pathname.slice(1));
  try {
    const one = [ctx.server];
    const two = [ctx.server, second];
    log(`${ctx.size.label}: pay on one server vs two servers on one database; warm-up of ${WARMUP} s`);
    await slice(ctx, tallyOf(), [second], WARMUP, database);
    const tallies = { one: tallyOf(), two: tallyOf() };
    const seconds = Math.max(1, Math.round(DURATION / ROUNDS));
    for (let round = 0; round < ROUNDS; round++)
      for (const key of round % 2 ? ["two", "one"] : ["one", "two"])
        await slice(ctx, tallies[key], key === "one" ? one : two, seconds, database);
    ctx.results.payOneServer = summary(tallies.one);
    ctx.results.payTwoServers = summary(tallies.two);
    logResult(ctx.size.label, "pay ×1", ctx.results.payOneServer);
    logResult(ctx.size.label, "pay ×2", ctx.results.payTwoServers);
    for (const [name, r] of [
      ["one server ", ctx.results.payOneServer],
      ["two servers", ctx.results.payTwoServers],
    ])
      log(
        `    ${name}: per request ${r.cpuMsPerRequest} ms server CPU, ${r.postgresqlMsPerRequest} ms PostgreSQL, ${r.loadGeneratorMsPerRequest} ms load generator, ${r.otherMsPerRequest} ms other processes; machine idle ${Math.round(r.machineIdleShare * 100)}%; ${r.lockWaiters} backends waiting on the payment lock (${r.lockWaitMsPerRequest} ms per request), ${r.activeBackends} active`,
      );
  } finally {
    ctx.secondServerMemory = await second.stop();
  }
}
