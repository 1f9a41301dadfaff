// The reliability suite against real production servers (`next start` on the
// existing build, throwaway SQLite files — or, in vitest.reliability-postgresql.config.ts,
// throwaway PostgreSQL databases — 127.0.0.1:3200-3299). One file, run
// in order: the concurrency and web-security checks share server A; the crash,
// processor-fault and decline-limit checks restart servers on database B; the
// last block scans everything the run produced. Figures are printed and written
// to test-results/reliability/figures-server.json (figures-server-on-postgresql.json; docs/reliability.md).
//
// Run: npx vitest run --config vitest.reliability.config.ts (npm test does, after the build).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import pdfParse from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { catalogs } from "@/i18n/catalogs";

import { databaseRows } from "../../support/db-snapshot";
import { APPROVED, DECLINED, luhnVisa as visa } from "../support/cards";
import {
  cloneDatabase,
  ON_POSTGRESQL,
  reliabilityDatabase,
  removeReliabilityDatabase,
  urlOf,
} from "../support/databases";
import { Figures, tally } from "../support/figures";
import { addFixtures, HOSTILE_NAME, openDb, type World } from "../support/fixtures";
import {
  exchanges,
  http,
  newCardBody,
  paymentsPath,
  pdfPath,
  sessionCookie,
  type Answer,
  type Exchange,
} from "../support/http";
import { scanDatabaseFiles, scanDatabaseRows, scanRows, scanText, type Finding } from "../support/secrets";
import {
  DB_DIR,
  OUT_DIR,
  requireProductionBuild,
  ROOT,
  runDbSetup,
  startServer,
  stopAllServers,
  type Server,
} from "../support/server";

const t = catalogs.en.payments;
const figures = new Figures("server");
const N = 24; // simultaneous requests per concurrency scenario (≥ 20)

/** Every full card number the suite typed, and every security code: none may be kept or echoed. */
const cardNumbers = new Set<string>();
const securityCodes = new Set(["737", "7319"]);
function card(number: string) {
  cardNumbers.add(number);
  return { number };
}
const luhnVisa = (n: number) => visa(n, 900_000_000_000);

const servers: Server[] = [];
/** Answers Next itself gives to a broken server-action envelope (see its test): exempt from "no 500" only. */
const frameworkErrors = new Set<Exchange>();
let world: World;
let template: string;
let dbA: string;
let dbB: string;
let A: Server;
let contosoAdmin: string;

async function start(label: string, dbFile: string, env: Record<string, string | undefined> = {}) {
  const server = await startServer({ label, dbFile, env });
  servers.push(server);
  return server;
}

/** Fires all requests at once (each a function, so none starts before the others are built). */
async function simultaneously<T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const thunks = Array.from({ length: count }, (_, index) => () => make(index));
  return Promise.all(thunks.map((thunk) => thunk()));
}

async function invoiceRow(dbFile: string, invoiceId: string) {
  const db = openDb(dbFile);
  try {
    return {
      invoice: await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } }),
      payments: await db.payment.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" } }),
    };
  } finally {
    await db.$disconnect();
  }
}

/** Reads a database through a client of its own. */
async function read<T>(database: string, work: (db: ReturnType<typeof openDb>) => Promise<T>): Promise<T> {
  const db = openDb(database);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

async function ledger(dbFile: string, keys: string[]) {
  const db = openDb(dbFile);
  try {
    return await db.simulatedCharge.findMany({ where: { idempotencyKey: { in: keys } } });
  } finally {
    await db.$disconnect();
  }
}

async function countRows(dbFile: string) {
  const db = openDb(dbFile);
  try {
    const [payments, charges, methods, notifications] = await Promise.all([
      db.payment.count(),
      db.simulatedCharge.count(),
      db.paymentMethod.count(),
      db.notification.count(),
    ]);
    return { payments, charges, methods, notifications };
  } finally {
    await db.$disconnect();
  }
}

function actionId(name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`server action ${name} not in the build`);
  return found[0];
}

/** The Pay now server action as the blade's browser code posts it (React's encodeReply of [previousState, formData]). */
function payNowActionBody(fields: Record<string, string>): FormData {
  // The fields first, then the root "0" (React resolves the root as soon as it arrives).
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append("0", JSON.stringify([{ status: "idle", nextKey: randomUUID() }, "$K1"]));
  return form;
}

function invoicesPagePath(accountId: string, query = ""): string {
  return `/billing/${encodeURIComponent(accountId)}/invoices${query}`;
}

beforeAll(async () => {
  requireProductionBuild();
  if (!ON_POSTGRESQL) fs.rmSync(DB_DIR, { recursive: true, force: true });
  // This run's logs and figures only (figures-hostile-input-*.json come from `vitest run`, before).
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const name of fs.readdirSync(OUT_DIR))
    if (name.endsWith(".log") || name === "figures-server.json") fs.rmSync(path.join(OUT_DIR, name));
  template = reliabilityDatabase("template");
  runDbSetup(template);
  dbA = await cloneDatabase(template, "a");
  dbB = await cloneDatabase(template, "b");
  world = await addFixtures(dbA);
  await addFixtures(dbB);
  contosoAdmin = await sessionCookie(world.contoso.adminId);
  // The processor takes 300 ms to answer (PAYMENT_DELAY_MS), as a real one does: the simultaneous
  // requests below then really overlap while a payment is PENDING, instead of finishing one by one.
  A = await start("server-a", dbA, { PAYMENT_DELAY_MS: "300" });
}, 240_000);

