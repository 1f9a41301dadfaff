// The token endpoint and the JSON routes (payments, the control API) read bodies of at most 16 KiB
// (src/server/request-body.ts): a larger declared Content-Length is refused with 413 before a byte is read,
// and a body without one (chunked) is read no further than the limit. They used to read whatever came, up
// to Next.js's own 10 MB cap. Called directly on a seeded database.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import { POST as createWorldRoute } from "@/app/api/sim/worlds/route";
import { POST as tokenRoute } from "@/app/oauth2/token/route";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import { catalogs } from "@/i18n/catalogs";
import { SMALL_BODY_LIMIT } from "@/server/request-body";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const SITE = "http://127.0.0.1:3000";
const CONTROL_TOKEN = "body-limit-tests-control-token-0123456789";
let accountId: string;
let invoiceId: string;
let paymentMethodId: string;
let bearer: string;

/** A body stream of `chunks` chunks of 64 KiB, made only as it is read; counts what was pulled. */
function endlessBody(chunks: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  return { stream, pulled };
}

type Body = { text: string } | { stream: ReadableStream<Uint8Array> };
function post(path: string, body: Body, headers: Record<string, string>) {
  const init =
    "text" in body
      ? { body: body.text }
      : // A stream has no Content-Length: what a chunked upload looks like to the route.
        { body: body.stream, duplex: "half" as const };
  return new NextRequest(`${SITE}${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", ...headers },
    ...init,
  });
}

const form = (extra: string) =>
  new URLSearchParams({
    grant_type: "password",
    username: "admin@contoso.com",
    password: "Passw0rd!",
    extra,
  }).toString();
const token = (body: Body) =>
  tokenRoute(post("/oauth2/token", body, { "content-type": "application/x-www-form-urlencoded" }));
const pay = (body: Body) =>
  paymentsRoute(
    post(`/api/billing/${accountId}/invoices/${invoiceId}/payments`, body, {
      authorization: `Bearer ${bearer}`,
      "content-type": "application/json",
    }),
    { params: Promise.resolve({ accountId, invoiceId }) },
  );
const createWorld = (body: Body) =>
  createWorldRoute(
    post("/api/sim/worlds", body, { authorization: `Bearer ${CONTROL_TOKEN}`, "content-type": "application/json" }),
  );
const payment = (padding = "") =>
  JSON.stringify({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId, amount: "10.00", padding });

beforeAll(async () => {
  process.env.SESSION_SECRET = "integration-test-session-secret-0123456789abcdef";
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  accountId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  const profile = await testDb.db.billingProfile.findFirstOrThrow({ where: { name: "Contoso Engineering" } });
  paymentMethodId = profile.defaultPaymentMethodId!;
  invoiceId = (
    await testDb.db.invoice.findFirstOrThrow({
      where: { billingProfileId: profile.id, voided: false, amountDueMinor: { gt: 500_00 } },
      orderBy: { invoiceDate: "desc" },
    })
  ).id;
  bearer = (await (await token({ text: form("") })).json()).access_token;
});
beforeEach(() => {
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  vi.stubEnv("PAYMENT_DELAY_MS", "0");
  vi.stubEnv("SIM_CONTROL_TOKEN", CONTROL_TOKEN);
  setCardProcessor(new SimulatedProcessor(0, "none"));
});

const over = "a".repeat(SMALL_BODY_LIMIT);

describe("the token endpoint", () => {
  it("refuses a body over 16 KiB with 413, by its Content-Length, and issues nothing", async () => {
    const answer = await token({ text: form(over) });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({
      error: "invalid_request",
      error_description: expect.stringMatching(/16 KiB/),
    });
  });

  it("stops reading a chunked body past 16 KiB (of 10 MB offered)", async () => {
    const { stream, pulled } = endlessBody(160);
    expect((await token({ stream })).status).toBe(413);
    expect(pulled.chunks).toBeLessThanOrEqual(2 + 1); // 16 KiB is inside the first 64 KiB chunk; one may be queued
  });

  it("still serves a form of ordinary size", async () => {
    expect((await token({ text: form("x".repeat(1000)) })).status).toBe(200);
  });
});

describe("the payments route", () => {
  it("refuses a payment over 16 KiB with 413 before paying, by Content-Length or by what it read", async () => {
    const t = catalogs.en.payments;
    for (const body of [{ text: payment(over) }, { stream: endlessBody(160).stream }]) {
      const outcome = await expectNoDatabaseChange(testDb.db, () => pay(body));
      expect(outcome.value!.status).toBe(413);
      expect(await outcome.value!.json()).toMatchObject({ status: "error", message: t.errors.tooLarge });
    }
    expect((await pay({ text: payment("x".repeat(1000)) })).status).toBe(200);
  });
});

describe("the control API", () => {
  it("refuses a body over 16 KiB with 413 and makes no world", async () => {
    for (const body of [{ text: JSON.stringify({ seed: 1, padding: over }) }, { stream: endlessBody(160).stream }]) {
      const outcome = await expectNoDatabaseChange(testDb.db, () => createWorld(body));
      expect(outcome.value!.status).toBe(413);
      expect(await outcome.value!.json()).toMatchObject({ error: "BodyTooLarge" });
    }
  });
});
