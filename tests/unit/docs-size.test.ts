// The docs describe today: docs/performance.md stays short enough to read (its history is in git), and every
// path a page of docs/ names — backticked, or as a relative link — exists.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  backticked,
  exists,
  isPath,
  relativeLinks,
  repositoryFiles,
  ROOT,
  ROOTED_FOLDERS,
} from "../support/markdown-paths";

const MAX_PERFORMANCE_CHARACTERS = 25_000;
/** The docs also name the bench's committed results and the app's static files from the root. */
const DOC_FOLDERS = [...ROOTED_FOLDERS, "bench", "public"];
/** Files of other repositories a page cites as its source, by page: not paths of this one. */
const ELSEWHERE: Record<string, string[]> = {
  // Azure's REST API specifications (azure-rest-api-specs), the ARM API's contract.
  "api.md": ["specification/billing/resource-manager/Microsoft.Billing/stable/2020-05-01/billing.json"],
};

const read = (name: string) => fs.readFileSync(path.join(ROOT, "docs", name), "utf8");
const pages = fs
  .readdirSync(path.join(ROOT, "docs"))
  .filter((name) => name.endsWith(".md"))
  .sort();

describe("docs/", () => {
  it("finds the pages", () => {
    expect(pages).toContain("performance.md");
    expect(pages).toContain("product.md");
  });

  it(`keeps docs/performance.md under ${MAX_PERFORMANCE_CHARACTERS.toLocaleString("en-US")} characters`, () => {
    expect([...read("performance.md")].length).toBeLessThan(MAX_PERFORMANCE_CHARACTERS);
  });

  const files = repositoryFiles();

  it.each(pages)("docs/%s names only paths that exist", (name) => {
    const markdown = read(name);
    const named = [...new Set(backticked(markdown))].filter(
      (candidate) => isPath(candidate, DOC_FOLDERS) && !ELSEWHERE[name]?.includes(candidate),
    );
    const missing = named.filter((candidate) => !exists(candidate, files, DOC_FOLDERS));
    const brokenLinks = relativeLinks(markdown, "docs")
      .filter(({ resolved }) => !fs.existsSync(path.join(ROOT, resolved)))
      .map(({ target }) => target);
    expect({ missing, brokenLinks }).toEqual({ missing: [], brokenLinks: [] });
  });

  it("reads performance.md's paths and links", () => {
    const markdown = read("performance.md");
    expect(backticked(markdown).filter((candidate) => isPath(candidate, DOC_FOLDERS)).length).toBeGreaterThan(20);
    expect(relativeLinks(markdown, "docs").map(({ resolved }) => resolved)).toContain("bench/results.md");
  });
});
