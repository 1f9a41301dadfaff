// The ARM Billing API's handlers and the token endpoint, called directly on a
// seeded throwaway database (no server): keyset paging over invoices that share
// a date, ARM's error answers, the download operation, the simulator's 501/404
// for what it does not serve. The same API through the official SDK against
// `next start`: tests/reliability/server/arm-sdk.test.ts.
import { beforeAll, describe, expect, it } from "vitest";

import { handleTokenRequest } from "@/features/access/token-endpoint";
import { getBillingAccount, listBillingAccounts } from "@/features/arm/accounts";
import { invoiceDownloadResult, startInvoiceDownload } from "@/features/arm/download";
import { getInvoice, listInvoices } from "@/features/arm/invoices";
import { notServed } from "@/features/arm/not-served";
import { listInvoicesAfter, type InvoiceCursor } from "@/features/invoices/queries";

import { TEST_NOW, useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });
const ORIGIN = "http://portal.test:3000";
let contosoId: string;
let adminToken: string;
let readerToken: string;

async function token(username: string, password = "Passw0rd!") {
  return handleTokenRequest(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", username, password }),
    }),
  );
}

const get = (path: string, bearer?: string, method = "GET") =>
  new Request(`${ORIGIN}${path}`, { method, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const invoicesPath = (query: string) =>
  `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(contosoId)}/invoices?${query}`;

beforeAll(async () => {
  process.env.SESSION_SECRET = "integration-test-session-secret-0123456789abcdef";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  contosoId = (await testDb.db.billingAccount.findFirstOrThrow({ where: { name: "Contoso Ltd" } })).id;
  adminToken = (await (await token("admin@contoso.com")).json()).access_token;
  readerToken = (await (await token("reader@contoso.com")).json()).access_token;
});

describe("keyset paging (listInvoicesAfter)", () => {
  it("walks invoices that share an invoice date in small pages, each once, in the grid's order", async () => {
    const all = await listInvoicesAfter({ accountId: contosoId, range: {}, take: 1_000 });
    const dates = all.map((invoice) => invoice.invoiceDate.getTime());
    expect(new Set(dates).size).toBeLessThan(dates.length); // two profiles invoice on the same day
    const walked: string[] = [];
    let after: InvoiceCursor | undefined;
    for (;;) {
      const rows = await listInvoicesAfter({ accountId: contosoId, range: {}, after, take: 7 });
      walked.push(...rows.slice(0, 7).map((row) => row.id));
      if (rows.length <= 7) break;
      after = rows[6];
    }
    expect(walked).toEqual(all.map((invoice) => invoice.id));
  });
});

describe("the ARM handlers", () => {
  it("answers 401 with a Bearer challenge without a token, and ARM's error body", async () => {
    const answer = await listBillingAccounts(
      get("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01"),
    );
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await answer.json()).toEqual({ error: { code: "AuthenticationFailed", message: expect.any(String) } });
  });

  it("refuses a missing or another api-version", async () => {
    for (const [query, code] of [
      ["", "MissingApiVersionParameter"],
      ["api-version=2019-10-01-preview", "InvalidApiVersionParameter"],
    ]) {
      const answer = await listBillingAccounts(
        get(`/providers/Microsoft.Billing/billingAccounts?${query}`, adminToken),
      );
      expect([answer.status, (await answer.json()).error.code]).toEqual([400, code]);
    }
    const ok = await getBillingAccount(
      get(`/providers/Microsoft.Billing/billingAccounts/x?api-version=2024-04-01`, adminToken),
      encodeURIComponent(contosoId),
    );
    expect(ok.status).toBe(200);
  });

  it("checks the period and the skip token", async () => {
    const cases: Array<[string, string]> = [
      ["api-version=2020-05-01", "MissingRequiredQueryParameter"],
      ["api-version=2020-05-01&periodStartDate=2026-02-30&periodEndDate=2026-03-01", "InvalidQueryParameterValue"],
      ["api-version=2020-05-01&periodStartDate=2026-03-01&periodEndDate=2026-01-01", "InvalidQueryParameterValue"],
      ["api-version=2020-05-01&periodStartDate=2026-01-01&periodEndDate=2026-03-01&$skiptoken=abc", "InvalidSkipToken"],
    ];
    for (const [query, code] of cases) {
      const answer = await listInvoices(get(invoicesPath(query), adminToken), encodeURIComponent(contosoId));
      expect([answer.status, (await answer.json()).error.code], query).toEqual([400, code]);
    }
  });

  it("refuses a period past 9998-12-31 with ARM's error (it listed nothing before)", async () => {
    for (const query of [
      "api-version=2020-05-01&periodStartDate=2020-01-01&periodEndDate=9999-12-31",
      "api-version=2020-05-01&periodStartDate=9999-01-01&periodEndDate=9999-12-31",
      "api-version=2020-05-01&periodStartDate=2020-01-01&periodEndDate=12-31-9999",
    ]) {
      const answer = await listInvoices(get(invoicesPath(query), adminToken), encodeURIComponent(contosoId));
      const body = await answer.json();
      expect([answer.status, body.error.code], query).toEqual([400, "InvalidQueryParameterValue"]);
      expect(body.error.message).toContain("9998-12-31");
    }
    const last = await listInvoices(
      get(invoicesPath("api-version=2020-05-01&periodStartDate=2020-01-01&periodEndDate=9998-12-31"), adminToken),
      encodeURIComponent(contosoId),
    );
    expect(last.status).toBe(200);
    expect((await last.json()).value.length).toBeGreaterThan(0);
  });

  it("lists the same invoices to the reader as to the admin, with absolute links at the caller's origin", async () => {
    const query = "api-version=2020-05-01&periodStartDate=2020-01-01&periodEndDate=2026-12-31";
    const mine = await (await listInvoices(get(invoicesPath(query), adminToken), contosoId)).json();
    const theirs = await (await listInvoices(get(invoicesPath(query), readerToken), contosoId)).json();
    expect(theirs).toEqual(mine);
    expect(mine.value.length).toBe(await testDb.db.invoice.count({ where: { billingAccountId: contosoId } }));
    expect(mine.nextLink).toBeUndefined();
    expect(mine.value[0].properties.documents[0].url.startsWith(`${ORIGIN}/api/billing/`)).toBe(true);
  });

  it("gets an invoice by ID alone (account 'default'), and refuses an account the user has no role on", async () => {
    const invoice = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: contosoId } });
    const byId = await getInvoice(get(`/x?api-version=2020-05-01`, adminToken), "default", invoice.id);
    expect((await byId.json()).id).toBe(
      `/providers/Microsoft.Billing/billingAccounts/${contosoId}/invoices/${invoice.id}`,
    );
    const fabrikam = (await (await token("admin@fabrikam.com")).json()).access_token;
    const refused = await getInvoice(get(`/x?api-version=2020-05-01`, fabrikam), "default", invoice.id);
    expect([refused.status, (await refused.json()).error.code]).toEqual([404, "InvoiceNotFound"]);
  });

  it("downloads as a long-running operation: 202 with Location, then 200 with the PDF's URL", async () => {
    const invoice = await testDb.db.invoice.findFirstOrThrow({ where: { billingAccountId: contosoId } });
    const base = `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(contosoId)}/invoices/${invoice.id}`;
    const started = await startInvoiceDownload(
      get(`${base}/download?api-version=2020-05-01&downloadToken=DRS_${invoice.id}`, adminToken, "POST"),
      contosoId,
      invoice.id,
    );
    expect(started.status).toBe(202);
    const location = new URL(started.headers.get("location")!);
    expect(location.origin).toBe(ORIGIN);
    const operationId = location.pathname.split("/").at(-1)!;
    const done = await invoiceDownloadResult(
      get(location.pathname + location.search, adminToken),
      contosoId,
      invoice.id,
      operationId,
    );
    expect(await done.json()).toEqual({
      url: `${ORIGIN}/api/billing/${encodeURIComponent(contosoId)}/invoices/${invoice.id}/pdf`,
    });
    // 2024-04-01 names the document (documentName) instead of a download token.
    const newer = await startInvoiceDownload(
      get(`${base}/download?api-version=2024-04-01&documentName=${invoice.id}`, adminToken, "POST"),
      contosoId,
      invoice.id,
    );
    expect(newer.status).toBe(202);
    expect(new URL(newer.headers.get("location")!).searchParams.get("documentName")).toBe(invoice.id);
  });

  it("answers 501 for a Billing operation it does not serve, 404 for what is no Billing resource", async () => {
    const answer = async (segments: string[]) => {
      const response = await notServed(get("/providers/x", adminToken), segments);
      return [response.status, (await response.json()).error.code];
    };
    expect(await answer(["Microsoft.Billing", "billingAccounts", "a", "billingSubscriptions"])).toEqual([
      501,
      "NotImplemented",
    ]);
    expect(await answer(["Microsoft.Billing", "billingAccounts", "a", "widgets"])).toEqual([
      404,
      "InvalidResourceType",
    ]);
    expect(await answer(["Microsoft.Compute", "virtualMachines"])).toEqual([404, "InvalidResourceNamespace"]);
    expect((await notServed(get("/providers/x"), ["Microsoft.Billing", "transfers"])).status).toBe(401);
  });
});

describe("the token endpoint", () => {
  it("accepts the demo credentials the sign-in form accepts, and nothing else", async () => {
    expect((await token("Admin@Contoso.com")).status).toBe(200);
    const wrong = await token("admin@contoso.com", "wrong");
    expect([wrong.status, (await wrong.json()).error]).toEqual([400, "invalid_grant"]);
  });
});
