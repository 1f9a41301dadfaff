// The README is a map: short enough to read, and every path it points at exists.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { exists, pathsIn, repositoryFiles, ROOT } from "../support/markdown-paths";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

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
    expect(docs).toContain("product.md");
    expect(docs.filter((name) => !README.includes(`(docs/${name})`))).toEqual([]);
  });

  it("points only at paths that exist", () => {
    const paths = pathsIn(README);
    const files = repositoryFiles();
    expect(paths.filter((p) => p.startsWith("src/")).length).toBeGreaterThan(10);
    expect(paths.filter((p) => !exists(p, files))).toEqual([]);
  });
});
