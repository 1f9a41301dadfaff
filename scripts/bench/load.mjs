// npm run bench, step 3: each database served and checked by hand, then the load — pages
// (floor, grid, deep grid page, PDF) and payments — with the servers taking turns.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";

import { sealData } from "iron-session";

import { addSession } from "./engines.mjs";
import { autocannonRun, finish, logResult, measure, newTally } from "./measure.mjs";
import { freePort, startServer } from "./server.mjs";
import {
  CONNECTIONS,
  DEEP_PAGE,
  DEEP_QUERY,
  DURATION,
  log,
  ROUNDS,
  SESSION_SECRET,
  WARMUP,
  WARMUP_TURNS,
} from "./settings.mjs";
import { prepareDatabase, queryPlan, readWorld, setupDatabase } from "./worlds.mjs";

async function expectPage(url, cookie, marker) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  const match = text.match(marker);
  if (!match) throw new Error(`GET ${url}: the page does not contain ${marker}`);
  return { text, match };
}

/** The framework's floor: a page of the same server with no portal shell (src/app/(bare)/bench-floor). */
export const BARE_PATH = "/bench-floor";

/** First-load JS: every <script src> of the page, fetched and gzipped (level 9, as a CDN would). */
export async function firstLoadJs(base, pathname, cookie) {
  const html = await (await fetch(base + pathname, { headers: { cookie } })).text();
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1].replaceAll("&amp;", "&"))),
  ];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return {
    scripts: sources.length,
    rawBytes: raw,
    gzipBytes: gzip,
    htmlGzipBytes: gzipSync(Buffer.from(html), { level: 9 }).length,
  };
}

