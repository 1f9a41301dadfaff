// The database foundation: migrations with the wasm schema engine, the demo
// seed, and the start-up errors a person can act on (scripts/db-setup.ts).
//
// This file: scripts/db-setup.ts as npm run db:setup runs it.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { TEST_NOW } from "../../support/test-db";
import { migrationFolders, root, scratchFile } from "./helpers";

describe("scripts/db-setup.ts (npm run db:setup)", () => {
  type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

  /** Runs the script as npm does; a hang is killed (default after 20 s) and reported as such instead of blocking the suite. */
  function dbSetup(databaseUrl: string, killAfterMs = 20_000): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, SIM_NOW: TEST_NOW.toISOString(), NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }

  function expectOneLineError(run: Run, file: string): void {
    // Node's fs.mkdirSync(dir, { recursive: true }) spins forever at 100 % CPU when the kernel answers
    // ENOENT for a child of an existing folder (procfs): a hang here is that, not a slow machine.
    expect(run.signal, `db:setup hung and was killed after 20 s (stderr: ${JSON.stringify(run.stderr)})`).toBeNull();
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(lines[0]).toContain(file);
  }

  /**
   * Makes a path unwritable even for root, who ignores permission bits (CI runs
   * as root): the immutable attribute binds root too. Returns the undo.
   */
  function makeReadOnly(target: string): () => void {
    if (process.getuid?.() === 0) {
      execFileSync("chattr", ["+i", target]);
      return () => execFileSync("chattr", ["-i", target]);
    }
    const mode = fs.statSync(target).mode;
    fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
    return () => fs.chmodSync(target, mode);
  }

  it("names the file in one line when its folder is read-only", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-billing-ro-"));
    const file = path.join(dir, "portal.db");
    const undo = makeReadOnly(dir);
    try {
      expectOneLineError(await dbSetup(`file:${file}`, 40_000), file);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      undo();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the file in one line when the file itself is read-only", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "azure-billing-ro-"));
    const file = path.join(dir, "portal.db");
    fs.writeFileSync(file, "");
    const undo = makeReadOnly(file);
    try {
      expectOneLineError(await dbSetup(`file:${file}`, 40_000), file);
      expect(fs.readFileSync(file).length).toBe(0);
    } finally {
      undo();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("migrates and seeds a new file, then does nothing on the next run", { timeout: 180_000 }, async () => {
    const file = scratchFile("script");
    const first = await dbSetup(`file:${file}`, 80_000); // migrating and seeding (bcrypt) is slow on a busy machine
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`applied ${migrationFolders.join(", ")}`);
    expect(first.stdout).toContain("Demo data created");

    const second = await dbSetup(`file:${file}`, 80_000);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("");
    expect(second.stderr).toBe("");
  });

  it(
    "exits non-zero with one line and no stack trace when the path cannot be written (/proc)",
    { timeout: 60_000 },
    async () => {
      expectOneLineError(await dbSetup("file:/proc/nope/x.db"), "/proc/nope/x.db");
    },
  );

  it("exits non-zero with one line when the folder is a regular file", { timeout: 60_000 }, async () => {
    const blocker = scratchFile("script-blocker");
    fs.writeFileSync(blocker, "");
    expectOneLineError(await dbSetup(`file:${blocker}/x.db`), `${blocker}/x.db`);
  });

  it("exits non-zero with one line when the file is corrupt", { timeout: 60_000 }, async () => {
    const file = scratchFile("script-corrupt");
    fs.writeFileSync(file, randomBytes(4096));
    const run = await dbSetup(`file:${file}`);
    expectOneLineError(run, file);
    expect(run.stderr).toMatch(/damaged or is not an SQLite database/);
  });
});
