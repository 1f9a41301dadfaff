// Hostile input, property-based (fast-check): every server action and route
// handler of the portal, called as Next calls them (faked next/headers), with
// random and oversized strings, Unicode digits, control characters, HTML and
// SQL fragments, negative/fractional/huge/NaN amounts, wrong types, missing
// fields and other accounts' IDs. Each case is built around one "poison" — a
// field that makes the request invalid or not allowed — while the other fields
// are valid or hostile at random, so the cases come close to real requests.
//
// Promise checked for every case: a clear refusal (an error state with a
// message, or a 4xx JSON answer), never a throw or a 5xx, and no database
// change (SQLite's total_changes() before and after each case, and a full
// snapshot of every table around each property). The suite prints how many
// cases it ran (and writes test-results/reliability/figures-hostile-input-<this file>.json).
//
// This file: the payment forms, the payments route and the payment method actions.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import {
  addPaymentMethodAction,
  removePaymentMethodAction,
  setDefaultPaymentMethodAction,
} from "@/features/payment-methods/method-actions";
import { payInvoiceAction } from "@/features/payments/actions";

import { badCard, cardFieldNames, hostileString, payCase, sessionUser, validOrHostile } from "./values";
import { check, goodCard, runs, signInAs, w } from "./world";

describe("hostile input: every case refused clearly, nothing written", () => {
  it("payInvoiceAction (the Pay now form)", async () => {
    await check("payInvoiceAction", payCase(false), runs(220), async ({ fields, session }) => {
      await signInAs(sessionUser(session));
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
      const state = await payInvoiceAction({ status: "idle", nextKey: "x" }, form);
      expect(state.status, JSON.stringify(state)).toBe("error");
      expect(state.status === "error" && state.message.length > 0).toBe(true);
    });
  });

  it("payInvoiceAction with files and repeated fields in the form", async () => {
    const arbitrary = fc.record({
      fileField: fc.constantFrom("accountId", "invoiceId", "idempotencyKey", "method", "amount", "cardNumber", "cvc"),
      repeated: fc.constantFrom("accountId", "invoiceId", "amount", "paymentMethodId"),
      content: hostileString,
    });
    await check("payInvoiceAction (files)", arbitrary, runs(40), async ({ fileField, repeated, content }) => {
      await signInAs(w.admin);
      const form = new FormData();
      const fields: Record<string, string> = {
        accountId: w.contoso,
        invoiceId: w.dueInvoice,
        idempotencyKey: crypto.randomUUID(),
        method: "new",
        ...goodCard,
      };
      for (const [name, value] of Object.entries(fields)) if (name !== fileField) form.append(name, value);
      form.append(fileField, new Blob([content]), "x.txt");
      form.append(repeated, "'; DROP TABLE x; --");
      const state = await payInvoiceAction({ status: "idle", nextKey: "x" }, form);
      expect(state.status).toBe("error");
    });
  });

  it("POST /api/billing/{account}/invoices/{invoice}/payments (JSON, wrong types included)", async () => {
    const arbitrary = fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(payCase(true), fc.boolean())
          .map(([value, encode]) => ({ ...value, encode, raw: undefined as string | undefined })),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constantFrom("", "{", "[]", "null", "42", '"x"', '{"__proto__":{"admin":true}}', "{".repeat(5000)),
            fc.string({ maxLength: 200 }),
          )
          .map((raw) => ({
            fields: { accountId: w.contoso, invoiceId: w.dueInvoice } as Record<string, unknown>,
            poison: "body",
            session: "admin" as const,
            encode: true,
            raw,
          })),
      },
    );
    await check("payments route", arbitrary, runs(220), async ({ fields, session, raw, encode }) => {
      await signInAs(sessionUser(session));
      // The account and invoice are path segments: whatever was generated, as text (missing: empty).
      const segment = (value: unknown) =>
        value === undefined ? "" : typeof value === "string" ? value : (JSON.stringify(value) ?? "");
      const body = raw ?? JSON.stringify({ ...fields, accountId: undefined, invoiceId: undefined });
      // As Next hands them to the handler: decoded, or still percent-encoded, possibly malformed.
      const [accountId, invoiceId] = [segment(fields.accountId), segment(fields.invoiceId)].map((value) =>
        encode ? encodeURIComponent(value) : value,
      );
      const params = { accountId, invoiceId };
      const request = new NextRequest("http://127.0.0.1:3000/api/billing/x/invoices/y/payments", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" },
      });
      const response = await paymentsRoute(request, { params: Promise.resolve(params) });
      expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const json = (await response.json()) as { message?: unknown };
      expect(typeof json.message === "string" && json.message.length > 0).toBe(true);
    });
  });

  it("addPaymentMethodAction", async () => {
    const poisons = [
      "accountId",
      "billingProfileId",
      "foreignAccount",
      "foreignProfile",
      "reader",
      "signedOut",
      ...cardFieldNames,
    ] as const;
    const arbitrary = fc.constantFrom(...poisons).chain((poison) =>
      fc.record({
        poison: fc.constant(poison),
        bad: hostileString,
        cardValue: poison in badCard ? badCard[poison] : fc.constant(""),
        card: fc.record(
          Object.fromEntries(cardFieldNames.map((name) => [name, validOrHostile(goodCard[name])])) as Record<
            keyof typeof goodCard,
            fc.Arbitrary<string>
          >,
        ),
      }),
    );
    await check("addPaymentMethodAction", arbitrary, runs(150), async ({ poison, bad, cardValue, card }) => {
      const fields: Record<string, string> = { accountId: w.contoso, billingProfileId: w.contosoProfile, ...card };
      let user: string | null = w.admin;
      if (poison === "accountId") fields.accountId = bad === w.contoso ? "x" : bad;
      else if (poison === "billingProfileId") fields.billingProfileId = bad === w.contosoProfile ? "x" : bad;
      else if (poison === "foreignAccount") fields.accountId = w.fabrikam;
      else if (poison === "foreignProfile") fields.billingProfileId = w.fabrikamProfile;
      else if (poison === "reader") user = w.reader;
      else if (poison === "signedOut") user = null;
      else fields[poison] = cardValue;
      await signInAs(user);
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const state = await addPaymentMethodAction({ status: "idle" }, form);
      expect(state.status, JSON.stringify(state)).toBe("error");
      expect(state.message?.length).toBeGreaterThan(0);
    });
  });

  for (const [name, action, allowed] of [
    ["setDefaultPaymentMethodAction", setDefaultPaymentMethodAction, () => [w.usableCard, w.defaultCard]],
    ["removePaymentMethodAction", removePaymentMethodAction, () => [w.usableCard, w.expiredCard]],
  ] as const) {
    it(name, async () => {
      const arbitrary = fc.record({
        poison: fc.constantFrom(
          "accountId",
          "paymentMethodId",
          "foreignCard",
          "foreignAccount",
          "refusedCard",
          "reader",
          "fabrikamAdmin",
          "signedOut",
          "missing",
        ),
        bad: hostileString,
      });
      await check(name, arbitrary, runs(70), async ({ poison, bad }) => {
        // The one card each action refuses on its own terms: an expired card cannot become the default; the default cannot be removed.
        const refusedCard = name === "setDefaultPaymentMethodAction" ? w.expiredCard : w.defaultCard;
        const fields: Record<string, string> = { accountId: w.contoso, paymentMethodId: allowed()[0] };
        let user: string | null = w.admin;
        if (poison === "accountId") fields.accountId = bad === w.contoso ? "x" : bad;
        else if (poison === "paymentMethodId")
          fields.paymentMethodId = (allowed() as readonly string[]).includes(bad) ? "x" : bad;
        else if (poison === "foreignCard") fields.paymentMethodId = w.fabrikamCard;
        else if (poison === "foreignAccount") fields.accountId = w.fabrikam;
        else if (poison === "refusedCard") fields.paymentMethodId = refusedCard;
        else if (poison === "reader") user = w.reader;
        else if (poison === "fabrikamAdmin") user = w.fabrikamAdmin;
        else if (poison === "signedOut") user = null;
        else delete fields.paymentMethodId;
        await signInAs(user);
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        const state = await action({ status: "idle" }, form);
        expect(state.status, JSON.stringify(state)).toBe("error");
        expect(state.message?.length).toBeGreaterThan(0);
      });
    });
  }
});