/** One database: prepared, planned, served, checked by hand; the load comes later. */
export async function prepareSize(size) {
  const url = await prepareDatabase(size, size.engine, size.postgresqlServer);
  setupDatabase(url);
  const world = await readWorld(url);
  // The plan of the grid's SQL on the data as the load finds it (before the payments).
  const plan = queryPlan(url);
  const port = await freePort();
  log(
    `${size.label}: ${world.invoices.toLocaleString("en-US")} invoices, ${world.profiles} billing profiles, ${world.payable.length.toLocaleString("en-US")} payable by saved card; next start on 127.0.0.1:${port}`,
  );
  const server = await startServer(url, port, size.label);
  const ctx = { size, databaseUrl: url, world, plan, server, tallies: {}, results: {} };
  try {
    const sessionId = randomUUID();
    await addSession(ctx.databaseUrl, sessionId, world.adminId);
    const cookie = `portal_session=${await sealData({ userId: world.adminId, sessionId }, { password: SESSION_SECRET, ttl: 28_800 })}`;
    const account = encodeURIComponent(world.accountId);
    const gridPath = `/billing/${account}/invoices`;
    const url = (pathname) => server.base + pathname;
    // Page 50 of the deep view, or when there are fewer, its deepest full page: both sizes then
    // render the same 20 rows, and the ratio measures what the database does to find them.
    // Its first page says the page size and the number of matches ("Showing 1 - 20 of 1,961 invoices").
    const probe = await expectPage(
      url(`${gridPath}?${new URLSearchParams(DEEP_QUERY)}`),
      cookie,
      /Showing 1 - ([\d,]+) of ([\d,]+) invoices/,
    );
    const [pageSize, matches] = [probe.match[1], probe.match[2]].map((text) => Number(text.replaceAll(",", "")));
    const deepPage = Math.max(1, Math.min(DEEP_PAGE, Math.floor(matches / pageSize)));
    const deepPath = `${gridPath}?${new URLSearchParams({ ...DEEP_QUERY, page: String(deepPage) })}`;
    const pdfPath = `/api/billing/${account}/invoices/${world.pdfInvoice}/pdf`;
    Object.assign(ctx, {
      cookie,
      account,
      gridPath,
      url,
      deep: { page: deepPage, pages: Math.ceil(matches / pageSize), path: deepPath },
    });
    ctx.paths = { bare: BARE_PATH, floor: "/dashboard", grid: gridPath, gridDeep: deepPath, pdf: pdfPath };
    // One request of each by hand first: each scenario must really be what it claims (signed in, right page).
    await expectPage(url(BARE_PATH), "", /Framework floor/);
    await expectPage(url("/dashboard"), cookie, /My Dashboard/);
    await expectPage(url(gridPath), cookie, /Page 1 of \d+/);
    await expectPage(url(deepPath), cookie, new RegExp(`Page ${deepPage} of`));
    const pdf = await fetch(url(pdfPath), { headers: { cookie } });
    const body = Buffer.from(await pdf.arrayBuffer());
    if (pdf.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-")
      throw new Error(`GET ${pdfPath} answered ${pdf.status}, not a PDF`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return ctx;
}

const PAGE_SCENARIOS = ["bare", "floor", "grid", "gridDeep", "pdf"];
const scenarioName = (ctx, key) => (key === "gridDeep" ? `grid p${ctx.deep.page}` : key);

export async function loadPages(ctxs) {
  // A fresh server keeps getting cheaper for its first ~20 s of load (V8 optimising Next's, React's and
  // the app's code as each page's shapes reach it), and 5 s a row, one row after the other, was close to
  // that: the rows warm 10 s each, in turns like the rounds. The first measured round is still often the
  // slowest, for a reason not found yet (docs/performance.md, eighth round): the noise rule accounts for it.
  const turn = Math.max(1, Math.round(WARMUP / WARMUP_TURNS));
  log(`warm-up: ${WARMUP_TURNS} turns of ${turn} s per scenario and database`);
  for (let round = 0; round < WARMUP_TURNS; round++)
    for (const key of PAGE_SCENARIOS)
      for (const ctx of ctxs)
        await autocannonRun({ url: ctx.url(ctx.paths[key]), headers: { cookie: ctx.cookie }, duration: turn });
  const slice = Math.max(1, Math.round(DURATION / ROUNDS));
  log(`measuring: ${ROUNDS} rounds of ${slice} s per scenario and database, taking turns`);
  for (const ctx of ctxs) for (const key of PAGE_SCENARIOS) ctx.tallies[key] = newTally();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...ctxs].reverse() : ctxs;
    for (const key of PAGE_SCENARIOS)
      for (const ctx of order)
        await measure(
          ctx.tallies[key],
          ctx.server,
          { url: ctx.url(ctx.paths[key]), headers: { cookie: ctx.cookie } },
          slice,
        );
  }
  for (const ctx of ctxs)
    for (const key of PAGE_SCENARIOS) {
      ctx.results[key] = finish(ctx.tallies[key]);
      logResult(ctx.size.label, scenarioName(ctx, key), ctx.results[key]);
    }
}

/** Pay: every request takes the next unpaid invoice of the pool and a fresh idempotency key. */
export function payRequest(ctx) {
  return {
    method: "POST",
    setupRequest: (request) => {
      const next = ctx.pool.shift();
      if (!next) return request; // never reached: maxOverallRequests stops first
      return {
        ...request,
        path: `/api/billing/${ctx.account}/invoices/${encodeURIComponent(next.invoiceId)}/payments`,
        // The payments route refuses a cookie call without the portal's Origin (issue 16, finding 7).
        headers: { ...request.headers, "content-type": "application/json", origin: new URL(ctx.url("/")).origin },
        body: JSON.stringify({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId: next.paymentMethodId }),
      };
    },
  };
}

export async function loadPay(ctxs) {
  for (const ctx of ctxs) {
    ctx.pool = [...ctx.world.payable];
    const first = ctx.pool.shift();
    const response = await fetch(
      ctx.url(`/api/billing/${ctx.account}/invoices/${encodeURIComponent(first.invoiceId)}/payments`),
      {
        method: "POST",
        headers: { cookie: ctx.cookie, "content-type": "application/json", origin: new URL(ctx.url("/")).origin },
        body: JSON.stringify({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId: first.paymentMethodId }),
      },
    );
    const answer = await response.json();
    if (response.status !== 200 || answer.status !== "succeeded")
      throw new Error(`${ctx.size.label}: the first payment answered ${response.status} ${JSON.stringify(answer)}`);
  }
  // autocannon builds one request per connection ahead: keep that many invoices in reserve.
  const budget = (ctx) => ctx.pool.length - 2 * CONNECTIONS;
  const options = (ctx, seconds, most) => ({
    url: ctx.server.base,
    headers: { cookie: ctx.cookie },
    duration: seconds,
    requests: [payRequest(ctx)],
    maxOverallRequests: Math.max(CONNECTIONS, Math.min(most, budget(ctx))),
  });
  log(`pay: warm-up of at most ${WARMUP} s or 100 payments per database`);
  for (const ctx of ctxs) await autocannonRun(options(ctx, WARMUP, 100));
  const slice = Math.max(1, Math.round(DURATION / ROUNDS));
  for (const ctx of ctxs) ctx.tallies.pay = newTally();
  for (let round = 0; round < ROUNDS; round++) {
    for (const ctx of round % 2 ? [...ctxs].reverse() : ctxs) {
      if (budget(ctx) < CONNECTIONS) continue;
      await measure(ctx.tallies.pay, ctx.server, options(ctx, slice, Infinity), slice);
    }
  }
  for (const ctx of ctxs) {
    ctx.results.pay = finish(ctx.tallies.pay);
    ctx.results.pay.invoicesLeft = ctx.pool.length;
    ctx.results.pay.exhausted = budget(ctx) < CONNECTIONS;
    logResult(
      ctx.size.label,
      "pay",
      ctx.results.pay,
      ctx.results.pay.exhausted ? "  (ran out of payable invoices)" : "",
    );
  }
}
