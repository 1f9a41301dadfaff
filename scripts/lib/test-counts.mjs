// How scripts/test-all.mjs counts a test step from its runner's JSON report. Kept apart so that
// tests/unit/test-counts.test.ts can check the rules: a failure outside the tests is a failure, a step
// that ran zero tests is a failure, skipped tests are counted.

/** A step that ran nothing proves nothing: it counts as one failure. */
function atLeastOneTest(counts) {
  if (counts.passed > 0 || counts.failed > 0) return counts;
  return { ...counts, failed: 1, note: counts.note ? `${counts.note}; ran zero tests` : "ran zero tests" };
}

/** A vitest run: its exit code and its JSON report (undefined if none was written). */
export function vitestCounts(code, report) {
  const counts = {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    note: "",
  };
  // A file that fails to load, an unhandled error or a crash fails the run without failing a test: count it.
  if (code !== 0 && counts.failed === 0) {
    counts.failed = Math.max(1, report?.numFailedTestSuites ?? 0);
    counts.note = report ? "run failed outside the tests" : "no report written";
  }
  return atLeastOneTest(counts);
}

/** A Playwright run: its exit code and the `stats` of its JSON report. */
export function playwrightCounts(code, stats) {
  const counts = {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
    note: stats?.flaky ? `${stats.flaky} flaky` : "",
  };
  // The web server not starting, a global error or a crash fails the run without failing a test: count it.
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.note = stats ? "run failed outside the tests (web server? see above)" : "no report written";
  }
  return atLeastOneTest(counts);
}
