// How npm test (scripts/test-all.mjs) counts a step. Once, a step that ran zero tests
// passed and skipped tests were never reported.
import { describe, expect, it } from "vitest";

import { playwrightCounts, vitestCounts } from "../../scripts/lib/test-counts.mjs";

describe("vitestCounts", () => {
  it("counts passed, failed and skipped (pending + todo) tests", () => {
    expect(vitestCounts(1, { numPassedTests: 40, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1 })).toEqual({
      passed: 40,
      failed: 2,
      skipped: 4,
      note: "",
    });
  });

  it("fails a run that ran zero tests, even with exit code 0", () => {
    expect(vitestCounts(0, { numPassedTests: 0, numFailedTests: 0, numPendingTests: 5 })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 5,
      note: "ran zero tests",
    });
  });

  it("counts a failure outside the tests (no report, a file that did not load)", () => {
    expect(vitestCounts(1, undefined)).toMatchObject({ failed: 1, note: "no report written" });
    expect(vitestCounts(1, { numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 2 })).toMatchObject({
      passed: 10,
      failed: 2,
      note: "run failed outside the tests",
    });
  });
});

describe("playwrightCounts", () => {
  it("counts expected + flaky as passed, unexpected as failed, and skipped", () => {
    expect(playwrightCounts(0, { expected: 30, flaky: 1, unexpected: 0, skipped: 2 })).toEqual({
      passed: 31,
      failed: 0,
      skipped: 2,
      note: "1 flaky",
    });
  });

  it("fails a run where every test was skipped or none matched", () => {
    expect(playwrightCounts(0, { expected: 0, flaky: 0, unexpected: 0, skipped: 12 })).toMatchObject({
      failed: 1,
      skipped: 12,
      note: "ran zero tests",
    });
    expect(playwrightCounts(1, undefined)).toMatchObject({ failed: 1 });
  });
});
