// "Small files": no source file over 300 lines (src/ and scripts/; src/generated is Prisma's).
// A file that grows past it is split along its own seams, not squeezed.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(ROOT, "src", "generated") ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

function lineCount(file: string): number {
  const text = fs.readFileSync(file, "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("file size", () => {
  const files = ["src", "scripts"].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((file) => file.includes(`${path.sep}generated${path.sep}`))).toBe(false);
  });

  it(`keeps every file under src/ and scripts/ at ${MAX_LINES} lines or fewer`, () => {
    const tooLong = files
      .map((file) => ({ file: path.relative(ROOT, file), lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
