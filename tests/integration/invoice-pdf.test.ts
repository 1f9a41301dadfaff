// The invoice PDF route, called directly: a real sealed session cookie in the
// faked next/headers jar, the seeded database, and the PDF's text read back.
import { NextRequest } from "next/server";
import pdfParse from "pdf-parse";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { GET } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/pdf/route";
import { SESSION_COOKIE } from "@/features/access/session";
import { invoicePdfFileName } from "@/features/invoices/invoice-pdf";
import { buildInvoicePdf, type InvoicePdfTexts } from "@/features/invoices/pdf-layout";
import { invoicePdfPath } from "@/features/invoices/pdf-path";
import { toWinAnsi } from "@/features/invoices/pdf-text";
import { formatMoney } from "@/lib/money";

import { cookieJar } from "../support/next-request";
import { sessionCookieFor } from "../support/session-cookie";
// Aliased: a name starting with "use" trips the React hooks lint rule.
import { useTestDatabase as seededTestDatabase } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });
const SECRET = "integration-test-session-secret-0123456789";

let contosoId: string;
let contosoInvoice: { id: string; totalMinor: number; amountDueMinor: number; currency: string };

beforeAll(async () => {
  const account = await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } });
  contosoId = account.id;
  // The invoice above the card limit: a large total with a thousands separator.
  contosoInvoice = await testDb.db.invoice.findFirstOrThrow({
    where: { billingAccountId: contosoId },
    orderBy: { totalMinor: "desc" },
  });
});

beforeEach(() => {
  vi.stubEnv("SESSION_SECRET", SECRET);
});

/** Puts a real iron-session cookie for this user in the jar, as the sign-in action would. */
async function signInAs(email: string) {
  cookieJar.set(SESSION_COOKIE, await sessionCookieFor(testDb.db, email), { httpOnly: true, path: "/" });
}

/** Calls the handler the way Next does for the URL invoicePdfPath() builds (params arrive URL-encoded or not). */
async function download(accountId: string, invoiceId: string, encoded = true) {
  const url = `http://127.0.0.1${invoicePdfPath(accountId, invoiceId)}`;
  const params = encoded
    ? { accountId: encodeURIComponent(accountId), invoiceId: encodeURIComponent(invoiceId) }
    : { accountId, invoiceId };
  return GET(new NextRequest(url), { params: Promise.resolve(params) });
}

async function pdfText(response: Response): Promise<string> {
  // pdf-parse's bundled pdf.js misreads Node Buffers of pdf-lib output; a plain Uint8Array works.
  const parsed = await pdfParse(new Uint8Array(await response.arrayBuffer()) as unknown as Buffer);
  return parsed.text;
}

describe("GET /api/billing/{accountId}/invoices/{invoiceId}/pdf", () => {
  it("gives the billing account admin the invoice as a PDF attachment", async () => {
    await signInAs("admin@contoso.com");
    const response = await download(contosoId, contosoInvoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Invoice_${contosoInvoice.id}.pdf"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(Number(response.headers.get("content-length"))).toBe(bytes.byteLength);

    const text = await pdfText(response);
    const total = formatMoney(contosoInvoice.totalMinor, contosoInvoice.currency, "en-US");
    expect(total).toBe("$72,450.00");
    expect(text).toContain(contosoInvoice.id);
    expect(text).toContain(total);
    expect(text).toContain("Contoso Ltd");
    expect(text).toContain("Amount due");
    // The payment instructions name the invoice number as the reference.
    expect(text.replace(/\s+/g, " ")).toContain(
      `Include the invoice number ${contosoInvoice.id} as the payment reference`,
    );
  });

  it("accepts route params that the router already decoded", async () => {
    await signInAs("admin@contoso.com");
    expect((await download(contosoId, contosoInvoice.id, false)).status).toBe(200);
  });

  it("prints every line and the totals of the invoice", async () => {
    await signInAs("admin@contoso.com");
    const invoice = await testDb.db.invoice.findFirstOrThrow({
      where: { billingAccountId: contosoId, voided: false, amountDueMinor: { gt: 0 } },
      include: { lines: true },
      orderBy: { id: "asc" },
    });
    const text = await pdfText(await download(contosoId, invoice.id));
    for (const line of invoice.lines) expect(text).toContain(formatMoney(line.amountMinor, "USD", "en-US"));
    for (const amount of [invoice.subtotalMinor, invoice.taxMinor, invoice.totalMinor, invoice.amountDueMinor])
      expect(text).toContain(formatMoney(amount, "USD", "en-US"));
  });

  it("answers 401 with a JSON error without a session", async () => {
    const response = await download(contosoId, contosoInvoice.id);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "Sign in to download this invoice." },
    });
  });

  it("answers 401 to a tampered session cookie", async () => {
    await signInAs("admin@contoso.com");
    cookieJar.set(SESSION_COOKIE, `${cookieJar.get(SESSION_COOKIE)!.value.slice(0, -4)}AAAA`);
    expect((await download(contosoId, contosoInvoice.id)).status).toBe(401);
  });

  it("lets a billing account reader download too", async () => {
    await signInAs("reader@contoso.com");
    const response = await download(contosoId, contosoInvoice.id);
    expect(response.status).toBe(200);
    expect(await pdfText(response)).toContain(contosoInvoice.id);
  });

  it("answers 404 to a user with no role on the account (Fabrikam asking for a Contoso invoice)", async () => {
    await signInAs("admin@fabrikam.com");
    const response = await download(contosoId, contosoInvoice.id);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "notFound" } });
  });

  it("answers 404 when the invoice belongs to another account than the one in the URL", async () => {
    await signInAs("admin@fabrikam.com");
    const fabrikam = await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Fabrikam, Inc." } });
    expect((await download(fabrikam.id, contosoInvoice.id)).status).toBe(404);
    const own = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: fabrikam.id } });
    const response = await download(fabrikam.id, own.id);
    expect(response.status).toBe(200);
    expect(await pdfText(response)).toContain("€");
  });

  it.each([
    ["an unknown invoice", "G099999999"],
    ["a malformed invoice ID", "../../etc/passwd"],
    ["an over-long invoice ID", "G".repeat(500)],
  ])("answers 404 to %s", async (_label, invoiceId) => {
    await signInAs("admin@contoso.com");
    const response = await download(contosoId, invoiceId);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "notFound" } });
  });

  it("answers 404 to an unknown billing account", async () => {
    await signInAs("admin@contoso.com");
    expect((await download("00000000-0000-0000-0000-000000000000:x_2019-05-31", contosoInvoice.id)).status).toBe(404);
  });
});

