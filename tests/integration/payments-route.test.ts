// Review finding 7: the JSON payments route trusted any Content-Type and read a missing Origin as same-site.
// A cookie-authenticated call must come from the portal's own page: Origin present and ours, body JSON.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import { catalogs } from "@/i18n/catalogs";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { signInAs } from "../support/session-cookie";
import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const t = catalogs.en.payments;
const SITE = "http://127.0.0.1:3000";

let accountId: string;
let invoiceId: string;
let paymentMethodId: string;
beforeAll(async () => {
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  vi.stubEnv("PAYMENT_DELAY_MS", "0");
  const account = await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } });
  accountId = account.id;
  const profile = await testDb.db.billingProfile.findFirstOrThrow({ where: { name: "Contoso Engineering" } });
  paymentMethodId = profile.defaultPaymentMethodId!;
  const invoice = await testDb.db.invoice.findFirstOrThrow({
    where: { billingProfileId: profile.id, voided: false, amountDueMinor: { gt: 500_00 } },
    orderBy: { invoiceDate: "desc" },
  });
  invoiceId = invoice.id;
});
beforeEach(async () => {
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  vi.stubEnv("PAYMENT_DELAY_MS", "0");
  setCardProcessor(new SimulatedProcessor(0, "none"));
  await signInAs(testDb.db, "admin@contoso.com");
});

function post(headers: Record<string, string>, body = JSON.stringify(payment())): Promise<Response> {
  const request = new NextRequest(`${SITE}/api/billing/a/invoices/b/payments`, {
    method: "POST",
    body,
    headers: { host: "127.0.0.1:3000", ...headers },
  });
  return paymentsRoute(request, { params: Promise.resolve({ accountId, invoiceId }) });
}
const payment = () => ({ idempotencyKey: randomUUID(), method: "saved", paymentMethodId, amount: "10.00" });

describe("POST …/payments with the session cookie", () => {
  it.each([
    ["no Origin", { "content-type": "application/json" }, 403, t.errors.invalidRequest],
    [
      "another site's Origin",
      { "content-type": "application/json", origin: "https://evil.example" },
      403,
      t.errors.invalidRequest,
    ],
    [
      "text/plain (what a cross-site form can send)",
      { "content-type": "text/plain", origin: SITE },
      415,
      t.errors.jsonRequired,
    ],
    [
      "a form encoding",
      { "content-type": "application/x-www-form-urlencoded", origin: SITE },
      415,
      t.errors.jsonRequired,
    ],
    ["no Content-Type", { origin: SITE }, 415, t.errors.jsonRequired],
    ["application/jsonp", { "content-type": "application/jsonp", origin: SITE }, 415, t.errors.jsonRequired],
  ])("is refused with %s, before anything is read or written", async (_label, headers, status, message) => {
    const outcome = await expectNoDatabaseChange(testDb.db, () => post(headers));
    const response = outcome.value!;
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      status: "error",
      message,
      error: { code: status === 415 ? "UnsupportedMediaType" : "CrossSiteRequest", message },
    });
  });

  it("is served from the portal's own page: JSON (with a charset) and our Origin", async () => {
    const response = await post({ "content-type": "application/json; charset=utf-8", origin: SITE });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "succeeded", amountMinor: 10_00, invoiceId });
  });
});
