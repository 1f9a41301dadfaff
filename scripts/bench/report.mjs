// npm run bench, step 4: the targets' pass/fail and the Markdown table (bench/results.md).
import { cpuNoise, noiseLines, p50Noise, verdict } from "./noise.mjs";
import { engineLines, scaleTargets } from "./report-engines.mjs";

/** The targets of every engine measured: SQLite's by their names, PostgreSQL's prefixed. */
export function targets(runs) {
  const list = [];
  for (const engine of new Set(runs.map((run) => run.engine ?? "sqlite"))) {
    const mine = runs.filter((run) => (run.engine ?? "sqlite") === engine);
    list.push(...engineTargets(mine, engine === "sqlite" ? "" : "PostgreSQL: "));
  }
  return list;
}

function engineTargets(runs, prefix) {
  const by = Object.fromEntries(runs.map((r) => [r.size, r]));
  const list = [];
  /** `noise`: the relative spread the value is subject to (noise.mjs), or null for exact values. */
  const add = (name, value, limit, unit = "×", atLeast = false, noise = null) => {
    const result = verdict(value, limit, noise, atLeast);
    list.push({
      name: prefix + name,
      value: value === undefined || value === null ? null : Math.round(value * 100) / 100,
      limit,
      unit,
      ...(atLeast ? { atLeast } : {}),
      noise,
      result,
      pass: result === "pass",
    });
  };
  const small = by["1k"];
  const large = by["100k"];
  if (small) {
    const noise = p50Noise(small);
    add("grid p50 / floor p50 at 1,000", small.results.grid.p50 / small.results.floor.p50, 1.5, "×", false, noise);
    add(
      `grid page ${small.deep.page} p50 / floor p50 at 1,000`,
      small.results.gridDeep.p50 / small.results.floor.p50,
      1.5,
      "×",
      false,
      noise,
    );
  }
  if (small && large) {
    const noise = p50Noise(small, large);
    add("grid p50 at 100,000 / at 1,000", large.results.grid.p50 / small.results.grid.p50, 1.3, "×", false, noise);
    add(
      `grid page ${large.deep.page} at 100,000 / page ${small.deep.page} at 1,000 (p50)`,
      large.results.gridDeep.p50 / small.results.gridDeep.p50,
      1.3,
      "×",
      false,
      noise,
    );
  }
  for (const r of runs) {
    const at = r.invoices.toLocaleString("en-US");
    if (r.results.bare)
      add(
        `shell floor / bare page, server CPU per request, at ${at}`,
        r.results.floor.cpuMsPerRequest / r.results.bare.cpuMsPerRequest,
        2,
        "×",
        false,
        cpuNoise(r),
      );
    add(`pay p50 / floor p50 at ${at}`, r.results.pay.p50 / r.results.floor.p50, 3, "×", false, p50Noise(r));
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
  scaleTargets(runs, add);
  return list;
}

export function markdown(report) {
  const lines = [];
  lines.push(
    `Measured ${report.date} — ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB, Node ${report.machine.node}, Next.js ${report.machine.next}; load average ${report.machine.loadAverageStart.join(" / ")} at the start, ${report.machine.loadAverageEnd.join(" / ")} at the end; concurrency ${report.settings.connections}; per row a ${report.settings.warmupSeconds} s warm-up${report.settings.warmupTurns ? ` in ${report.settings.warmupTurns} turns` : ""}, then ${report.settings.durationSeconds} s in ${report.settings.rounds} rounds taking turns with the other rows; build ${report.build.source}.`,
  );
  lines.push("");
  lines.push(
    "| Engine | Invoices | Scenario | Requests/s | p50 ms | p99 ms | Requests | Errors | Server CPU ms/request | Peak RSS MB |",
  );
  lines.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const run of report.runs) {
    const engine = run.engine === "postgresql" ? "PostgreSQL" : "SQLite";
    const names = {
      bare: "bare page (/bench-floor, no portal shell)",
      floor: "floor (/dashboard)",
      grid: "grid, first page",
      gridDeep: `grid, page ${run.deep.page} of ${run.deep.pages} (past due, 24 months, by amount)`,
      pay: "pay (saved Visa 4242)",
      pdf: "invoice PDF",
    };
    for (const [key, label] of Object.entries(names)) {
      const r = run.results[key];
      if (!r) continue;
      lines.push(
        `| ${engine} | ${run.invoices.toLocaleString("en-US")} | ${label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.cpuMsPerRequest} | ${r.peakRssMb} |`,
      );
    }
  }
  lines.push("");
  lines.push(
    "| Invoices | ARM API: all invoices through @azure/arm-billing | Pages | Seconds | Invoices/s | Page p50 ms | Page p99 ms |",
  );
  lines.push("|---:|---|---:|---:|---:|---:|---:|");
  for (const run of report.runs) {
    const a = run.results.armList;
    if (a)
      lines.push(
        `| ${run.invoices.toLocaleString("en-US")}${run.engine === "postgresql" ? " (PostgreSQL)" : ""} | invoices.listByBillingAccount, ${a.invoices.toLocaleString("en-US")} listed (${a.distinct.toLocaleString("en-US")} distinct) | ${a.pages} | ${a.seconds} | ${a.invoicesPerSecond} | ${a.pageP50Ms} | ${a.pageP99Ms} |`,
      );
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
  lines.push(...engineLines(report));
  lines.push(...noiseLines(report));
  lines.push("| Target | Value | Limit | Noise | Result |");
  lines.push("|---|---:|---:|---:|---|");
  const shown = { pass: "pass", fail: "**FAIL**", inconclusive: "*inconclusive*" };
  for (const t of report.targets)
    lines.push(
      `| ${t.name} | ${t.value}${t.unit} | ${t.atLeast ? "≥ " : ""}${t.limit}${t.unit} | ${t.noise ? `±${Math.round(t.noise * 1000) / 10}%` : "—"} | ${shown[t.result] ?? (t.pass ? "pass" : "**FAIL**")} |`,
    );
  lines.push("");
  lines.push("Server CPU time per request, the same ratios without the neighbours' noise (information, not targets):");
  lines.push("");
  for (const run of report.runs) {
    const r = run.results;
    const ratio = (a, b) => (a && b ? `${Math.round((a / b) * 100) / 100}×` : "n/a");
    lines.push(
      `- ${run.engine === "postgresql" ? "PostgreSQL, " : ""}${run.invoices.toLocaleString("en-US")} invoices: grid / floor ${ratio(r.grid.cpuMsPerRequest, r.floor.cpuMsPerRequest)}, grid page ${run.deep.page} / floor ${ratio(r.gridDeep.cpuMsPerRequest, r.floor.cpuMsPerRequest)}, pay / floor ${ratio(r.pay.cpuMsPerRequest, r.floor.cpuMsPerRequest)}, floor / bare ${ratio(r.floor.cpuMsPerRequest, r.bare?.cpuMsPerRequest)}, grid / bare ${ratio(r.grid.cpuMsPerRequest, r.bare?.cpuMsPerRequest)}`,
    );
  }
  for (const engine of new Set(report.runs.map((run) => run.engine ?? "sqlite"))) {
    const small = report.runs.find((run) => run.size === "1k" && (run.engine ?? "sqlite") === engine);
    const large = report.runs.find((run) => run.size === "100k" && (run.engine ?? "sqlite") === engine);
    if (!small || !large) continue;
    const ratio = (key) =>
      `${Math.round((large.results[key].cpuMsPerRequest / small.results[key].cpuMsPerRequest) * 100) / 100}×`;
    lines.push(
      `- ${engine === "postgresql" ? "PostgreSQL, " : ""}100,000 / 1,000 invoices: floor ${ratio("floor")}, grid ${ratio("grid")}, grid deep page ${ratio("gridDeep")}, pay ${ratio("pay")}, PDF ${ratio("pdf")}`,
    );
  }
  const withPlan = report.runs.filter((run) => run.plan);
  const planned = withPlan.find((run) => run.size === "100k") ?? withPlan.at(-1);
  for (const view of planned?.plan.views ?? []) {
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