describe("buildInvoicePdf", () => {
  const texts: InvoicePdfTexts = {
    title: "Facture",
    invoiceNumber: "Numéro de facture",
    billingAccount: "Compte de facturation",
    billingProfile: "Profil de facturation",
    invoiceDate: "Date de facture",
    dueDate: "Date d’échéance",
    billingPeriod: "Période de facturation",
    status: "État",
    description: "Description",
    amount: "Montant",
    subtotal: "Sous-total",
    tax: "Taxe",
    total: "Total",
    amountDue: "Montant dû",
    howToPay: "Comment payer",
    payInstructions: "Payez la facture G0123 → « Payer maintenant » • référence G0123",
    bank: "Banque : Simulated · SWIFT : SIMUUS33",
    simulator: "Simulateur — pas une vraie facture",
    period: "1 oct. 2026 – 31 oct. 2026",
    statusText: "Échue",
    page: (page, pages) => `Page ${page} sur ${pages}`,
  };
  const invoice = {
    id: "G0123",
    invoiceDate: new Date("2026-11-05T00:00:00Z"),
    dueDate: new Date("2026-12-05T00:00:00Z"),
    periodStart: new Date("2026-10-01T00:00:00Z"),
    periodEnd: new Date("2026-10-31T00:00:00Z"),
    currency: "EUR",
    subtotalMinor: 123_456_789,
    taxMinor: 24_691_358,
    totalMinor: 148_148_147,
    amountDueMinor: 148_148_147,
    pendingMinor: 0,
    voided: false,
    billingAccount: { id: "acc:1", name: "<script>alert('x')</script> Ünïcødé ő 🚀" },
    billingProfile: { id: "P-1", name: "Zoë “quoted”\u00a0name\tTab\nNewline" },
    lines: Array.from({ length: 60 }, (_, index) => ({
      serviceFamily: "Compute",
      description: `Ligne ${index + 1} — ${"très longue description ".repeat(index % 7)}`,
      amountMinor: 1_000_000 + index,
    })),
  };

  it("never throws on text outside WinAnsi (French number formatting, symbols, emoji) and keeps markup as text", async () => {
    const money = formatMoney(invoice.totalMinor, "EUR", "fr-FR");
    expect(money).toMatch(/\u202f/); // the narrow no-break space a standard font cannot encode
    const bytes = await buildInvoicePdf(invoice, texts, {
      locale: "fr-FR",
      createdAt: new Date("2026-11-20T09:00:00Z"),
    });
    const { text, numpages } = await pdfParse(bytes as unknown as Buffer);
    expect(numpages).toBeGreaterThan(1); // 60 lines flow onto more pages
    expect(text).toContain(`Page 1 sur ${numpages}`);
    expect(text).toContain("1 481 481,47 €");
    expect(text).toContain("<script>alert('x')</script> Ünïcødé o ?");
    expect(text).toContain("Zoë “quoted” name Tab Newline");
    expect(text).toContain("Ligne 60");
  });

  it("maps characters to what the standard font can draw", async () => {
    const { PDFDocument, StandardFonts } = await import("pdf-lib");
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(toWinAnsi("1\u202f234,50\u00a0€ – • — “x” ő ☃ \u2212 \u0007", font)).toBe("1 234,50 € – • — “x” o ? -  ");
    expect(() => font.encodeText(toWinAnsi("日本語 🚀 Ωμέγα", font))).not.toThrow();
  });

  it("names the file after the invoice number", () => {
    expect(invoicePdfFileName("G011508083")).toBe("Invoice_G011508083.pdf");
    expect(invoicePdfFileName('a"b/c')).toBe("Invoice_a_b_c.pdf");
  });
});
