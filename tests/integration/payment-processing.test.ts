// Payment processing against a real SQLite file: a payment the processor has not
// answered yet (PENDING, its amount reserved) makes the invoice read "Payment
// processing" — in the grid and its status filter, the details, the Overview's
// chart, the Pay now decision and the PDF — and it turns Paid when the payment
// settles, or back to Due when it is declined.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import pdfParse from "pdf-parse";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { GET as downloadPdf } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/pdf/route";
import { parseInvoiceFilters } from "@/features/invoices/filters";
import { listInvoices } from "@/features/invoices/grid-query";
import { getBillingOverview, getInvoiceDetails } from "@/features/invoices/queries";
import { payInvoice, type PayRequest } from "@/features/payments/pay-invoice";
import { setCardProcessor } from "@/features/payments/processor/simulated";
import type { CardProcessor, ChargeResult } from "@/features/payments/processor/types";

import { signInAs } from "../support/session-cookie";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });

/** A processor whose answers arrive only when the test gives them: until then a charge never returns. */
class HeldProcessor implements CardProcessor {
  readonly answers = new Map<string, ChargeResult>();
  readonly keys: string[] = [];
  charge(request: { idempotencyKey: string }): Promise<ChargeResult> {
    this.keys.push(request.idempotencyKey);
    return new Promise(() => {}); // no answer in time: Pay now says "being checked"
  }
  async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    return this.answers.get(idempotencyKey) ?? null;
  }
  async abandon({ idempotencyKey }: { idempotencyKey: string }): Promise<ChargeResult> {
    if (!this.answers.has(idempotencyKey))
      this.answers.set(idempotencyKey, { outcome: "declined", code: "processing_error" });
    return this.answers.get(idempotencyKey)!;
  }
}

let processor: HeldProcessor;
let contoso: string;
let admin: string;
let visa: string;

beforeAll(async () => {
  vi.stubEnv("SESSION_SECRET", "integration-test-session-secret-0123456789");
  contoso = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  admin = (await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } })).id;
  visa = (
    await testDb.db.paymentMethod.findFirstOrThrow({
      where: { billingProfile: { billingAccountId: contoso, name: "Contoso Engineering" }, last4: "4242" },
    })
  ).id;
});

beforeEach(() => {
  vi.stubEnv("SESSION_SECRET", "integration-test-session-secret-0123456789");
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  vi.stubEnv("PAYMENT_TIMEOUT_MS", "50");
  processor = new HeldProcessor();
  setCardProcessor(processor);
});
afterAll(() => setCardProcessor(undefined));

