// The ARM Billing API driven by Microsoft's own client, @azure/arm-billing 4.1.0,
// against `next start` on the build (throwaway SQLite file, 127.0.0.1:3200-3299).
// The world is the bench's at 1,000 invoices (src/server/demo/bulk.ts: Contoso with
// 10 billing profiles, plus Fabrikam), so the invoice lists run over 10+ pages.
// Every figure is checked against what the Invoices blade's own queries return.
//
// Run: npx vitest run --config vitest.reliability.config.ts tests/reliability/server/arm-sdk.test.ts
import { randomUUID } from "node:crypto";

import type { BillingManagementClient, Invoice } from "@azure/arm-billing";
import pdfParse from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { allPages, armFailure, billingClient, tokenFor } from "../support/arm";
import { reliabilityDatabase, removeReliabilityDatabase, urlOf } from "../support/databases";
import { Figures } from "../support/figures";
import { http, paymentsPath } from "../support/http";
import { runDbSetup, SIM_NOW, startServer, stopAllServers, type Server } from "../support/server";

const figures = new Figures("arm-sdk");
const NOW = new Date(SIM_NOW);
const EVERYTHING = ["1900-01-01", "2100-12-31"] as const;
const dbFile = reliabilityDatabase("arm-sdk");

let server: Server;
let admin: BillingManagementClient;
let reader: BillingManagementClient;
let outsider: BillingManagementClient;
let adminToken: string;
let contosoId: string;
let fabrikamId: string;
let processingInvoiceId: string;
let adminId: string;
// The blade's own code, bound to the test's database (imported once DATABASE_URL points at it).
let queries: typeof import("@/features/invoices/queries");
let grid: typeof import("@/features/invoices/grid-query");
let filters: typeof import("@/features/invoices/filters");
let scopes: typeof import("@/features/access/scope");

/** An ARM amount back in minor units (2 decimals for USD and EUR). */
const minor = (amount: { value?: number } | undefined) => Math.round((amount?.value ?? NaN) * 100);

/** The blade's status as ARM's word, spelled out here rather than taken from the code under test. */
function expectedArmStatus(status: string, dueDate: Date): string {
  const overdue = Date.parse(SIM_NOW.slice(0, 10)) > Date.parse(dueDate.toISOString().slice(0, 10));
  const words: Record<string, string> = { due: "Due", pastDue: "OverDue", paid: "Paid", void: "Void" };
  // Partially paid and Payment processing have no ARM word: the balance's (Due or OverDue) until settled.
  return status === "partiallyPaid" || status === "processing" ? (overdue ? "OverDue" : "Due") : words[status];
}

beforeAll(async () => {
  const url = urlOf(dbFile);
  process.env.DATABASE_URL = url;
  process.env.SIM_NOW = SIM_NOW;
  const { migrateDatabase } = await import("@/server/db/migrate");
  const { seedBulk } = await import("@/server/demo/bulk");
  const { createPrismaClient } = await import("@/server/db/client");
  await migrateDatabase(url);
  const seeding = createPrismaClient(url);
  const bulk = await seedBulk(seeding, { url, now: NOW, invoices: 1_000, profiles: 8, payableMonths: 12 });
  await seeding.$disconnect();
  figures.set("world", bulk);
  runDbSetup(dbFile);

  const db = createPrismaClient(url);
  try {
    contosoId = bulk.accountId;
    fabrikamId = (await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MOSP" } })).id;
    adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } })).id;
    // "Payment processing": a payment of the whole balance recorded, the processor not answered yet.
    const due = await db.invoice.findFirstOrThrow({
      where: { billingAccountId: contosoId, voided: false, amountDueMinor: { gt: 0, lt: 1_000_000 } },
      orderBy: [{ invoiceDate: "desc" }, { id: "asc" }],
    });
    processingInvoiceId = due.id;
    await db.$transaction([
      db.invoice.update({ where: { id: due.id }, data: { amountDueMinor: 0 } }),
      db.payment.create({
        data: {
          id: randomUUID(),
          invoiceId: due.id,
          billingAccountId: contosoId,
          userId: adminId,
          amountMinor: due.amountDueMinor,
          currency: due.currency,
          kind: "CARD",
          status: "PENDING",
          idempotencyKey: randomUUID(),
          cardBrand: "visa",
          cardLast4: "4242",
          createdAt: NOW,
        },
      }),
    ]);
  } finally {
    await db.$disconnect();
  }
  queries = await import("@/features/invoices/queries");
  grid = await import("@/features/invoices/grid-query");
  filters = await import("@/features/invoices/filters");
  scopes = await import("@/features/access/scope");

  server = await startServer({ label: "arm-sdk", dbFile });
  adminToken = await tokenFor(server.url, "admin@contoso.com");
  admin = billingClient(server.url, adminToken);
  reader = billingClient(server.url, await tokenFor(server.url, "reader@contoso.com"));
  outsider = billingClient(server.url, await tokenFor(server.url, "admin@fabrikam.com"));
}, 240_000);

