// A server on PostgreSQL under sustained load on the Invoices blade keeps its memory: before the fix
// (src/server/abort-reasons.ts) every response stayed reachable while requests kept coming, the heap
// reached its 256 MB cap after ~2,000 requests and the server died ("Ineffective mark-compacts near
// heap limit"). 3,000 uncompressed requests at concurrency 10, the production server's own Node flags.
//
// Run: npx vitest run --config vitest.reliability-postgresql.config.ts (after `npx next build`).
import fs from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Figures, tally } from "../support/figures";
import type { World } from "../support/fixtures";
import { sessionCookie } from "../support/http";
import { endPostgresqlSuite, postgresqlWorld } from "../support/postgresql";
import { startServer, type Server } from "../support/server";

const REQUESTS = 3_000;
const figures = new Figures("postgresql-sustained-load");

let url: string;
let world: World;
let server: Server;

/** `total` GETs of `target`, `concurrency` at a time, each read to its end: the answers' statuses and the failed requests. */
async function load(target: string, total: number, concurrency: number, cookie: string) {
  const statuses: number[] = [];
  let failures = 0;
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started++;
        try {
          const response = await fetch(target, {
            // Uncompressed, as autocannon, load balancers and API clients ask: with gzip the render ends
            // on another path and the leak did not show.
            headers: { cookie, "accept-encoding": "identity" },
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          await response.arrayBuffer();
          statuses.push(response.status);
        } catch {
          failures++;
        }
      }
    }),
  );
  return { statuses, failures };
}

/** The server process's resident memory now, in MB. */
function rssMb(pid: number): number {
  const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) / 1024 : 0;
}

beforeAll(async () => {
  ({ url, world } = await postgresqlWorld("sustained"));
  server = await startServer({ label: "pg-sustained", dbFile: url });
}, 240_000);

afterAll(() => endPostgresqlSuite(url, figures));

describe("one server on PostgreSQL, the Invoices blade without pause", () => {
  it(`answers ${REQUESTS.toLocaleString("en-US")} requests at concurrency 10 and stays up`, async () => {
    const cookie = await sessionCookie(world.contoso.adminId);
    const started = Date.now();
    const { statuses, failures } = await load(
      `${server.url}/billing/${encodeURIComponent(world.contoso.accountId)}/invoices`,
      REQUESTS,
      10,
      cookie,
    );
    figures.set("sustained load, Invoices blade", {
      requests: statuses.length + failures,
      failures,
      statuses: tally(statuses),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      rssAfterMb: Math.round(rssMb(server.process.pid!)),
    });
    expect(failures, server.log().slice(-2_000)).toBe(0);
    expect(tally(statuses)).toBe(`200×${REQUESTS}`);
    expect(server.process.exitCode).toBeNull();
    // Its own time limit: 73 s here, 146-183 s with one of the two cores busy elsewhere (CI ran out of the
    // suite's 180 s once). What it checks is memory and answers, not speed (that is `npm run bench`).
  }, 600_000);
});
