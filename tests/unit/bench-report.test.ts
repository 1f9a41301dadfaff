// npm run bench's verdicts: the noise of a run is the floor's spread across
// rounds, and a ratio nearer its limit than that is "inconclusive", never a pass.
import { describe, expect, it } from "vitest";

import { finish, newTally, spreadOf } from "../../scripts/bench/measure.mjs";
import { verdict } from "../../scripts/bench/noise.mjs";
import { summariseProfile } from "../../scripts/bench/profile-summary.mjs";
import { targets } from "../../scripts/bench/report.mjs";

describe("verdict", () => {
  it("passes or fails a value clear of its limit by more than the noise", () => {
    expect(verdict(1.2, 1.5, 0.1)).toBe("pass");
    expect(verdict(1.9, 1.5, 0.1)).toBe("fail");
  });

  it("refuses to claim a pass (or a fail) when the noise is larger than the margin", () => {
    expect(verdict(1.45, 1.5, 0.1)).toBe("inconclusive");
    expect(verdict(1.55, 1.5, 0.1)).toBe("inconclusive");
  });

  it("judges exact values (counts, bytes) without noise, and fails a missing value", () => {
    expect(verdict(0, 0, null)).toBe("pass");
    expect(verdict(1, 0, null)).toBe("fail");
    expect(verdict(Number.NaN, 2, 0.05)).toBe("fail");
    expect(verdict(undefined, 2, null)).toBe("fail");
  });
});

describe("spreadOf and finish", () => {
  it("measures the spread as (max − min) / median of the rounds", () => {
    expect(spreadOf([100, 110, 90])).toBe(0.2);
    expect(spreadOf([100])).toBeNull();
  });

  it("keeps each round's p50 and CPU per request, and their spread", () => {
    const tally = newTally();
    tally.latencies.push(10, 20, 30, 40);
    tally.requests = 4;
    tally.seconds = 2;
    tally.cpuMs = 40;
    tally.slices.push({ p50: 20, cpuMsPerRequest: 9 }, { p50: 25, cpuMsPerRequest: 11 });
    const result = finish(tally);
    expect(result.p50).toBe(20);
    expect(result.cpuMsPerRequest).toBe(10);
    expect(result.rounds).toEqual([
      { p50: 20, cpuMsPerRequest: 9 },
      { p50: 25, cpuMsPerRequest: 11 },
    ]);
    expect(result.spread).toEqual({ p50: 0.222, cpuMsPerRequest: 0.2 });
  });
});

describe("targets", () => {
  const page = (p50: number, cpuMsPerRequest: number, spread = { p50: 0.05, cpuMsPerRequest: 0.05 }) => ({
    p50,
    cpuMsPerRequest,
    errors: 0,
    spread,
  });
  const run = {
    size: "1k",
    invoices: 1000,
    deep: { page: 8 },
    results: {
      bare: page(40, 5),
      floor: page(100, 12, { p50: 0.05, cpuMsPerRequest: 0.3 }),
      grid: page(140, 16),
      gridDeep: page(160, 18),
      pay: page(90, 11),
    },
    checks: { overpaidInvoices: 0, negativeAmountDue: 0, unbalancedInvoices: 0, invoicesWithTwoBenchPayments: 0 },
    js: { blade: { gzipBytes: 120 }, floor: { gzipBytes: 100 } },
    memory: { peakSampledMb: 350, vmHwmMb: 340 },
  };

  it("judges each ratio against the floor's own noise", () => {
    const list = targets([run]);
    const byName = (start: string) => list.find((t: { name: string }) => t.name.startsWith(start));
    expect(byName("grid p50 / floor")).toMatchObject({ value: 1.4, result: "pass", pass: true, noise: 0.05 });
    expect(byName("grid page 8 p50 / floor")).toMatchObject({ value: 1.6, result: "fail", pass: false });
    // 2.4× the bare page, but the floor's CPU moved by 30% between rounds: the run cannot tell.
    expect(byName("shell floor / bare page")).toMatchObject({ value: 2.4, result: "inconclusive", pass: false });
    expect(byName("first-load JS blade / floor")).toMatchObject({ value: 1.2, noise: null, result: "pass" });
    expect(byName("server peak RSS")).toMatchObject({ value: 350, result: "pass" });
  });
});

describe("summariseProfile", () => {
  it("adds up self time per request by part of the stack, leaving out idle time and the skipped start", () => {
    const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 3, 4] },
        { id: 2, callFrame: frame("(idle)") },
        { id: 3, callFrame: frame("(garbage collector)") },
        { id: 4, callFrame: frame("pbkdf2", "node:internal/crypto/pbkdf2") },
      ],
      // Samples of 1 ms each (a sample lasts until the next one).
      samples: [4, 4, 3, 2, 4, 3, 4],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summariseProfile(profile, { skipMs: 1.5, requests: 2 });
    // Kept: the samples from 2 ms on → GC, idle, pbkdf2, GC, pbkdf2 (the last one has no length yet).
    expect(summary.cpuMsPerRequest).toBe(1.5);
    expect(summary.parts).toEqual([
      { part: "Garbage collection", msPerRequest: 1, percent: 66.7 },
      { part: "Node.js internals", msPerRequest: 0.5, percent: 33.3 },
    ]);
    expect(summary.functions.map((f: { name: string }) => f.name)).toEqual(["(garbage collector)", "pbkdf2"]);
  });
});
