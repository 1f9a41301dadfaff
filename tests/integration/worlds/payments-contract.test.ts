// The payments API's contract, as a test suite would use it: a pinned world, a bearer token, the payment methods of
// a billing profile to pay with `method: "saved"`, 401 with the Bearer challenge without credentials, errors as
// `{ error: { code, message } }` with one stable code per reason, the expiry as numbers or digit strings, and every
// answer valid against the OpenAPI document.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET as methodsRoute } from "@/app/api/billing/[accountId]/billing-profiles/[profileId]/payment-methods/route";
import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import type { WorldInvoice } from "@/features/worlds/world-invoices";
import type { WorldView } from "@/features/worlds/world-view";

import { expectResponseMatches } from "../../support/openapi";
import { bearerToken, newWorld, ORIGIN, userOf } from "./world";

type Created = WorldView & { invoices: WorldInvoice[] };
const PAYMENTS = "/api/billing/{accountId}/invoices/{invoiceId}/payments";
const METHODS = "/api/billing/{accountId}/billing-profiles/{profileId}/payment-methods";

async function pay(invoice: WorldInvoice, body: unknown, headers: Record<string, string>) {
  const request = new NextRequest(`${ORIGIN}/api/billing/a/invoices/b/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const response = await paymentsRoute(request, {
    params: Promise.resolve({ accountId: invoice.billingAccount, invoiceId: invoice.number }),
  });
  await expectResponseMatches(response, "post", PAYMENTS);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function methods(accountId: string, profileId: string, headers: Record<string, string>) {
  const request = new NextRequest(`${ORIGIN}/api/billing/a/billing-profiles/b/payment-methods`, { headers });
  const response = await methodsRoute(request, { params: Promise.resolve({ accountId, profileId }) });
  await expectResponseMatches(response, "get", METHODS);
  return { status: response.status, body: await response.json() };
}

const newCard = (cardNumber: string, extra: object = {}) => ({
  idempotencyKey: randomUUID(),
  method: "new",
  cardNumber,
  expMonth: 12,
  expYear: 2040,
  cvc: "123",
  holderName: "Adele Vance",
  country: "US",
  postalCode: "98052",
  ...extra,
});

async function payableWorld() {
  const world = (await newWorld({ scenario: "mca-payable", now: "2028-06-20T10:00:00.000Z" })) as Created;
  const [due, pastDue] = ["due", "pastDue"].map((status) => world.invoices.find((i) => i.status === status)!);
  const admin = { authorization: `Bearer ${await bearerToken(userOf(world, "admin").email)}` };
  return { world, due, pastDue, admin };
}

describe("the payments API's contract", () => {
  it("no credentials at all: 401 AuthenticationFailed with WWW-Authenticate: Bearer (not a cross-site 403)", async () => {
    const { due } = await payableWorld();
    for (const headers of [{}, { origin: "https://elsewhere.example" }] as Record<string, string>[]) {
      const answer = await pay(due, newCard("4242424242424242"), headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(answer.body.error).toMatchObject({ code: "AuthenticationFailed", message: expect.any(String) });
    }
    const bad = await pay(due, newCard("4242424242424242"), { authorization: "Bearer not.a.token" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    expect(bad.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("takes expMonth and expYear as JSON numbers or digit strings", async () => {
    const { due, pastDue, admin } = await payableWorld();
    const asNumbers = await pay(due, newCard("4242424242424242", { amount: "10.00" }), admin);
    expect(asNumbers.status, JSON.stringify(asNumbers.body)).toBe(200);
    const asText = await pay(pastDue, newCard("4242424242424242", { expMonth: "12", expYear: "2040" }), admin);
    expect(asText.status, JSON.stringify(asText.body)).toBe(200);
    expect(asText.body).toMatchObject({ status: "succeeded", paidInFull: true });
  });

  it("answers one stable error code per reason, with a message for people", async () => {
    const { world, due, pastDue, admin } = await payableWorld();
    const cases: [string, () => Promise<{ status: number; body: { error: { code: string } } }>, number, string][] = [
      ["a declined card", () => pay(due, newCard("4000000000000002"), admin), 402, "CardDeclined"],
      ["insufficient funds", () => pay(due, newCard("4000000000009995"), admin), 402, "InsufficientFunds"],
      ["a bad card", () => pay(due, newCard("4242424242424241"), admin), 422, "InvalidCard"],
      [
        "a country that is not alpha-2",
        () => pay(due, newCard("4242424242424242", { country: "USA" }), admin),
        422,
        "InvalidCard",
      ],
      [
        "no method",
        () => pay(due, { idempotencyKey: randomUUID(), method: "saved" }, admin),
        422,
        "PaymentMethodRequired",
      ],
      [
        "an unreadable amount",
        () => pay(due, newCard("4242424242424242", { amount: "lots" }), admin),
        422,
        "InvalidAmount",
      ],
      [
        "too much",
        () => pay(due, newCard("4242424242424242", { amount: "99999.00" }), admin),
        422,
        "AmountAboveAmountDue",
      ],
      [
        "the reader",
        async () =>
          pay(due, newCard("4242424242424242"), {
            authorization: `Bearer ${await bearerToken(userOf(world, "reader").email)}`,
          }),
        403,
        "NotBillingAccountAdmin",
      ],
    ];
    for (const [label, call, status, code] of cases) {
      const answer = await call();
      expect(answer.status, label).toBe(status);
      expect(answer.body.error, label).toMatchObject({ code, message: expect.stringMatching(/\w/) });
    }

    const paid = newCard("4242424242424242");
    expect((await pay(pastDue, paid, admin)).status).toBe(200);
    const again = await pay(pastDue, newCard("4242424242424242"), admin);
    expect([again.status, again.body.error.code]).toEqual([409, "NotPayable"]);
    const otherAmount = await pay(pastDue, { ...paid, amount: "10.00" }, admin);
    expect([otherAmount.status, otherAmount.body.error.code]).toEqual([422, "IdempotencyKeyMismatch"]);
    const otherInvoice = await pay(due, paid, admin);
    expect([otherInvoice.status, otherInvoice.body.error.code]).toEqual([409, "IdempotencyKeyReused"]);

    const over = (await newWorld({ scenario: "over-card-limit" })) as Created;
    const overAdmin = { authorization: `Bearer ${await bearerToken(userOf(over, "admin").email)}` };
    const tooBig = await pay(
      over.invoices.find((i) => i.status === "due")!,
      newCard("4242424242424242"),
      overAdmin,
    );
    expect([tooBig.status, tooBig.body.error.code]).toEqual([422, "AboveCardLimit"]);
    // Another world's invoice does not exist for this admin.
    const foreign = await pay(
      over.invoices.find((i) => i.status === "due")!,
      newCard("4242424242424242"),
      admin,
    );
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "InvoiceNotFound"]);
  });
});

describe("GET …/billing-profiles/{profile}/payment-methods", () => {
  it("lists the profile's cards for its admin (default first, expired ones not usable), and one pays by its ID", async () => {
    const { due, admin } = await payableWorld();
    const listed = await methods(due.billingAccount, due.billingProfileId, admin);
    expect(listed.status).toBe(200);
    expect(listed.body.billingProfile).toMatchObject({ id: due.billingProfileId, name: "Contoso Engineering" });
    type Card = { brand: string; last4: string; isDefault: boolean; usable: boolean };
    const cards: Card[] = listed.body.value;
    const shown = (card: Card) => [card.brand, card.last4, card.isDefault, card.usable];
    expect(shown(cards[0])).toEqual(["visa", "4242", true, true]);
    expect(cards.slice(1).map(shown).sort()).toEqual([
      ["american-express", "0005", false, false],
      ["mastercard", "4444", false, true],
      ["visa", "0002", false, true],
    ]);
    const paid = await pay(
      due,
      { idempotencyKey: randomUUID(), method: "saved", paymentMethodId: listed.body.value[0].id },
      admin,
    );
    expect(paid.body).toMatchObject({ status: "succeeded", paidInFull: true });
  });

  it("the same policy as the blade: a reader 403, a user of another account 404, nobody 401", async () => {
    const { world, due } = await payableWorld();
    const reader = { authorization: `Bearer ${await bearerToken(userOf(world, "reader").email)}` };
    const fabrikam = { authorization: `Bearer ${await bearerToken(userOf(world, "admin", "Fabrikam, Inc.").email)}` };
    expect((await methods(due.billingAccount, due.billingProfileId, reader)).body.error.code).toBe(
      "NotBillingAccountAdmin",
    );
    const other = await methods(due.billingAccount, due.billingProfileId, fabrikam);
    expect([other.status, other.body.error.code]).toEqual([404, "BillingProfileNotFound"]);
    const nobody = await methods(due.billingAccount, due.billingProfileId, {});
    expect([nobody.status, nobody.body.error.code]).toEqual([401, "AuthenticationFailed"]);
  });
});
