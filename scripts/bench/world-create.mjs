// npm run bench -- --worlds: how long making a world takes (target: under 150 ms p50 on a 2-core machine,
// docs/worlds.md), on SQLite and — when TEST_POSTGRES_URL's server answers — on PostgreSQL, each on a throwaway
// database (scripts/bench-worlds.ts). A scenario of its own: it needs no build and no server.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { log, root } from "./settings.mjs";

const POSTGRES = process.env.TEST_POSTGRES_URL?.trim() || "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
const COUNT = Number(process.env.BENCH_WORLDS ?? 50);

function measure(url) {
  const result = spawnSync(
    process.execPath,
    ["-C", "react-server", "--import", "tsx", "scripts/bench-worlds.ts", String(COUNT)],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" } },
  );
  if (result.status !== 0) return { error: (result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ") };
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

export function benchWorldCreation() {
  const unique = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const file = path.join(os.tmpdir(), `portal-bench-worlds-${unique}.db`);
  const results = [];
  try {
    log(`making ${COUNT} worlds on SQLite…`);
    results.push(measure(`file:${file}`));
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
  const pg = new URL(POSTGRES);
  pg.pathname = `/portal_test_bench_worlds_${unique}`;
  log(`making ${COUNT} worlds on PostgreSQL (${pg.host})…`);
  const onPostgres = measure(pg.toString());
  results.push(onPostgres.error ? { engine: "postgresql", skipped: onPostgres.error } : onPostgres);
  spawnSync(process.execPath, ["-e", dropScript(pg.toString())], { cwd: root, stdio: "ignore" });
  for (const result of results) log(`world creation: ${JSON.stringify(result)}`);
  return results;
}

/** Drops the throwaway PostgreSQL database (pg is a dependency of the app). */
function dropScript(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return `const { Client } = require("pg"); const c = new Client({ connectionString: ${JSON.stringify(admin.toString())} });
c.connect().then(() => c.query('DROP DATABASE IF EXISTS "${name}" WITH (FORCE)')).catch(() => {}).finally(() => c.end());`;
}