afterAll(async () => {
  await stopAllServers();
  figures.write();
  if (process.env.KEEP_TEST_DB !== "1") await removeReliabilityDatabase(dbFile);
});

/** Every invoice of the blade's grid for a custom date range, page after page, in the grid's default order. */
async function bladeInvoices(from: string, to: string, profile?: string) {
  const rows = [];
  for (let page = 1; ; page++) {
    const view = filters.invoiceFiltersSchema.parse({ timespan: "custom", from, to, profile, page });
    const result = await grid.listInvoices(contosoId, view, NOW);
    rows.push(...result.rows);
    if (page >= result.pages) return rows;
  }
}

function expectSameFigures(armInvoices: Invoice[], blade: Awaited<ReturnType<typeof bladeInvoices>>) {
  expect(armInvoices.map((invoice) => invoice.name)).toEqual(blade.map((row) => row.id));
  armInvoices.forEach((invoice, index) => {
    const row = blade[index];
    expect(minor(invoice.totalAmount), row.id).toBe(row.totalMinor);
    expect(minor(invoice.amountDue), row.id).toBe(row.amountDueMinor);
    expect(invoice.amountDue?.currency).toBe(row.currency);
    expect(invoice.status, row.id).toBe(expectedArmStatus(row.status, row.dueDate));
    expect(invoice.billingProfileDisplayName).toBe(row.billingProfile.name);
    expect(invoice.billingProfileId?.endsWith(`/billingProfiles/${row.billingProfileId}`)).toBe(true);
    expect(invoice.invoiceDate?.getTime()).toBe(row.invoiceDate.getTime());
    expect(invoice.dueDate?.getTime()).toBe(row.dueDate.getTime());
    expect(invoice.invoicePeriodStartDate?.getTime()).toBe(row.periodStart.getTime());
    expect(invoice.invoicePeriodEndDate?.getTime()).toBe(row.periodEnd.getTime());
    expect(minor(invoice.subTotal) + minor(invoice.taxAmount), row.id).toBe(row.totalMinor);
  });
}

