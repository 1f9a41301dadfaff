// The test kit (packages/billing-sim-kit) ships compiled JavaScript, so a project installs it from a path or a git
// URL and runs it with no TypeScript step: the committed dist/ must be what its src/ compiles to. Its version is
// semantic and its changelog has an entry for it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

const KIT = path.join(process.cwd(), "packages/billing-sim-kit");

describe("billing-sim-kit", () => {
  it("dist/ is what src/ compiles to (run `npm run build` in packages/billing-sim-kit after a change)", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "billing-sim-kit-"));
    try {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", path.join(KIT, "tsconfig.json"), "--outDir", out],
        { stdio: "pipe" },
      );
      const built = fs.readdirSync(out).sort();
      expect(fs.readdirSync(path.join(KIT, "dist")).sort()).toEqual(built);
      for (const file of built)
        expect(fs.readFileSync(path.join(KIT, "dist", file), "utf8"), file).toBe(
          fs.readFileSync(path.join(out, file), "utf8"),
        );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it("has a semantic version with a changelog entry, and exports the client and the Playwright fixtures", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(KIT, "package.json"), "utf8"));
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.readFileSync(path.join(KIT, "CHANGELOG.md"), "utf8")).toContain(`## ${pkg.version} `);
    expect(Object.keys(pkg.exports)).toEqual([".", "./playwright", "./package.json"]);
    for (const entry of [pkg.exports["."], pkg.exports["./playwright"]])
      for (const file of [entry.types, entry.default]) expect(fs.existsSync(path.join(KIT, file)), file).toBe(true);
  });
});