/** A fresh Due invoice of Contoso Engineering, due in ten days, nothing paid. */
async function dueInvoice(totalMinor = 1_234_56) {
  const profile = await testDb.db.billingProfile.findFirstOrThrow({
    where: { billingAccountId: contoso, name: "Contoso Engineering" },
  });
  const day = 24 * 60 * 60 * 1000;
  return testDb.db.invoice.create({
    data: {
      id: `G08${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
      billingAccountId: contoso,
      billingProfileId: profile.id,
      invoiceDate: new Date(TEST_NOW.getTime() - day),
      dueDate: new Date(TEST_NOW.getTime() + 10 * day),
      periodStart: new Date(TEST_NOW.getTime() - 31 * day),
      periodEnd: new Date(TEST_NOW.getTime() - 2 * day),
      currency: "USD",
      subtotalMinor: totalMinor,
      taxMinor: 0,
      totalMinor,
      amountDueMinor: totalMinor,
    },
  });
}

function payWithVisa(invoiceId: string, idempotencyKey = randomUUID()): PayRequest {
  return {
    userId: admin,
    accountId: contoso,
    invoiceId,
    idempotencyKey,
    method: { kind: "saved", paymentMethodId: visa },
  };
}

async function gridRow(invoiceId: string) {
  const { rows } = await listInvoices(contoso, parseInvoiceFilters({ timespan: "custom", q: invoiceId }), TEST_NOW);
  expect(rows).toHaveLength(1);
  return rows[0];
}

async function idsWithStatus(status: string): Promise<string[]> {
  const filters = parseInvoiceFilters({ timespan: "custom", status });
  return (await listInvoices(contoso, filters, TEST_NOW)).rows.map((row) => row.id);
}

async function pdfStatusText(invoiceId: string): Promise<string> {
  await signInAs(testDb.db, "admin@contoso.com");
  const url = `http://127.0.0.1/api/billing/${encodeURIComponent(contoso)}/invoices/${invoiceId}/pdf`;
  const response = await downloadPdf(new NextRequest(url), {
    params: Promise.resolve({ accountId: contoso, invoiceId }),
  });
  expect(response.status).toBe(200);
  const parsed = await pdfParse(new Uint8Array(await response.arrayBuffer()) as unknown as Buffer);
  return parsed.text.replace(/\s+/g, " ");
}

describe("a payment the processor has not answered", () => {
  it("reads Payment processing everywhere, offers no second payment, and turns Paid when it settles", async () => {
    const invoice = await dueInvoice();
    const request = payWithVisa(invoice.id);

    const first = await payInvoice(request);
    expect(first).toMatchObject({ status: "inProgress" });
    expect(processor.keys).toEqual([request.idempotencyKey]);
    const pending = await testDb.db.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(pending).toMatchObject({ status: "PENDING", amountMinor: 1_234_56 });
    // The amount stays reserved: nothing is left to pay, yet nothing is paid.
    expect((await testDb.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountDueMinor).toBe(0);

    const row = await gridRow(invoice.id);
    expect(row).toMatchObject({ status: "processing", amountDueMinor: 0 });
    expect(await idsWithStatus("processing")).toEqual([invoice.id]);
    expect(await idsWithStatus("paid")).not.toContain(invoice.id);
    const details = await getInvoiceDetails(contoso, invoice.id);
    expect(details).toMatchObject({ pendingMinor: 1_234_56 });
    const overview = await getBillingOverview(contoso, TEST_NOW);
    expect(overview.recent.find((point) => point.id === invoice.id)?.status).toBe("processing");
    expect(await pdfStatusText(invoice.id)).toMatch(/Status ?Payment processing Description/);

    // Pay now is not offered again: another attempt is refused and reaches no processor.
    expect(await payInvoice(payWithVisa(invoice.id))).toEqual({ status: "refused", reason: "notPayable" });
    expect(processor.keys).toHaveLength(1);

    // The processor's answer arrives; the retry with the same key settles the payment.
    processor.answers.set(request.idempotencyKey, { outcome: "approved", reference: "SIM-REF-1" });
    expect(await payInvoice(request)).toMatchObject({ status: "succeeded", paymentId: pending.id, paidInFull: true });
    expect(await gridRow(invoice.id)).toMatchObject({ status: "paid" });
    expect(await getInvoiceDetails(contoso, invoice.id)).toMatchObject({ pendingMinor: 0 });
    expect(await idsWithStatus("paid")).toContain(invoice.id);
    expect(await idsWithStatus("processing")).toEqual([]);
    expect(await pdfStatusText(invoice.id)).toMatch(/Status ?Paid Description/);
    expect(processor.keys).toHaveLength(1); // charged once
  });

  it("turns back to Due, with its balance, when the processor declines", async () => {
    const invoice = await dueInvoice(2_000_00);
    const request = payWithVisa(invoice.id);
    expect(await payInvoice(request)).toMatchObject({ status: "inProgress" });
    expect((await gridRow(invoice.id)).status).toBe("processing");

    processor.answers.set(request.idempotencyKey, { outcome: "declined", code: "insufficient_funds" });
    expect(await payInvoice(request)).toMatchObject({ status: "declined", code: "insufficient_funds" });
    expect(await gridRow(invoice.id)).toMatchObject({ status: "due", amountDueMinor: 2_000_00 });
    expect(await getInvoiceDetails(contoso, invoice.id)).toMatchObject({ pendingMinor: 0 });
  });

  it("leaves a partly paid balance payable while a part of it is pending", async () => {
    const invoice = await dueInvoice(3_000_00);
    expect(await payInvoice({ ...payWithVisa(invoice.id), amountMinor: 1_000_00 })).toMatchObject({
      status: "inProgress",
    });
    expect(await gridRow(invoice.id)).toMatchObject({ status: "partiallyPaid", amountDueMinor: 2_000_00 });
    expect(await getInvoiceDetails(contoso, invoice.id)).toMatchObject({ pendingMinor: 1_000_00 });
  });
});
