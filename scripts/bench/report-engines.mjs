// npm run bench, step 4 with --engine both / postgres: SQLite and PostgreSQL side by side, and
// pay with two servers on one PostgreSQL database against one (bench/scale.mjs).

const SCENARIOS = {
  floor: "floor (/dashboard)",
  grid: "grid, first page",
  gridDeep: "grid, deep page",
  pdf: "invoice PDF",
  pay: "pay (saved Visa 4242)",
};

/** The two-server targets of a run that measured them (`add` as in report.mjs targets()). */
export function scaleTargets(runs, add) {
  for (const run of runs) {
    const one = run.results.payOneServer;
    const two = run.results.payTwoServers;
    if (!one || !two) continue;
    const at = run.invoices.toLocaleString("en-US");
    add(`pay throughput, two servers / one server on one database at ${at}`, two.rps / one.rps, 1.6, "×", true);
    add(`pay errors with two servers at ${at}`, one.errors + two.errors, 0, "");
  }
}

function sideBySide(report) {
  const lines = [];
  const of = (engine, size) => report.runs.find((run) => (run.engine ?? "sqlite") === engine && run.size === size);
  const sizes = [...new Set(report.runs.map((run) => run.size))];
  lines.push("SQLite and PostgreSQL side by side (same build, same run, rounds taking turns):");
  lines.push("");
  lines.push(
    "| Invoices | Scenario | SQLite req/s | PostgreSQL req/s | SQLite p50 ms | PostgreSQL p50 ms | SQLite CPU ms/req | PostgreSQL CPU ms/req |",
  );
  lines.push("|---:|---|---:|---:|---:|---:|---:|---:|");
  for (const size of sizes) {
    const sqlite = of("sqlite", size);
    const postgresql = of("postgresql", size);
    if (!sqlite || !postgresql) continue;
    for (const [key, label] of Object.entries(SCENARIOS)) {
      const a = sqlite.results[key];
      const b = postgresql.results[key];
      lines.push(
        `| ${sqlite.invoices.toLocaleString("en-US")} | ${label} | ${a.rps} | ${b.rps} | ${a.p50} | ${b.p50} | ${a.cpuMsPerRequest} | ${b.cpuMsPerRequest} |`,
      );
    }
  }
  lines.push("");
  return lines;
}

function scale(run) {
  const one = run.results.payOneServer;
  const two = run.results.payTwoServers;
  const lines = [];
  lines.push(
    `Pay with two servers on one PostgreSQL database against one server (${run.invoices.toLocaleString("en-US")} invoices, concurrency 10 in both: 10 connections to one server, or 5 to each):`,
  );
  lines.push("");
  lines.push(
    "| Servers | Payments/s | p50 ms | p99 ms | Errors | Server CPU ms/pay | PostgreSQL CPU ms/pay | Load generator CPU ms/pay | Other processes ms/pay | Machine idle | Waiting on the account's payment lock |",
  );
  lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const [servers, r] of [
    [1, one],
    [2, two],
  ])
    lines.push(
      `| ${servers} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuMsPerRequest} | ${r.postgresqlMsPerRequest} | ${r.loadGeneratorMsPerRequest} | ${r.otherMsPerRequest} | ${Math.round(r.machineIdleShare * 100)}% | ${r.lockWaiters} backends on average, ${r.lockWaitMsPerRequest} ms per payment |`,
    );
  lines.push("");
  return lines;
}

/** The lines report.mjs adds before the targets. */
export function engineLines(report) {
  const lines = [];
  const engines = new Set(report.runs.map((run) => run.engine ?? "sqlite"));
  if (engines.size > 1) lines.push(...sideBySide(report));
  for (const run of report.runs) if (run.results.payTwoServers) lines.push(...scale(run));
  return lines;
}
