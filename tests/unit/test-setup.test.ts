// Next's request modules are replaced once, in tests/support/setup-next.ts (a setupFiles entry of
// vitest.config.ts): a test file that mocks them again would hide a double that drifted from the shared one.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const TESTS = path.resolve(__dirname, "..");
const SHARED = ["next/headers", "next/navigation", "next/cache", "next-intl/server"];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("test setup", () => {
  it("the shared setup mocks Next's request modules", () => {
    const setup = fs.readFileSync(path.join(TESTS, "support", "setup-next.ts"), "utf8");
    for (const name of SHARED) expect(setup).toContain(`vi.mock("${name}"`);
  });

  it("no test file mocks them again", () => {
    const files = testFiles(TESTS);
    expect(files.length).toBeGreaterThan(20);
    const repeated = files.flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      return SHARED.filter((name) => text.includes(`vi.mock("${name}"`)).map(
        (name) => `${path.relative(TESTS, file)}: ${name}`,
      );
    });
    expect(repeated).toEqual([]);
  });
});
