// The README is a map: short enough to read, and every path it points at exists.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

const ROOTED = /^(src|scripts|tests|e2e|docs|prisma)\//;

/**
 * Backticked paths and relative link targets: rooted ones (`src/…`, `scripts/…`, …) and bare file names
 * (`pdf-layout.ts`, `components/pay-now-blade.tsx`, `AGENTS.md`). Globs and placeholders are left out.
 */
function pathsIn(markdown: string): string[] {
  const code = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]);
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  return [...new Set([...code, ...links])].filter(
    (candidate) =>
      (ROOTED.test(candidate) || /^[\w./-]+\.(md|ts|tsx|mjs|json|prisma)$/.test(candidate)) &&
      !/[*{}<>…]/.test(candidate),
  );
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "src/generated" ? [] : filesUnder(relative);
    return [relative];
  });
}

/** A rooted path must exist as written; a bare name must be the end of some file's path (e.g. a feature's file). */
function exists(candidate: string, files: string[]): boolean {
  if (ROOTED.test(candidate) || !candidate.includes("/")) {
    if (fs.existsSync(path.join(ROOT, candidate))) return true;
    if (ROOTED.test(candidate)) return false;
  }
  return files.some((file) => file.endsWith(`/${candidate}`));
}

describe("README.md", () => {
  it("stays under 16,000 characters", () => {
    expect([...README].length).toBeLessThanOrEqual(16_000);
  });

  it("gives the two commands", () => {
    expect(README).toContain("npm start");
    expect(README).toContain("npm test");
  });

  it("links every file of docs/", () => {
    const docs = fs.readdirSync(path.join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
    expect(docs).toContain("docs/product.md");
    expect(docs.filter((name) => !README.includes(`(docs/${name})`))).toEqual([]);
  });

  it("points only at paths that exist", () => {
    const paths = pathsIn(README);
    const files = ["src", "scripts", "tests", "e2e", "docs", "prisma"].flatMap(filesUnder);
    expect(paths.filter((p) => p.startsWith("src/")).length).toBeGreaterThan(10);
    expect(paths.filter((p) => !exists(p, files))).toEqual([]);
  });
});