describe("the official SDK (@azure/arm-billing 4.1.0) against next start", () => {
  it("lists the billing accounts each user holds a role on, as the blade's scope list", async () => {
    const listed = async (client: BillingManagementClient) => (await allPages(client.billingAccounts.list())).items;
    const [mine, readers, outsiders] = await Promise.all([listed(admin), listed(reader), listed(outsider)]);
    expect(mine.map((account) => account.name)).toEqual((await scopes.listBillingScopes(adminId)).map((s) => s.id));
    expect(mine).toMatchObject([
      {
        name: contosoId,
        displayName: "Contoso Ltd",
        agreementType: "MicrosoftCustomerAgreement",
        accountStatus: "Active",
      },
    ]);
    expect(readers).toEqual(mine);
    expect(outsiders).toMatchObject([{ name: fabrikamId, agreementType: "MicrosoftOnlineServicesProgram" }]);
    expect(await admin.billingAccounts.get(contosoId)).toEqual(mine[0]);
  });

  it("lists and gets billing profiles, as the blade lists them", async () => {
    const { items } = await allPages(admin.billingProfiles.listByBillingAccount(contosoId));
    const blade = await grid.listBillingProfiles(contosoId);
    expect(items.map((profile) => [profile.name, profile.displayName])).toEqual(blade.map((p) => [p.id, p.name]));
    expect(items).toHaveLength(10);
    expect(await admin.billingProfiles.get(contosoId, items[3].name!)).toEqual(items[3]);
    figures.set("profiles", items.length);
  });

  it("walks all 1,000 invoices of the account over several nextLink pages, each once, as the blade's grid", async () => {
    const started = Date.now();
    const { items, pages } = await allPages(admin.invoices.listByBillingAccount(contosoId, ...EVERYTHING));
    figures.set("invoicesByAccount", { invoices: items.length, pages, ms: Date.now() - started });
    expect(items).toHaveLength(1_000);
    expect(pages).toBe(10);
    expect(new Set(items.map((invoice) => invoice.name)).size).toBe(1_000);
    expectSameFigures(items, await bladeInvoices(...EVERYTHING));
  });

  it("lists by profile: the profiles' invoices add up to the account's, figure for figure", async () => {
    const profiles = (await allPages(admin.billingProfiles.listByBillingAccount(contosoId))).items;
    const byAccount = (await allPages(admin.invoices.listByBillingAccount(contosoId, ...EVERYTHING))).items;
    const seen: Invoice[] = [];
    for (const profile of profiles) {
      const { items } = await allPages(admin.invoices.listByBillingProfile(contosoId, profile.name!, ...EVERYTHING));
      expect(items.every((invoice) => invoice.billingProfileDisplayName === profile.displayName)).toBe(true);
      expectSameFigures(items, await bladeInvoices(...EVERYTHING, profile.name));
      seen.push(...items);
    }
    expect(seen).toHaveLength(byAccount.length);
    const total = (list: Invoice[]) => list.reduce((sum, invoice) => sum + minor(invoice.totalAmount), 0);
    expect(total(seen)).toBe(total(byAccount));
    expect(new Set(seen.map((invoice) => invoice.name))).toEqual(new Set(byAccount.map((invoice) => invoice.name)));
  });

  it("takes the period as the blade's custom date range (both days included), in either date format", async () => {
    const iso = (await allPages(admin.invoices.listByBillingAccount(contosoId, "2025-01-05", "2025-12-05"))).items;
    const us = (await allPages(admin.invoices.listByBillingAccount(contosoId, "01-05-2025", "12-05-2025"))).items;
    expect(iso.length).toBeGreaterThan(0);
    expect(us).toEqual(iso);
    expectSameFigures(iso, await bladeInvoices("2025-01-05", "2025-12-05"));
  });

  it("sums the amount due as the Overview does", async () => {
    const { items } = await allPages(admin.invoices.listByBillingAccount(contosoId, ...EVERYTHING));
    const overview = await queries.getBillingOverview(contosoId, NOW);
    const unpaid = items.filter((invoice) => invoice.status === "Due" || invoice.status === "OverDue");
    expect(unpaid.reduce((sum, invoice) => sum + minor(invoice.amountDue), 0)).toBe(
      overview.amountDueNow[0].amountMinor,
    );
    const overdue = items.filter(
      (invoice) => invoice.status === "OverDue" && minor(invoice.amountDue) === minor(invoice.totalAmount),
    );
    expect(overdue.reduce((sum, invoice) => sum + minor(invoice.amountDue), 0)).toBe(overview.pastDue[0].amountMinor);
  });

  it("gets one invoice by account and by ID alone, with its payments as the details blade has them", async () => {
    const { items } = await allPages(admin.invoices.listByBillingAccount(contosoId, ...EVERYTHING));
    const partial = items.find((invoice) => invoice.payments?.length && minor(invoice.amountDue) > 0)!;
    expect(partial).toBeDefined();
    const got = await admin.invoices.get(contosoId, partial.name!);
    expect(got).toEqual(partial);
    expect(await admin.invoices.getById(partial.name!)).toEqual(partial);
    const details = (await queries.getInvoiceDetails(contosoId, partial.name!))!;
    const settled = details.payments.filter((payment) => payment.status === "SUCCEEDED");
    expect(got.payments?.map((payment) => [payment.paymentType, minor(payment.amount)])).toEqual(
      settled.map((payment) => ["credited", payment.amountMinor]),
    );
    expect(minor(got.totalAmount) - (got.payments ?? []).reduce((sum, p) => sum + minor(p.amount), 0)).toBe(
      minor(got.amountDue),
    );
  });

  it("shows a payment still being processed as pending, the status Due or OverDue until it settles", async () => {
    const invoice = await admin.invoices.get(contosoId, processingInvoiceId);
    const [row] = (await bladeInvoices("1900-01-01", "2100-12-31")).filter((r) => r.id === processingInvoiceId);
    expect(row.status).toBe("processing");
    expect(invoice.status).toBe(expectedArmStatus(row.status, row.dueDate));
    expect(["Due", "OverDue"]).toContain(invoice.status);
    expect(minor(invoice.amountDue)).toBe(0);
    expect(invoice.payments).toMatchObject([
      { paymentType: "pending", paymentMethodFamily: "CreditCard", paymentMethodType: "visa" },
    ]);
  });

  it("downloads the invoice document: a long-running operation whose URL gives the PDF to a bearer", async () => {
    const invoice = await admin.invoices.get(contosoId, processingInvoiceId);
    expect(invoice.documents).toHaveLength(1);
    const started = Date.now();
    const download = await admin.invoices.beginDownloadInvoiceAndWait(contosoId, invoice.name!, `DRS_${invoice.name}`, {
      updateIntervalInMs: 100,
    });
    figures.set("downloadMs", Date.now() - started);
    expect(download.url).toBe(invoice.documents![0].url);
    const pdf = await http(new URL(download.url!).origin, new URL(download.url!).pathname, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await pdfParse(pdf.bytes)).text).toContain(invoice.name!);
    // The same URL without a token, or with a token of a user of another account, gives nothing.
    expect((await http(new URL(download.url!).origin, new URL(download.url!).pathname)).status).toBe(401);
    const foreign = await tokenFor(server.url, "admin@fabrikam.com");
    const refused = await http(new URL(download.url!).origin, new URL(download.url!).pathname, {
      headers: { authorization: `Bearer ${foreign}` },
    });
    expect(refused.status).toBe(404);
    // A token that names no document of the invoice.
    expect(await armFailure(admin.invoices.beginDownloadInvoiceAndWait(contosoId, invoice.name!, "DRS_G000"))).toEqual({
      statusCode: 404,
      code: "DocumentNotFound",
    });
  });

  it("gives documents any PDF reader opens: 200 invoices' PDFs read by pdf-parse's pdf.js 1.10", async () => {
    // pdf-lib's object streams (PDF 1.5) tripped that older pdf.js on ~1 invoice in 8 of this world, a
    // layout pdf-lib itself reads back; the portal writes a classic cross-reference table instead.
    const { items } = await allPages(admin.invoices.listByBillingAccount(contosoId, ...EVERYTHING));
    const unreadable: string[] = [];
    for (const invoice of items.slice(0, 200)) {
      const url = new URL(invoice.documents![0].url!);
      const pdf = await http(url.origin, url.pathname, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(pdf.status).toBe(200);
      const text = await pdfParse(pdf.bytes).then(
        (parsed) => parsed.text,
        () => "",
      );
      if (!text.includes(invoice.name!)) unreadable.push(invoice.name!);
    }
    expect(unreadable).toEqual([]);
  });

  it("gives the reader exactly the admin's invoices (the same policy as the blade)", async () => {
    const [mine, theirs] = await Promise.all([
      allPages(admin.invoices.listByBillingAccount(contosoId, "2024-01-01", "2026-12-31")),
      allPages(reader.invoices.listByBillingAccount(contosoId, "2024-01-01", "2026-12-31")),
    ]);
    expect(theirs.items.length).toBeGreaterThan(100);
    expect(theirs.items).toEqual(mine.items);
    const download = await reader.invoices.beginDownloadInvoiceAndWait(
      contosoId,
      mine.items[0].name!,
      `DRS_${mine.items[0].name}`,
      {
        updateIntervalInMs: 100,
      },
    );
    expect(download.url).toBe(mine.items[0].documents![0].url);
  });

  it("answers a user of another account with ARM's not-found error, for every operation", async () => {
    const invoiceId = processingInvoiceId;
    const notFound = { statusCode: 404, code: "BillingAccountNotFound" };
    expect(await armFailure(outsider.billingAccounts.get(contosoId))).toEqual(notFound);
    expect(await armFailure(allPages(outsider.billingProfiles.listByBillingAccount(contosoId)))).toEqual(notFound);
    expect(await armFailure(allPages(outsider.invoices.listByBillingAccount(contosoId, ...EVERYTHING)))).toEqual(
      notFound,
    );
    expect(await armFailure(outsider.invoices.get(contosoId, invoiceId))).toEqual(notFound);
    expect(await armFailure(outsider.invoices.getById(invoiceId))).toEqual({
      statusCode: 404,
      code: "InvoiceNotFound",
    });
    expect(
      await armFailure(outsider.invoices.beginDownloadInvoiceAndWait(contosoId, invoiceId, `DRS_${invoiceId}`)),
    ).toEqual(notFound);
    // The same answer as for an account that does not exist at all.
    expect(await armFailure(outsider.billingAccounts.get("00000000-0000-0000-0000-000000000000"))).toEqual(notFound);
  });

  it("pays through the simulator's payments route with the same bearer token: payInvoice(), idempotent", async () => {
    const { items } = await allPages(admin.invoices.listByBillingAccount(contosoId, "2026-01-01", "2026-12-31"));
    const target = items.find((invoice) => invoice.status === "OverDue" && minor(invoice.amountDue) < 5_000_000)!;
    const profileId = target.billingProfileId!.split("/").at(-1)!;
    const db = (await import("@/server/db/client")).createPrismaClient(urlOf(dbFile));
    const card = await db.paymentMethod.findFirstOrThrow({
      where: { billingProfileId: profileId, removedAt: null, brand: "visa" },
    });
    await db.$disconnect();
    const body = { idempotencyKey: randomUUID(), method: "saved", paymentMethodId: card.id };
    const pay = (token: string, extra: Record<string, string> = {}) =>
      http(server.url, paymentsPath(contosoId, target.name!), {
        json: body,
        headers: { authorization: `Bearer ${token}`, ...extra },
      });
    const readerToken = await tokenFor(server.url, "reader@contoso.com");
    expect((await pay(readerToken)).status).toBe(403);
    expect((await pay(await tokenFor(server.url, "admin@fabrikam.com"))).status).toBe(404);
    // No cookie rides along with a bearer token, so a foreign Origin is no cross-site request here.
    const first = await pay(adminToken, { origin: "https://elsewhere.example" });
    expect(first.status, first.text).toBe(200);
    const again = await pay(adminToken);
    expect(again.json()).toEqual(first.json());
    const paid = await admin.invoices.get(contosoId, target.name!);
    expect(paid.status).toBe("Paid");
    expect(minor(paid.amountDue)).toBe(0);
    expect(paid.payments?.filter((payment) => payment.paymentType === "credited").at(-1)).toMatchObject({
      amount: { value: target.amountDue!.value },
      paymentMethodFamily: "CreditCard",
      paymentMethodType: "visa",
    });
  });
});
