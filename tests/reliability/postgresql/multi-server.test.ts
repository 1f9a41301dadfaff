// Several `next start` servers on one PostgreSQL database, as docs/deploy.md
// runs them behind a load balancer: payments spread across the servers are
// charged once, the decline limit holds across them, a server starting next to
// a slow payment leaves it alone, and a server killed mid-payment is
// reconciled by the survivors. Figures: test-results/reliability/figures-postgresql.json.
//
// Run: npx vitest run --config vitest.reliability-postgresql.config.ts (after `npx next build`).
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { APPROVED, DECLINED, luhnVisa as visa } from "../support/cards";
import { Figures, tally } from "../support/figures";
import { openDb, type World } from "../support/fixtures";
import { http, newCardBody, paymentsPath, sessionCookie, type Answer } from "../support/http";
import { endPostgresqlSuite, postgresqlWorld } from "../support/postgresql";
import { runDbSetup, startServer, type Server } from "../support/server";

const figures = new Figures("postgresql");
const N = 24;
const luhnVisa = (n: number) => visa(n, 800_000_000_000);

let url: string;
let world: World;
let servers: Server[];
let admin: string;
/** The background reconciler runs every second on these servers. */
const reconciling = { PAYMENT_RECONCILE_INTERVAL_MS: "1000" };

async function simultaneously<T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const thunks = Array.from({ length: count }, (_, index) => () => make(index));
  return Promise.all(thunks.map((thunk) => thunk()));
}