afterAll(async () => {
  await stopAllServers();
  figures.set("requestsFired", exchanges.length);
  figures.set("serversStarted", servers.length);
  figures.write();
  if (ON_POSTGRESQL)
    for (const database of [template, dbA, dbB])
      if (database) await removeReliabilityDatabase(database);
      else if (process.env.KEEP_TEST_DB !== "1") fs.rmSync(DB_DIR, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
describe("1. concurrency: simultaneous Pay now requests over HTTP against next start", () => {
  const pay = (invoiceId: string, body: unknown, cookie = contosoAdmin) =>
    http(A.url, paymentsPath(world.contoso.accountId, invoiceId), { cookie, json: body });

  function expectClearAnswers(answers: Answer[]) {
    for (const answer of answers) {
      expect([200, 402, 409], answer.text.slice(0, 300)).toContain(answer.status);
      const body = answer.json();
      if (answer.status === 200) expect(body.status).toBe("succeeded");
      else expect(typeof body.message === "string" && body.message.length > 0, answer.text).toBe(true);
    }
  }

  async function expectPaidOnce(invoiceId: string, keys: string[]) {
    const { invoice, payments } = await invoiceRow(dbA, invoiceId);
    expect(invoice.amountDueMinor).toBe(0);
    expect(payments.map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    expect(payments[0].amountMinor).toBe(invoice.totalMinor);
    const charges = await ledger(dbA, keys);
    expect(charges.map((charge) => [charge.outcome, charge.amountMinor])).toEqual([["approved", invoice.totalMinor]]);
    return payments[0];
  }

  it(`${N} simultaneous POSTs with one shared idempotency key: one charge, every answer the same payment or "in progress"`, async () => {
    const invoiceId = world.extraInvoices[0];
    const key = randomUUID();
    const started = Date.now();
    const answers = await simultaneously(N, () => pay(invoiceId, newCardBody(key, card(APPROVED))));
    expectClearAnswers(answers);
    const succeeded = answers.filter((answer) => answer.status === 200).map((answer) => answer.json().paymentId);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(new Set(succeeded).size).toBe(1);
    for (const answer of answers.filter((answer) => answer.status !== 200))
      expect(answer.json().status).toBe("inProgress");
    const payment = await expectPaidOnce(invoiceId, [key]);
    expect(succeeded[0]).toBe(payment.id);
    // The settled result, again, for the same key.
    const retry = await pay(invoiceId, newCardBody(key, card(APPROVED)));
    expect(retry.status).toBe(200);
    expect(retry.json().paymentId).toBe(payment.id);
    figures.set("concurrency.sharedKey", {
      requests: N + 1,
      answers: tally(answers.map((answer) => answer.status)),
      charges: 1,
      ms: Date.now() - started,
    });
  });

  it(`${N} simultaneous POSTs with ${N} different keys: exactly the amount due charged once, the rest a clear 409`, async () => {
    const invoiceId = world.extraInvoices[1];
    const keys = Array.from({ length: N }, () => randomUUID());
    const started = Date.now();
    const answers = await simultaneously(N, (i) => pay(invoiceId, newCardBody(keys[i], card(APPROVED))));
    expectClearAnswers(answers);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((answer) => answer.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(["notPayable", "balanceChanged"]).toContain(answer.json().reason);
    }
    await expectPaidOnce(invoiceId, keys);
    figures.set("concurrency.differentKeys", {
      requests: N,
      answers: tally(answers.map((answer) => answer.status)),
      charges: 1,
      ms: Date.now() - started,
    });
  });

  it(`${N} simultaneous POSTs with ${N} different cards: one charge, the invoice Paid`, async () => {
    const invoiceId = world.extraInvoices[2];
    const numbers = [
      "4242424242424242",
      "5555555555554444",
      "378282246310005",
      "4000056655665556",
      ...Array.from({ length: N - 4 }, (_, i) => luhnVisa(i + 1)),
    ];
    const keys = numbers.map(() => randomUUID());
    const started = Date.now();
    const answers = await simultaneously(N, (i) => pay(invoiceId, newCardBody(keys[i], card(numbers[i]))));
    expectClearAnswers(answers);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    await expectPaidOnce(invoiceId, keys);
    // The grid reads Paid.
    const page = await http(A.url, invoicesPagePath(world.contoso.accountId, `?q=${invoiceId}&timespan=3m`), {
      cookie: contosoAdmin,
    });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`${invoiceId}[\\s\\S]*?>Paid<`));
    figures.set("concurrency.differentCards", {
      requests: N,
      answers: tally(answers.map((answer) => answer.status)),
      charges: 1,
      ms: Date.now() - started,
    });
  });

  it("20 simultaneous payments of 20 different invoices all succeed (no lost write, no database is locked)", async () => {
    const invoiceIds = world.extraInvoices.slice(3, 23);
    const keys = invoiceIds.map(() => randomUUID());
    const started = Date.now();
    // With the profile's saved card, as a bulk payer does (twenty new cards at once is what card testing looks like: see 4).
    const answers = await simultaneously(invoiceIds.length, (i) =>
      pay(invoiceIds[i], { idempotencyKey: keys[i], method: "saved", paymentMethodId: world.contoso.savedCardId }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(invoiceIds.map(() => 200));
    for (let i = 0; i < invoiceIds.length; i++) {
      const { invoice, payments } = await invoiceRow(dbA, invoiceIds[i]);
      expect(invoice.amountDueMinor).toBe(0);
      expect(payments.map((payment) => [payment.status, payment.amountMinor, payment.idempotencyKey])).toEqual([
        ["SUCCEEDED", invoice.totalMinor, keys[i]],
      ]);
    }
    const charges = await ledger(dbA, keys);
    expect(charges).toHaveLength(invoiceIds.length);
    expect(A.log()).not.toMatch(/database is locked|SQLITE_BUSY/i);
    figures.set("concurrency.differentInvoices", {
      requests: invoiceIds.length,
      answers: tally(answers.map((answer) => answer.status)),
      charges: charges.length,
      ms: Date.now() - started,
    });
  });

  it(`${N} simultaneous Pay now server actions (the blade's own request) with one key: one charge`, async () => {
    const invoiceId = world.extraInvoices[23];
    const key = randomUUID();
    const id = actionId("payInvoiceAction");
    const fields = { accountId: world.contoso.accountId, invoiceId, ...newCardBody(key, card(APPROVED)) } as Record<
      string,
      string
    >;
    const answers = await simultaneously(N, () =>
      http(A.url, invoicesPagePath(world.contoso.accountId, `?invoice=${invoiceId}&blade=pay`), {
        cookie: contosoAdmin,
        headers: { "Next-Action": id, Accept: "text/x-component", Origin: A.url },
        body: payNowActionBody(fields),
      }),
    );
    // Success redirects to the grid with the paid payment (x-action-redirect); "in progress" is the action's state (row 1 of the RSC answer).
    const outcomes = answers.map((answer) => {
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      if (/[?&]paid=/.test(answer.headers.get("x-action-redirect") ?? "")) return "paid";
      const state = /^1:(\{.*\})$/m.exec(answer.text)?.[1];
      return state ? (JSON.parse(state) as { message?: string }).message : `unreadable: ${answer.text.slice(0, 200)}`;
    });
    for (const outcome of outcomes) expect(["paid", t.errors.inProgress]).toContain(outcome);
    expect(outcomes).toContain("paid");
    await expectPaidOnce(invoiceId, [key]);
    figures.set("concurrency.serverActionSharedKey", {
      requests: N,
      answers: tally(outcomes.map((outcome) => (outcome === "paid" ? "paid (redirect)" : "inProgress"))),
      charges: 1,
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe("4. card testing under concurrency", () => {
  it("20 simultaneous declined partial payments: the decline limit (10) still holds", async () => {
    const cookie = await sessionCookie(world.northwind3.adminId);
    const invoiceId = world.northwind3.invoices[0];
    const before = await countRows(dbA);
    // $5.00 parts (the minimum) of one invoice: each reserves its own part, so they can all run at once.
    const answers = await simultaneously(20, () =>
      http(A.url, paymentsPath(world.northwind3.accountId, invoiceId), {
        cookie,
        json: newCardBody(randomUUID(), card(DECLINED), { amount: "5.00" }),
      }),
    );
    for (const answer of answers) expect([402, 429], answer.text.slice(0, 200)).toContain(answer.status);
    const db = openDb(dbA);
    const failed = await db.payment.count({
      where: { billingAccountId: world.northwind3.accountId, status: "FAILED" },
    });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    await db.$disconnect();
    expect(failed).toBeLessThanOrEqual(10);
    expect(answers.filter((answer) => answer.status === 402)).toHaveLength(failed);
    expect(invoice.amountDueMinor).toBe(invoice.totalMinor); // every reserved part given back
    const after = await countRows(dbA);
    expect(after.charges - before.charges).toBe(failed); // the refused ones never reached the processor
    figures.set("cardTesting.burst", {
      requests: answers.length,
      answers: tally(answers.map((answer) => answer.status)),
      declinesRecorded: failed,
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe("5. web security", () => {
  async function signInForm(server: Server, email: string, password: string, headers: Record<string, string> = {}) {
    const page = await http(server.url, "/signin");
    const form = new FormData();
    for (const match of page.text.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
      form.append(match[1], (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
    }
    form.append("email", email);
    form.append("password", password);
    return http(server.url, "/signin", { body: form, headers });
  }

  it("the session cookie is HttpOnly, SameSite=Lax, Path=/ (Secure is checked on a server with secure cookies, below)", async () => {
    const answer = await signInForm(A, "admin@contoso.com", "Passw0rd!");
    expect(answer.status).toBe(303);
    const cookie = answer.headers.getSetCookie().find((value) => value.startsWith("portal_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i); // SESSION_COOKIE_SECURE=false on this server
    const wrong = await signInForm(A, "admin@contoso.com", "wrong-password");
    expect(wrong.headers.getSetCookie().some((value) => value.startsWith("portal_session="))).toBe(false);
  });

  it("a server action or the payments route posted with a foreign Origin is refused (403), and nothing changes", async () => {
    const before = await countRows(dbA);
    const invoiceId = world.contoso.payable[0];
    const foreign = ["https://evil.example", "null", `http://127.0.0.1:${A.port + 1}`];
    const answers: Answer[] = [];
    for (const origin of foreign) {
      const signIn = await signInForm(A, "admin@contoso.com", "Passw0rd!", { Origin: origin });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.getSetCookie().some((value) => value.startsWith("portal_session="))).toBe(false);
      const key = randomUUID();
      const action = await http(A.url, invoicesPagePath(world.contoso.accountId, `?invoice=${invoiceId}&blade=pay`), {
        cookie: contosoAdmin,
        headers: { "Next-Action": actionId("payInvoiceAction"), Accept: "text/x-component", Origin: origin },
        body: payNowActionBody({
          accountId: world.contoso.accountId,
          invoiceId,
          ...newCardBody(key, card(APPROVED)),
        } as Record<string, string>),
      });
      const route = await http(A.url, paymentsPath(world.contoso.accountId, invoiceId), {
        cookie: contosoAdmin,
        headers: { Origin: origin },
        json: newCardBody(randomUUID(), card(APPROVED)),
      });
      for (const name of [
        "addPaymentMethodAction",
        "removePaymentMethodAction",
        "setDefaultPaymentMethodAction",
        "replaceDefaultPaymentMethodAction",
        "editPaymentMethodAction",
        "markNotificationsRead",
      ]) {
        answers.push(
          await http(A.url, `/billing/${encodeURIComponent(world.contoso.accountId)}/payment-methods`, {
            cookie: contosoAdmin,
            headers: { "Next-Action": actionId(name), Origin: origin },
            body: payNowActionBody({ accountId: world.contoso.accountId }),
          }),
        );
      }
      answers.push(signIn, action, route);
    }
    for (const answer of answers) expect(answer.status, answer.text.slice(0, 200)).toBe(403);
    expect(await countRows(dbA)).toEqual(before);
    expect(
      (await invoiceRow(dbA, invoiceId)).payments.filter((payment) => payment.createdAt > new Date("2026-11-01")),
    ).toEqual([]);
    figures.set("web.foreignOrigin", {
      requests: answers.length,
      answers: tally(answers.map((answer) => answer.status)),
    });
  });

  it("a card holder name, an account name and an invoice search containing <script> render as text (page, receipt, PDF)", async () => {
    const holder = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
    // A new card saved by a payment, with markup in the holder name.
    const paid = await http(A.url, paymentsPath(world.contoso.accountId, world.contoso.payable[0]), {
      cookie: contosoAdmin,
      json: newCardBody(randomUUID(), card(luhnVisa(500)), { holderName: holder }),
    });
    expect(paid.status, paid.text).toBe(200);
    // The card is shown with its holder on its billing profile's Payment methods page.
    const { billingProfileId } = (await invoiceRow(dbA, world.contoso.payable[0])).invoice;
    const methods = await http(
      A.url,
      `/billing/${encodeURIComponent(world.contoso.accountId)}/billing-profiles/${encodeURIComponent(billingProfileId)}/payment-methods`,
      { cookie: contosoAdmin },
    );
    const search = await http(
      A.url,
      invoicesPagePath(world.contoso.accountId, `?q=${encodeURIComponent("<script>alert(1)</script>")}`),
      { cookie: contosoAdmin },
    );
    // Northwind's name carries markup: its invoices, a receipt and the PDF.
    const nwAdmin = await sessionCookie(world.nwAdminId);
    const nwInvoice = world.northwind.invoices[5];
    const nwPaid = await http(A.url, paymentsPath(world.northwind.accountId, nwInvoice), {
      cookie: nwAdmin,
      json: newCardBody(randomUUID(), card(APPROVED)),
    });
    expect(nwPaid.status, nwPaid.text).toBe(200);
    const paymentId = String(nwPaid.json().paymentId);
    const receipt = await http(
      A.url,
      invoicesPagePath(world.northwind.accountId, `?invoice=${nwInvoice}&blade=receipt&payment=${paymentId}`),
      { cookie: nwAdmin },
    );
    const details = await http(
      A.url,
      invoicesPagePath(world.northwind.accountId, `?invoice=${nwInvoice}&blade=details`),
      { cookie: nwAdmin },
    );
    for (const [name, page] of Object.entries({ methods, search, receipt, details })) {
      expect(page.status, name).toBe(200);
      expect(page.text, name).not.toMatch(/<script>alert\(|<img src=x onerror/);
    }
    expect(methods.text).toContain(
      "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
    );
    expect(search.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(receipt.text).toContain(paymentId);
    expect(receipt.text).toContain("Northwind &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(details.text).toContain("Azure services &lt;script&gt;");

    const pdf = await http(A.url, pdfPath(world.northwind.accountId, nwInvoice), { cookie: nwAdmin });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    // pdf-parse's bundled pdf.js misreads Node Buffers of pdf-lib output; a plain Uint8Array works.
    const text = (await pdfParse(new Uint8Array(pdf.bytes) as unknown as Buffer)).text;
    expect(text).toContain(`Northwind ${HOSTILE_NAME}`.slice(0, 40));
    expect(text).toContain("<script>");
    figures.set("web.markupAsText", { pagesChecked: 4, pdfChecked: 1 });
  });

  it("hostile requests get a clear 4xx without stack traces or SQL (malformed JSON, huge bodies, bad encodings, SQL in paths)", async () => {
    const acc = world.contoso.accountId;
    const inv = world.contoso.payable[1];
    const fabrikamAsContoso = await http(A.url, paymentsPath(world.fabrikam.accountId, world.fabrikam.invoiceId), {
      cookie: contosoAdmin,
      json: newCardBody(randomUUID(), card(APPROVED)),
    });
    const requests: Array<Promise<Answer>> = [
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        body: "{not json",
        headers: { "content-type": "application/json" },
      }),
      http(A.url, paymentsPath(acc, inv), { cookie: contosoAdmin, json: "[1,2,3]" }),
      http(A.url, paymentsPath(acc, inv), { cookie: contosoAdmin, json: "null" }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { ...newCardBody(randomUUID(), card(APPROVED)), holderName: "x".repeat(1_000_000) },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { ...newCardBody(randomUUID(), card(APPROVED)), amount: 12.5 },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { ...newCardBody(randomUUID(), card(APPROVED)), amount: "NaN" },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { ...newCardBody(randomUUID(), card(APPROVED)), amount: "-10.00" },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { ...newCardBody(randomUUID(), card(APPROVED)), amount: "1e309" },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: contosoAdmin,
        json: { idempotencyKey: "' OR 1=1; --", method: "saved", paymentMethodId: "x' UNION SELECT * FROM User --" },
      }),
      http(A.url, paymentsPath(acc, inv), {
        cookie: "portal_session=Fe26.2**garbage*",
        json: newCardBody(randomUUID(), card(APPROVED)),
      }),
      http(A.url, paymentsPath(acc, "' OR '1'='1"), {
        cookie: contosoAdmin,
        json: newCardBody(randomUUID(), card(APPROVED)),
      }),
      http(A.url, `/api/billing/${encodeURIComponent(acc)}/invoices/%E0%A4%A/payments`, {
        cookie: contosoAdmin,
        json: newCardBody(randomUUID(), card(APPROVED)),
      }),
      http(A.url, `/api/billing/%ZZ/invoices/${inv}/pdf`, { cookie: contosoAdmin }),
      http(A.url, `/api/billing/${encodeURIComponent(acc)}/invoices/%ZZ/payments`, {
        cookie: contosoAdmin,
        json: newCardBody(randomUUID(), card(APPROVED)),
      }),
      http(A.url, `/api/billing/${encodeURIComponent(acc)}/invoices/%25E0%25A4/payments`, {
        cookie: contosoAdmin,
        json: newCardBody(randomUUID(), card(APPROVED)),
      }),
      http(A.url, `/billing/%ZZ/invoices`, { cookie: contosoAdmin }),
      http(A.url, `/billing/${encodeURIComponent(acc)}/invoices?q=%ZZ&page=%`, { cookie: contosoAdmin }),
      http(A.url, pdfPath(acc, "../../../../etc/passwd"), { cookie: contosoAdmin }),
      http(A.url, pdfPath(acc, `${inv}' OR 1=1 --`), { cookie: contosoAdmin }),
      http(A.url, pdfPath(world.fabrikam.accountId, world.fabrikam.invoiceId), { cookie: contosoAdmin }),
      http(A.url, `/billing/${encodeURIComponent("' OR 1=1 --")}/invoices`, { cookie: contosoAdmin }),
      http(
        A.url,
        `/billing/${encodeURIComponent(acc)}/invoices?page=-1&sort=%3Cx%3E&timespan=${"9".repeat(500)}&from=2026-13-45`,
        { cookie: contosoAdmin },
      ),
      http(A.url, "/signin?returnTo=//evil.example/%0d%0aSet-Cookie:x=1"),
      http(A.url, "/this/does/not/exist"),
      // A server action that does not exist.
      http(A.url, "/signin", { headers: { "Next-Action": "00" + "ab".repeat(20), Origin: A.url }, body: "[]" }),
    ];
    const answers = [fabrikamAsContoso, ...(await Promise.all(requests))];
    const statuses = answers.map((answer) => answer.status);
    for (const answer of answers) expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    expect(fabrikamAsContoso.status).toBe(404);
    figures.set("web.hostileRequests", { requests: answers.length, answers: tally(statuses) });
  });

  it("a server action envelope React cannot decode: Next's own generic 500 (no details), nothing changes", async () => {
    // Not an input of the action: the framing of the request (React's reply encoding) is broken,
    // so Next fails before any portal code runs. No browser sends this; it is recorded as known.
    const before = await countRows(dbA);
    const bodies = ['["$Q1", {"__proto__": 1}]', '["$K9"]'];
    for (const body of bodies) {
      const answer = await http(A.url, invoicesPagePath(world.contoso.accountId), {
        cookie: contosoAdmin,
        headers: { "Next-Action": actionId("payInvoiceAction"), Origin: A.url, "content-type": "text/plain" },
        body,
      });
      frameworkErrors.add(exchanges.at(-1)!);
      expect([400, 500]).toContain(answer.status);
      expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|prisma|SQLITE/i);
    }
    expect(await countRows(dbA)).toEqual(before);
    figures.set("web.undecodableActionEnvelope", {
      requests: bodies.length,
      answers: tally([...frameworkErrors].map((exchange) => exchange.status)),
      note: "framework behaviour, generic digest only",
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe("2 + 4. crashes, processor faults and the decline limit, across restarts (database B)", () => {
  const contosoInvoice = (i: number) => world.extraInvoices[i];
  const payB = (
    server: Server,
    invoiceId: string,
    body: unknown,
    cookie = contosoAdmin,
    accountId = world.contoso.accountId,
  ) => http(server.url, paymentsPath(accountId, invoiceId), { cookie, json: body, timeoutMs: 30_000 });
  const crashKey = randomUUID();

  it("crash-after-charge: the process dies mid-request, leaving the payment PENDING with the charge in the ledger", async () => {
    const crashing = await start("b1-crash-after-charge", dbB, { SIM_PROCESSOR_FAULT: "crash-after-charge" });
    const before = await invoiceRow(dbB, contosoInvoice(0));
    await expect(payB(crashing, contosoInvoice(0), newCardBody(crashKey, card(APPROVED)))).rejects.toThrow();
    const exit = await Promise.race([
      crashing.exited,
      new Promise((resolve) => setTimeout(() => resolve("still running"), 15_000)),
    ]);
    expect(exit).toBe("SIGKILL");
    const after = await invoiceRow(dbB, contosoInvoice(0));
    expect(after.payments.map((payment) => payment.status)).toEqual(["PENDING"]);
    expect(after.invoice.amountDueMinor).toBe(before.invoice.amountDueMinor - after.payments[0].amountMinor);
    expect((await ledger(dbB, [crashKey])).map((charge) => charge.outcome)).toEqual(["approved"]);
  });

  let restarted: Server;
  it("restart: db-setup reconciles it to SUCCEEDED exactly once; a retry with the same key returns the settled result", async () => {
    const output = runDbSetup(dbB);
    expect(output).toContain("Reconciled 1 payment(s)");
    const settled = await invoiceRow(dbB, contosoInvoice(0));
    expect(settled.payments.map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    expect(settled.invoice.amountDueMinor).toBe(0);
    // Secure cookies on (SESSION_COOKIE_SECURE unset): checked below.
    restarted = await start("b2-restarted", dbB, { SESSION_COOKIE_SECURE: undefined });
    const retry = await payB(restarted, contosoInvoice(0), newCardBody(crashKey, card(APPROVED)));
    expect(retry.status).toBe(200);
    expect(retry.json()).toMatchObject({ status: "succeeded", paymentId: settled.payments[0].id, paidInFull: true });
    expect(await ledger(dbB, [crashKey])).toHaveLength(1);
    expect((await invoiceRow(dbB, contosoInvoice(0))).payments).toHaveLength(1);
  });

  it("with secure cookies enabled the session cookie is also Secure", async () => {
    const page = await http(restarted.url, "/signin");
    const form = new FormData();
    for (const match of page.text.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
      form.append(match[1], (match[2] ?? "").replaceAll("&quot;", '"'));
    form.append("email", "admin@contoso.com");
    form.append("password", "Passw0rd!");
    const answer = await http(restarted.url, "/signin", { body: form });
    expect(answer.status).toBe(303);
    // The __Host- prefix: the browser keeps it only if Secure, Path=/ and no Domain (review finding 5).
    expect(answer.headers.getSetCookie().some((value) => value.startsWith("portal_session="))).toBe(false);
    const cookie = answer.headers.getSetCookie().find((value) => value.startsWith("__Host-portal_session="));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it("card testing: 10 declines per account are allowed, the 11th attempt is refused with a clear message; the limit also counts per user", async () => {
    const nwAdmin = await sessionCookie(world.nwAdminId);
    const nw2Admin = await sessionCookie(world.nw2AdminId);
    const nwInvoice = world.northwind.invoices[0];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await payB(
        restarted,
        nwInvoice,
        newCardBody(randomUUID(), card(DECLINED)),
        nwAdmin,
        world.northwind.accountId,
      );
      statuses.push(answer.status);
      expect(answer.status, answer.text).toBe(402);
    }
    const before = await countRows(dbB);
    const eleventh = await payB(
      restarted,
      nwInvoice,
      newCardBody(randomUUID(), card(APPROVED)),
      nwAdmin,
      world.northwind.accountId,
    );
    expect(eleventh.status).toBe(429);
    expect(eleventh.json()).toMatchObject({
      status: "refused",
      reason: "tooManyDeclines",
      message: t.refusals.tooManyDeclines,
    });
    // The same user on another account: refused (per user).
    const otherAccount = await payB(
      restarted,
      world.northwind2.invoices[0],
      newCardBody(randomUUID(), card(APPROVED)),
      nwAdmin,
      world.northwind2.accountId,
    );
    expect(otherAccount.status).toBe(429);
    expect(await countRows(dbB)).toEqual(before);
    // Another user on that other account: not limited.
    const otherUser = await payB(
      restarted,
      world.northwind2.invoices[0],
      newCardBody(randomUUID(), card(APPROVED)),
      nw2Admin,
      world.northwind2.accountId,
    );
    expect(otherUser.status, otherUser.text).toBe(200);
    statuses.push(eleventh.status, otherAccount.status, otherUser.status);
    figures.set("cardTesting.beforeRestart", { requests: statuses.length, answers: tally(statuses) });
    await restarted.stop();
  });

  it("fail-after-charge: 409 inProgress (being checked); the limit still holds after the restart; a retry with the same key settles it, one charge", async () => {
    const failing = await start("b3-fail-after-charge", dbB, { SIM_PROCESSOR_FAULT: "fail-after-charge" });
    const nwAdmin = await sessionCookie(world.nwAdminId);
    const limited = await payB(
      failing,
      world.northwind.invoices[1],
      newCardBody(randomUUID(), card(APPROVED)),
      nwAdmin,
      world.northwind.accountId,
    );
    expect(limited.status).toBe(429);
    const limitedOther = await payB(
      failing,
      world.northwind2.invoices[1],
      newCardBody(randomUUID(), card(APPROVED)),
      nwAdmin,
      world.northwind2.accountId,
    );
    expect(limitedOther.status).toBe(429);
    figures.set("cardTesting.afterRestart", { requests: 2, answers: tally([limited.status, limitedOther.status]) });

    const key = randomUUID();
    const invoiceId = contosoInvoice(1);
    const first = await payB(failing, invoiceId, newCardBody(key, card(APPROVED)));
    expect(first.status).toBe(409);
    expect(first.json()).toMatchObject({ status: "inProgress", message: t.errors.inProgress });
    expect((await invoiceRow(dbB, invoiceId)).payments.map((payment) => payment.status)).toEqual(["PENDING"]);
    const retry = await payB(failing, invoiceId, newCardBody(key, card(APPROVED)));
    expect(retry.status, retry.text).toBe(200);
    const again = await payB(failing, invoiceId, newCardBody(key, card(APPROVED)));
    expect(again.json().paymentId).toBe(retry.json().paymentId);
    const { invoice, payments } = await invoiceRow(dbB, invoiceId);
    expect(payments.map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    expect(invoice.amountDueMinor).toBe(0);
    expect(await ledger(dbB, [key])).toHaveLength(1);
    await failing.stop();
  });

  it("processor timeout: Pay now answers 409 inProgress quickly; a retry with the same key returns the settled result, never a second charge", async () => {
    const slow = await start("b4-timeout", dbB, {
      SIM_PROCESSOR_FAULT: "timeout",
      SIM_PROCESSOR_TIMEOUT_MS: "6000",
      PAYMENT_TIMEOUT_MS: "300",
    });
    const key = randomUUID();
    const invoiceId = contosoInvoice(2);
    // Warm the route up (its first request loads its code): the timing below is the payment's own.
    expect((await payB(slow, invoiceId, { idempotencyKey: "warm-up" })).status).toBe(422);
    const started = Date.now();
    const first = await payB(slow, invoiceId, newCardBody(key, card(APPROVED)));
    const answeredIn = Date.now() - started;
    expect(first.status).toBe(409);
    expect(first.json()).toMatchObject({ status: "inProgress", message: t.errors.inProgress });
    expect(answeredIn).toBeLessThan(6_000);
    const retry = await payB(slow, invoiceId, newCardBody(key, card(APPROVED)));
    expect(retry.status, retry.text).toBe(200);
    // Settled from the processor's records (lookup by key), not from the first call's answer: that
    // answer has not even arrived yet (it comes after 6 s, and the timed-out request discards it).
    expect(Date.now() - started).toBeLessThan(6_000);
    const again = await payB(slow, invoiceId, newCardBody(key, card(APPROVED)));
    expect(again.json().paymentId).toBe(retry.json().paymentId);
    const { invoice, payments } = await invoiceRow(dbB, invoiceId);
    expect(payments.map((payment) => payment.status)).toEqual(["SUCCEEDED"]);
    expect(invoice.amountDueMinor).toBe(0);
    expect(await ledger(dbB, [key])).toHaveLength(1);
    figures.set("faults", {
      crashAfterCharge: "reconciled at start-up, 1 charge",
      failAfterCharge: "409 then 200, 1 charge",
      timeout: `409 in ${answeredIn} ms then 200, 1 charge`,
    });
    await slow.stop();
  });
});

// ---------------------------------------------------------------------------------------------
describe("afterwards: every response and every file the run produced", () => {
  const stackTrace = /\bat [\w$.<>\[\] ]+ \(?(?:file:\/\/|\/|node:)[^)\n]*:\d+:\d+\)?|node_modules\/|\.tsx?:\d+:\d+/;
  const sqlText =
    /\b(?:SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b|SQLITE_|SqliteError|PrismaClient\w*Error|Invalid `prisma\./;

  it("no 500, and security headers on every response", () => {
    expect(exchanges.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const exchange of exchanges) {
      if (!frameworkErrors.has(exchange))
        expect(exchange.status, `${exchange.method} ${exchange.url}: ${exchange.body.slice(0, 200)}`).toBeLessThan(500);
      const csp = exchange.headers.get("content-security-policy") ?? "";
      const ok =
        csp.includes("frame-ancestors 'none'") &&
        csp.includes("default-src 'self'") &&
        csp.includes("object-src 'none'") &&
        exchange.headers.get("x-content-type-options")?.includes("nosniff") &&
        Boolean(exchange.headers.get("referrer-policy")) &&
        (exchange.headers.get("permissions-policy") ?? "").includes("camera=()");
      if (!ok) missing.push(`${exchange.status} ${exchange.method} ${exchange.url}`);
    }
    expect(missing).toEqual([]);
    // A static asset and an API answer too (not only pages).
    expect(exchanges.some((exchange) => exchange.url.includes("/api/"))).toBe(true);
  });

  it("static files and error pages carry the headers too", async () => {
    const page = await http(A.url, "/signin");
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    for (const answer of [
      await http(A.url, script!),
      await http(A.url, "/favicon.ico"),
      await http(A.url, "/nope"),
      await http(A.url, "/api/health"),
    ]) {
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("same-origin");
      expect(answer.headers.get("permissions-policy")).toContain("camera=()");
    }
  });

  it("no stack trace or SQL text in any error response", () => {
    const leaks = exchanges
      .filter((exchange) => exchange.status >= 400)
      .filter((exchange) => stackTrace.test(exchange.body) || sqlText.test(exchange.body))
      .map((exchange) => `${exchange.status} ${exchange.url}: ${exchange.body.slice(0, 200)}`);
    expect(leaks).toEqual([]);
    // No page or answer at all shows a stack trace (scripts are code, not answers: not scanned).
    const answers = exchanges.filter(
      (exchange) => !/javascript|css|image|font|pdf/.test(exchange.headers.get("content-type") ?? ""),
    );
    expect(answers.filter((exchange) => stackTrace.test(exchange.body)).map((exchange) => exchange.url)).toEqual([]);
    figures.set("errorResponsesChecked", exchanges.filter((exchange) => exchange.status >= 400).length);
  });

  it("no full card number or security code in the database files, the server logs or any response", async () => {
    await stopAllServers();
    const findings: Finding[] = [];
    let rowValues = 0;
    for (const database of [dbA, dbB]) {
      // SQLite: the files' raw bytes (with the WAL) and every text value; PostgreSQL: every text value.
      if (!ON_POSTGRESQL) findings.push(...scanDatabaseFiles(database, cardNumbers));
      const rows = ON_POSTGRESQL
        ? scanRows(await read(database, (db) => databaseRows(db, urlOf(database))), cardNumbers, securityCodes)
        : scanDatabaseRows(database, cardNumbers, securityCodes);
      findings.push(...rows.findings);
      rowValues += rows.values;
    }
    let logBytes = 0;
    for (const server of servers) {
      const log = server.log();
      logBytes += log.length;
      findings.push(...scanText(server.logFile, log, cardNumbers));
      expect(log, server.label).not.toMatch(/database is locked|SQLITE_BUSY/i);
    }
    for (const exchange of exchanges) {
      findings.push(
        ...scanText(
          `${exchange.method} ${exchange.url}`,
          exchange.body + JSON.stringify([...exchange.headers]),
          cardNumbers,
        ),
      );
    }
    expect(findings).toEqual([]);
    figures.set("secretsScan", {
      cardNumbers: cardNumbers.size,
      databaseFiles: 2,
      textValues: rowValues,
      logs: servers.length,
      logBytes,
      responses: exchanges.length,
      findings: findings.length,
    });
  });
});
