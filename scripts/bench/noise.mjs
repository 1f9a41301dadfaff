// npm run bench: the run's own noise, and verdicts that respect it. The
// noise is the floor's spread across rounds (measure.mjs: (max − min) / median of its per-round
// p50, or of its per-round CPU per request); rounds take turns with every other scenario, so it is
// the machine's load as the ratios saw it.

/**
 * A target's verdict: "pass" or "fail" when the value is clear of the limit by more than the
 * noise, else "inconclusive" (on either side): the run cannot tell, and says so rather than
 * claiming a pass. `noise` null: an exact value (a count, bytes), judged as it is.
 */
export function verdict(value, limit, noise, atLeast = false) {
  if (value === null || value === undefined || !Number.isFinite(value)) return "fail";
  if (noise !== null && noise !== undefined && limit > 0 && Math.abs(value - limit) / limit < noise)
    return "inconclusive";
  return (atLeast ? value >= limit : value <= limit) ? "pass" : "fail";
}

/** The noise a ratio of p50s is subject to: the floor's p50 spread (the worst of the runs given). */
export const p50Noise = (...runs) => Math.max(0, ...runs.map((run) => run?.results.floor.spread?.p50 ?? 0)) || null;
/** The noise of a ratio of CPU per request: the floor's CPU spread. */
export const cpuNoise = (run) => run.results.floor.spread?.cpuMsPerRequest ?? null;

/** The noise lines of the report (before the targets). */
export function noiseLines(report) {
  const percent = (x) => (x === null || x === undefined ? "n/a" : `±${Math.round(x * 1000) / 10}%`);
  const lines = [
    "Noise: the floor's spread across rounds, (max − min) / median of its per-round figures. A target nearer its limit than that is *inconclusive*: the run cannot tell pass from fail.",
    "",
  ];
  for (const run of report.runs) {
    const floor = run.results.floor;
    if (!floor.rounds) continue;
    lines.push(
      `- ${run.engine === "postgresql" ? "PostgreSQL, " : ""}${run.invoices.toLocaleString("en-US")} invoices: floor p50 per round ${floor.rounds.map((r) => r.p50).join(", ")} ms (spread ${percent(floor.spread.p50)}); CPU per request per round ${floor.rounds.map((r) => r.cpuMsPerRequest).join(", ")} ms (spread ${percent(floor.spread.cpuMsPerRequest)})`,
    );
  }
  lines.push("");
  return lines;
}
