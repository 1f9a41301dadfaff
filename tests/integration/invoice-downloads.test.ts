// The grid's downloads, called as Next calls the route handlers: several invoices
// as one streamed ZIP of their PDFs, and an invoice's Azure usage file (CSV).
// Real sealed session cookies, the seeded database; the ZIP is read back with fflate.
import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import pdfParse from "pdf-parse";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { GET as usageGET } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/usage/route";
import { GET as zipGET } from "@/app/api/billing/[accountId]/invoices/download/route";
import { invoicesZipPath, invoiceUsagePath } from "@/features/invoices/pdf-path";
import { USAGE_FILE_COLUMNS } from "@/features/invoices/usage-file";

import { resetNextRequest } from "../support/next-request";
import { signInAs } from "../support/session-cookie";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });
const SECRET = "integration-test-session-secret-0123456789";

let contosoId: string;
let fabrikamId: string;
let contosoInvoices: string[];

beforeAll(async () => {
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  fabrikamId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Fabrikam, Inc." } })).id;
  contosoInvoices = (
    await testDb.db.invoice.findMany({
      where: { billingAccountId: contosoId },
      orderBy: { invoiceDate: "desc" },
      take: 3,
      select: { id: true },
    })
  ).map((invoice) => invoice.id);
});

beforeEach(() => {
  vi.stubEnv("SESSION_SECRET", SECRET);
  resetNextRequest();
});

function zip(accountId: string, query: string) {
  const url = `http://127.0.0.1/api/billing/${encodeURIComponent(accountId)}/invoices/download${query}`;
  return zipGET(new NextRequest(url), { params: Promise.resolve({ accountId: encodeURIComponent(accountId) }) });
}

function usage(accountId: string, invoiceId: string) {
  const url = `http://127.0.0.1${invoiceUsagePath(accountId, invoiceId)}`;
  return usageGET(new NextRequest(url), {
    params: Promise.resolve({ accountId: encodeURIComponent(accountId), invoiceId: encodeURIComponent(invoiceId) }),
  });
}

describe("GET /api/billing/{accountId}/invoices/download", () => {
  it("streams one ZIP holding each selected invoice's PDF, in the order selected", async () => {
    await signInAs(testDb.db, "admin@contoso.com");
    const path = invoicesZipPath(contosoId, contosoInvoices);
    const response = await zip(contosoId, path.slice(path.indexOf("?")));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Invoices_\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);

    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(contosoInvoices.map((id) => `Invoice_${id}.pdf`));
    for (const [name, bytes] of Object.entries(files)) {
      expect(strFromU8(bytes.subarray(0, 5)), name).toBe("%PDF-");
      // pdf-parse's bundled pdf.js misreads Node Buffers of pdf-lib output; a plain Uint8Array works.
      const { text } = await pdfParse(new Uint8Array(bytes) as unknown as Buffer);
      expect(text, name).toContain(name.slice("Invoice_".length, -".pdf".length));
    }
  });

  it("lets a billing account reader download", async () => {
    await signInAs(testDb.db, "reader@contoso.com");
    const response = await zip(contosoId, `?invoice=${contosoInvoices[0]}&invoice=${contosoInvoices[1]}`);
    expect(response.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toHaveLength(2);
  });

  it("answers 401 without a session", async () => {
    const response = await zip(contosoId, `?invoice=${contosoInvoices[0]}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("answers 404 to a user with no role on the account, and when one invoice is another account's", async () => {
    await signInAs(testDb.db, "admin@fabrikam.com");
    expect((await zip(contosoId, `?invoice=${contosoInvoices[0]}`)).status).toBe(404);
    const own = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: fabrikamId } });
    const mixed = await zip(fabrikamId, `?invoice=${own.id}&invoice=${contosoInvoices[0]}`);
    expect(mixed.status).toBe(404);
    expect(await mixed.json()).toMatchObject({ error: { code: "notFound" } });
  });

  it.each([
    ["no invoice", ""],
    ["a malformed invoice ID", "?invoice=../../etc/passwd"],
    ["the same invoice twice", "?invoice=G1&invoice=G1"],
    ["more than a page of invoices", `?${Array.from({ length: 21 }, (_, i) => `invoice=G${i}`).join("&")}`],
  ])("answers 400 to %s, with a message a person understands", async (_label, query) => {
    await signInAs(testDb.db, "admin@contoso.com");
    const response = await zip(contosoId, query);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "badRequest",
        message: "The selection of invoices is not valid: select between 1 and 20 invoices.",
      },
    });
  });
});

describe("GET /api/billing/{accountId}/invoices/{invoiceId}/usage", () => {
  it("gives the invoice's usage lines as CSV with the Azure usage file's header row", async () => {
    await signInAs(testDb.db, "reader@contoso.com");
    const invoice = await testDb.db.invoice.findFirstOrThrow({
      where: { id: contosoInvoices[0] },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    const response = await usage(contosoId, invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="AzureUsage_${invoice.id}.csv"`);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe(
      "invoiceId,billingAccountId,billingAccountName,billingProfileId,billingProfileName,billingPeriodEndDate," +
        "billingPeriodStartDate,date,serviceFamily,meterName,meterCategory,quantity,billingCurrency," +
        "costInBillingCurrency,unitPrice",
    );
    expect(header.split(",")).toEqual([...USAGE_FILE_COLUMNS]);
    expect(rows).toHaveLength(invoice.lines.length);
    // The costs add up to the invoice's subtotal (before tax, as Azure's file).
    const cost = USAGE_FILE_COLUMNS.indexOf("costInBillingCurrency");
    const sum = rows.reduce((total, row) => total + Math.round(Number(row.split(",")[cost]) * 100), 0);
    expect(sum).toBe(invoice.subtotalMinor);
    expect(rows[0].split(",")[USAGE_FILE_COLUMNS.indexOf("billingCurrency")]).toBe("USD");
  });

  it("answers 404 to a user with no role, and 401 without a session", async () => {
    await signInAs(testDb.db, "admin@fabrikam.com");
    expect((await usage(contosoId, contosoInvoices[0])).status).toBe(404);
    resetNextRequest();
    expect((await usage(contosoId, contosoInvoices[0])).status).toBe(401);
  });
});
