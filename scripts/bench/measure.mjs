// npm run bench: one load measurement — autocannon over slices that take turns, tallied
// into latency percentiles, throughput, errors, server CPU per request and peak memory.
import autocannon from "autocannon";

import { CONNECTIONS, DURATION, log } from "./settings.mjs";

export function autocannonRun(options, onResponse) {
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
/**
 * @returns {{ latencies: number[], seconds: number, requests: number, errors: number, non2xx: number,
 *   peakRssMb: number, cpuMs: number, slices: { p50: number | null, cpuMsPerRequest: number | null }[] }}
 */
export function newTally() {
  return { latencies: [], seconds: 0, requests: 0, errors: 0, non2xx: 0, peakRssMb: 0, cpuMs: 0, slices: [] };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The p-th percentile of `values` (exact, from every response). */
function percentileOf(values, p) {
  const sorted = Float64Array.from(values).sort();
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
}

/**
 * How much a scenario moved between rounds: (max − min) / median of its per-round p50 and of its
 * per-round CPU per request. The rounds take turns with every other scenario, so this is the
 * machine's noise as the ratios saw it (report.mjs compares it with each target's margin).
 */
export function spreadOf(values) {
  const kept = values.filter((value) => Number.isFinite(value) && value > 0);
  if (kept.length < 2) return null;
  return Math.round(((Math.max(...kept) - Math.min(...kept)) / median(kept)) * 1000) / 1000;
}

export async function measure(tally, server, options, seconds) {
  server.takeWindowPeakMb();
  const cpuBefore = server.cpuMs();
  const firstLatency = tally.latencies.length;
  const result = await autocannonRun({ ...options, duration: seconds }, (_client, _status, _bytes, responseTime) =>
    tally.latencies.push(responseTime),
  );
  const cpuMs = server.cpuMs() - cpuBefore;
  tally.cpuMs += cpuMs;
  tally.slices.push({
    p50: percentileOf(tally.latencies.slice(firstLatency), 50),
    cpuMsPerRequest: result.requests.total ? cpuMs / result.requests.total : null,
  });
  tally.seconds += result.duration;
  tally.requests += result.requests.total;
  tally.errors += result.errors + result.timeouts;
  tally.non2xx += result.non2xx;
  tally.peakRssMb = Math.max(tally.peakRssMb, server.takeWindowPeakMb());
  return result;
}

export function finish(tally) {
  const sorted = Float64Array.from(tally.latencies).sort();
  const percentile = (p) => (sorted.length ? Math.round(percentileOf(sorted, p) * 10) / 10 : null);
  const round1 = (value) => (value === null ? null : Math.round(value * 10) / 10);
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
    // Each round's own figures, and their spread (the noise).
    rounds: tally.slices.map((slice) => ({ p50: round1(slice.p50), cpuMsPerRequest: round1(slice.cpuMsPerRequest) })),
    spread: {
      p50: spreadOf(tally.slices.map((slice) => slice.p50)),
      cpuMsPerRequest: spreadOf(tally.slices.map((slice) => slice.cpuMsPerRequest)),
    },
  };
}

export function logResult(size, name, r, note = "") {
  log(
    `  ${size.padEnd(5)} ${name.padEnd(10)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  errors ${r.errors}  CPU ${r.cpuMsPerRequest} ms/req  peak RSS ${r.peakRssMb} MB${note}`,
  );
}
