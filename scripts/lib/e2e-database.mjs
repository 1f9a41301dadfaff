// The e2e servers' database: deleted and recreated (migrated, demo world seeded) at every
// start, so each Playwright run begins from the same world. Used by scripts/e2e-server.mjs
// (the shared server).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Checks that `env.DATABASE_URL` names a throwaway SQLite file and that a production build
 * exists, takes the database's lock (one server per database), deletes the file and runs
 * scripts/db-setup.ts on it. Throws with a message a person can act on.
 * @param {{ root: string, env: NodeJS.ProcessEnv }} options
 * @returns {{ file: string, setupOutput: string, release: () => void }} release() frees the lock (also done at exit)
 */
export function freshE2eDatabase({ root, env }) {
  const url = env.DATABASE_URL ?? `file:${path.join(os.tmpdir(), "azure-billing-e2e", "portal.db")}`;
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL (got ${url}).`);
  const file = path.resolve(root, url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
  // The file is deleted: only ever a throwaway one.
  const throwaway = [os.tmpdir(), path.join(root, "test-results")].some((dir) =>
    file.startsWith(path.resolve(dir) + path.sep),
  );
  if (!throwaway)
    throw new Error(`refusing to delete ${file}: the e2e database must live under ${os.tmpdir()} or test-results/.`);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error(
      "no production build in .next/ — run `npx next build` first (npm test builds before the e2e tests).",
    );

  const release = takeLock(file);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const setup = spawnSync(process.execPath, ["-C", "react-server", "--import", "tsx", "scripts/db-setup.ts"], {
    cwd: root,
    env: { ...env, DATABASE_URL: url },
    encoding: "utf8",
  });
  const setupOutput = `${setup.stdout ?? ""}${setup.stderr ?? ""}`;
  if (setup.status !== 0) {
    release();
    throw new Error(`db:setup failed (exit ${setup.status ?? setup.signal}):\n${setupOutput}`);
  }
  return { file, setupOutput, release };
}

/**
 * Two Playwright runs from one checkout would delete each other's database mid-run: one
 * server per database at a time. A lock left by a killed server (dead pid) is taken over.
 */
function takeLock(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.server-lock`;
  const take = () => {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return true;
    } catch {
      const holder = Number(fs.readFileSync(lock, "utf8"));
      try {
        if (!Number.isInteger(holder) || holder <= 0) throw new Error("no pid");
        process.kill(holder, 0);
        return false;
      } catch {
        fs.rmSync(lock, { force: true });
        return take();
      }
    }
  };
  if (!take())
    throw new Error(
      `another e2e server (pid ${fs.readFileSync(lock, "utf8")}) is using ${file}: wait for that Playwright run to end.`,
    );
  const release = () => {
    try {
      if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.rmSync(lock);
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return release;
}