async function read<T>(work: (db: ReturnType<typeof openDb>) => Promise<T>): Promise<T> {
  const db = openDb(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

const paymentsOf = (invoiceId: string) =>
  read((db) => db.payment.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" } }));
const chargesOf = (keys: string[]) =>
  read((db) => db.simulatedCharge.findMany({ where: { idempotencyKey: { in: keys } } }));
const invoiceOf = (invoiceId: string) => read((db) => db.invoice.findUniqueOrThrow({ where: { id: invoiceId } }));

function pay(server: Server, invoiceId: string, body: unknown, cookie = admin, accountId = world.contoso.accountId) {
  return http(server.url, paymentsPath(accountId, invoiceId), { cookie, json: body, timeoutMs: 60_000 });
}

beforeAll(async () => {
  ({ url, world } = await postgresqlWorld("servers"));
  admin = await sessionCookie(world.contoso.adminId);
  // Three servers on the one database; the processor takes 300 ms, so the requests really overlap.
  servers = await Promise.all(
    ["pg-1", "pg-2", "pg-3"].map((label) =>
      startServer({ label, dbFile: url, env: { ...reconciling, PAYMENT_DELAY_MS: "300" } }),
    ),
  );
}, 240_000);

afterAll(() => endPostgresqlSuite(url, figures));

describe("three servers, one PostgreSQL database: 24 simultaneous payments of one invoice", () => {
  const spread = (i: number) => servers[i % servers.length];

  async function expectChargedOnce(invoiceId: string, keys: string[], answers: Answer[]) {
    for (const answer of answers) expect([200, 409], answer.text.slice(0, 300)).toContain(answer.status);
    const invoice = await invoiceOf(invoiceId);
    const payments = await paymentsOf(invoiceId);
    expect(invoice.amountDueMinor).toBe(0);
    expect(payments.map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    const charges = await chargesOf(keys);
    expect(charges.map((charge) => [charge.outcome, charge.amountMinor])).toEqual([["approved", invoice.totalMinor]]);
    return tally(answers.map((answer) => answer.status));
  }

  it("one shared key: one charge, every server answers with that payment", async () => {
    const invoiceId = world.extraInvoices[0];
    const key = randomUUID();
    const started = Date.now();
    const answers = await simultaneously(N, (i) => pay(spread(i), invoiceId, newCardBody(key, { number: APPROVED })));
    const ms = Date.now() - started;
    const answersTally = await expectChargedOnce(invoiceId, [key], answers);
    const [payment] = await paymentsOf(invoiceId);
    for (const answer of answers.filter((a) => a.status === 200)) expect(answer.json().paymentId).toBe(payment.id);
    // The other servers read it Paid: the retry on each gives the settled result.
    for (const server of servers) {
      const again = await pay(server, invoiceId, newCardBody(key, { number: APPROVED }));
      expect(again.json()).toMatchObject({ status: "succeeded", paymentId: payment.id, paidInFull: true });
    }
    figures.set("sharedKey", { requests: N, servers: servers.length, answers: answersTally, charges: 1, ms });
  });

  it("different keys: the amount due charged once, the rest a clear 409", async () => {
    const invoiceId = world.extraInvoices[1];
    const keys = Array.from({ length: N }, () => randomUUID());
    const answers = await simultaneously(N, (i) =>
      pay(spread(i), invoiceId, newCardBody(keys[i], { number: APPROVED })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    figures.set("differentKeys", {
      requests: N,
      answers: await expectChargedOnce(invoiceId, keys, answers),
      charges: 1,
    });
  });

  it("different cards: one charge, the invoice Paid, the winning card saved once", async () => {
    const invoiceId = world.extraInvoices[2];
    const keys = Array.from({ length: N }, () => randomUUID());
    const answers = await simultaneously(N, (i) =>
      pay(spread(i), invoiceId, newCardBody(keys[i], { number: luhnVisa(i + 1) })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    figures.set("differentCards", {
      requests: N,
      answers: await expectChargedOnce(invoiceId, keys, answers),
      charges: 1,
    });
  });
});

describe("three servers: card testing and sessions", () => {
  it("20 declines fired across the servers: the decline limit (10) holds", async () => {
    const cookie = await sessionCookie(world.northwind3.adminId);
    const invoiceId = world.northwind3.invoices[0];
    const answers = await simultaneously(20, (i) =>
      pay(
        servers[i % servers.length],
        invoiceId,
        newCardBody(randomUUID(), { number: DECLINED }, { amount: "5.00" }),
        cookie,
        world.northwind3.accountId,
      ),
    );
    for (const answer of answers) expect([402, 429], answer.text.slice(0, 200)).toContain(answer.status);
    const failed = await read((db) =>
      db.payment.count({ where: { billingAccountId: world.northwind3.accountId, status: "FAILED" } }),
    );
    const charged = await read((db) => db.simulatedCharge.count({ where: { outcome: { not: "approved" } } }));
    expect(failed).toBeLessThanOrEqual(10);
    expect(answers.filter((answer) => answer.status === 402)).toHaveLength(failed);
    expect(charged).toBe(failed);
    const invoice = await invoiceOf(invoiceId);
    expect(invoice.amountDueMinor).toBe(invoice.totalMinor);
    figures.set("declineBurst", { requests: 20, answers: tally(answers.map((a) => a.status)), declines: failed });
  });

  it("a payment made on one server reads Paid on the others: the same portal on every server", async () => {
    const invoiceId = world.extraInvoices[6];
    // The Invoices blade, Paid only, searched by the invoice number in lower case.
    const paidView = `/billing/${encodeURIComponent(world.contoso.accountId)}/invoices?timespan=custom&status=paid&q=${invoiceId.toLowerCase()}`;
    const listed = async (server: Server) => {
      const page = await http(server.url, paidView, { cookie: admin });
      expect(page.status, server.label).toBe(200);
      return /Showing 1 - 1 of 1 invoices/.test(page.text);
    };
    for (const server of servers) expect(await listed(server), `${server.label} before`).toBe(false);
    const answer = await pay(servers[0], invoiceId, newCardBody(randomUUID(), { number: APPROVED }));
    expect(answer.json()).toMatchObject({ status: "succeeded", paidInFull: true });
    for (const server of servers) expect(await listed(server), `${server.label} after`).toBe(true);
    figures.set("paidReadEverywhere", { paidOn: servers[0].label, readPaidOn: servers.map((server) => server.label) });
  });

  it("a session sealed on one server is accepted by the others (shared SESSION_SECRET)", async () => {
    for (const server of servers) {
      const page = await http(server.url, `/billing/${encodeURIComponent(world.contoso.accountId)}/invoices`, {
        cookie: admin,
      });
      expect(page.status, server.label).toBe(200);
    }
  });
});

describe("servers starting and dying next to payments in flight", () => {
  it("a server started while another holds a slow payment leaves it alone: the payment completes once", async () => {
    const slow = await startServer({
      label: "pg-slow",
      dbFile: url,
      // The processor answers after 25 s, and this server waits for it (its lease: 45 s + 10 s).
      env: { ...reconciling, SIM_PROCESSOR_FAULT: "slow", SIM_PROCESSOR_SLOW_MS: "25000", PAYMENT_TIMEOUT_MS: "45000" },
    });
    const invoiceId = world.extraInvoices[3];
    const key = randomUUID();
    const answer = pay(slow, invoiceId, newCardBody(key, { number: APPROVED }));
    await expect.poll(async () => (await paymentsOf(invoiceId)).length, { timeout: 10_000 }).toBe(1);
    // A new server starts meanwhile: its start-up reconciliation, then its background reconciler.
    const output = runDbSetup(url);
    expect(output).not.toContain("Reconciled");
    expect((await paymentsOf(invoiceId)).map((payment) => payment.status)).toEqual(["PENDING"]);
    const late = await startServer({ label: "pg-late", dbFile: url, env: reconciling });
    const done = await answer;
    expect(done.status, done.text).toBe(200);
    expect((await paymentsOf(invoiceId)).map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    expect((await chargesOf([key])).map((charge) => charge.outcome)).toEqual(["approved"]);
    expect((await invoiceOf(invoiceId)).amountDueMinor).toBe(0);
    figures.set(
      "startNextToSlowPayment",
      "left PENDING by the new server's start-up, SUCCEEDED once by its own server",
    );
    await Promise.all([slow.stop(), late.stop()]);
  });

  it("a server killed after the charge: a survivor's reconciler settles it within seconds, charged once", async () => {
    const doomed = await startServer({
      label: "pg-crash",
      dbFile: url,
      env: { SIM_PROCESSOR_FAULT: "crash-after-charge" },
    });
    const invoiceId = world.extraInvoices[4];
    const key = randomUUID();
    await expect(pay(doomed, invoiceId, newCardBody(key, { number: APPROVED }))).rejects.toThrow();
    expect(await doomed.exited).toBe("SIGKILL");
    const killedAt = Date.now();
    await expect
      .poll(async () => (await paymentsOf(invoiceId)).map((payment) => payment.status), { timeout: 15_000 })
      .toEqual(["SUCCEEDED"]);
    const settledInMs = Date.now() - killedAt;
    expect((await chargesOf([key])).map((charge) => charge.outcome)).toEqual(["approved"]);
    expect((await invoiceOf(invoiceId)).amountDueMinor).toBe(0);
    const retry = await pay(servers[0], invoiceId, newCardBody(key, { number: APPROVED }));
    expect(retry.json()).toMatchObject({ status: "succeeded", paidInFull: true });
    figures.set("killedAfterCharge", { settledBySurvivorInMs: settledInMs, charges: 1 });
  });

  it("a server killed before the charge: after its lease a survivor abandons it at the processor and here, nothing charged", async () => {
    const doomed = await startServer({
      label: "pg-kill",
      dbFile: url,
      env: {
        SIM_PROCESSOR_FAULT: "slow",
        SIM_PROCESSOR_SLOW_MS: "60000",
        PAYMENT_TIMEOUT_MS: "1000",
        PAYMENT_LEASE_MARGIN_MS: "2000",
      },
    });
    const invoiceId = world.extraInvoices[5];
    const key = randomUUID();
    const pending = pay(doomed, invoiceId, newCardBody(key, { number: APPROVED })).catch(() => null);
    await expect.poll(async () => (await paymentsOf(invoiceId)).length, { timeout: 10_000 }).toBe(1);
    doomed.process.kill("SIGKILL");
    await doomed.exited;
    await pending;
    const killedAt = Date.now();
    await expect
      .poll(async () => (await paymentsOf(invoiceId)).map((payment) => payment.status), { timeout: 20_000 })
      .toEqual(["FAILED"]);
    const abandonedInMs = Date.now() - killedAt;
    expect((await paymentsOf(invoiceId))[0].declineCode).toBe("processing_error");
    expect((await chargesOf([key])).map((charge) => charge.outcome)).toEqual(["abandoned"]);
    const invoice = await invoiceOf(invoiceId);
    expect(invoice.amountDueMinor).toBe(invoice.totalMinor);
    // Paying again with a new key works once, on any server.
    const again = await pay(servers[1], invoiceId, newCardBody(randomUUID(), { number: APPROVED }));
    expect(again.status, again.text).toBe(200);
    figures.set("killedBeforeCharge", { abandonedBySurvivorInMs: abandonedInMs, lease: "1 s timeout + 2 s margin" });
  });
});
