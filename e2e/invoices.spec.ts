// The Invoices blade: the seed's steps 1–4 (sign in, search Cost Management +
// Billing, Billing › Invoices, a Pay now link on the past-due invoice), the
// grid's filters, sorting, pagination, PDF download and details blade, the
// Overview blade, and the reader's view. Against the production build on a
// fresh seeded database at SIM_NOW (see playwright.config.ts).
import fs from "node:fs/promises";

import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./support/auth";

const SHOTS = "test-results/screenshots";

/** The grid: the table whose first column is "Invoice ID" (the Overview's hidden table has a caption instead). */
const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Invoice ID" }) });
const bodyRows = (page: Page) => grid(page).locator("tbody tr");
/** The status cell is the 9th column of a row (after the selection box). */
const statusOf = (row: Locator) => row.locator("td").nth(8);
const totalOf = (row: Locator) => row.locator("td").nth(6);
const dollars = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));

/** Steps 1–3 of the seed: sign in, find the service with the global search, open Billing › Invoices. */
async function openInvoicesLikeTheSeed(page: Page, email: string, screenshots = false) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();
  if (screenshots) await page.screenshot({ path: `${SHOTS}/invoices-1-home.png`, fullPage: true });

  const search = page.getByRole("combobox", { name: "Search resources, services, and docs" });
  await search.click();
  await search.pressSequentially("cost");
  await page.getByRole("option", { name: /Cost Management \+ Billing/ }).click();

  // A single billing account: Cost Management + Billing opens straight on it.
  await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();

  const menu = page.getByRole("navigation", { name: "Cost Management + Billing menu" });
  await menu.getByRole("list", { name: "Billing" }).getByRole("link", { name: "Invoices" }).click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  await expect(bodyRows(page).first()).toBeVisible();
}

test.describe("the billing account admin", () => {
  test("follows the seed's steps 1–4 to a past-due invoice with a Pay now link", async ({ page }) => {
    await openInvoicesLikeTheSeed(page, "admin@contoso.com", true);

    const pastDue = bodyRows(page).filter({ has: page.getByText("Past due", { exact: true }) });
    await expect(pastDue).toHaveCount(1);
    await expect(pastDue.getByRole("link", { name: /Pay now/ })).toBeVisible();
    await expect(pastDue.getByRole("link", { name: /Pay now/ })).toHaveText("Pay now");
    // Paid and void rows have none.
    for (const status of ["Paid", "Void"]) {
      const rows = bodyRows(page).filter({ has: page.getByText(status, { exact: true }) });
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(rows.getByRole("link", { name: /Pay now/ })).toHaveCount(0);
    }
    await page.screenshot({ path: `${SHOTS}/invoices-2-grid.png`, fullPage: true });
  });

  test("filters, sorts and pages the grid through the URL", async ({ page }) => {
    await openInvoicesLikeTheSeed(page, "admin@contoso.com");

    // Status: Paid + Apply.
    await page.getByLabel("Status").selectOption({ label: "Paid" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]status=paid(&|$)/);
    await expect(page.getByLabel("Status")).toHaveValue("paid");
    // The URL changes when the new view commits, which may still be the loading skeleton: wait for
    // the filtered rows (count() and all() do not wait), then check each one.
    await expect(statusOf(bodyRows(page).first())).toHaveText("Paid");
    for (const row of await bodyRows(page).all()) await expect(statusOf(row)).toHaveText("Paid");
    await expect(page.getByRole("link", { name: /Pay now/ })).toHaveCount(0);

    // Sort by Total amount: largest first, then smallest first.
    await page.getByRole("link", { name: "Sort by Total amount" }).click();
    await expect(page).toHaveURL(/[?&]sort=amount(&|$)/);
    await expect(page.getByRole("columnheader", { name: /Total amount/ })).toHaveAttribute("aria-sort", "descending");
    const descending = (await Promise.all((await bodyRows(page).all()).map((row) => totalOf(row).innerText()))).map(
      dollars,
    );
    expect(descending.length).toBeGreaterThan(1);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    for (const row of await bodyRows(page).all()) await expect(statusOf(row)).toHaveText("Paid");

    await page.getByRole("link", { name: "Sort by Total amount" }).click();
    await expect(page).toHaveURL(/[?&]dir=asc(&|$)/);
    await expect(page.getByRole("columnheader", { name: /Total amount/ })).toHaveAttribute("aria-sort", "ascending");
    const ascending = (await Promise.all((await bodyRows(page).all()).map((row) => totalOf(row).innerText()))).map(
      dollars,
    );
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    // Pagination over every status and two years: 20 a page.
    await page.getByLabel("Status").selectOption({ label: "All statuses" });
    await page.getByLabel("Timespan").selectOption({ label: "Last 24 months" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]timespan=24m(&|$)/);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(20);
    const firstPage = await bodyRows(page).locator("td:nth-child(2)").allInnerTexts();

    await pagination.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(pagination.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await expect(pagination.getByText(/^Showing 21 - 40 of \d+ invoices$/)).toBeVisible();
    const secondPage = await bodyRows(page).locator("td:nth-child(2)").allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  });

  test("filters the grid by billing profile", async ({ page }) => {
    await openInvoicesLikeTheSeed(page, "admin@contoso.com");
    const profile = page.getByLabel("Billing profile");
    await expect(profile.locator("option:checked")).toHaveText("All billing profiles");
    // The grid shows both of the account's profiles before the filter.
    await page.getByLabel("Timespan").selectOption({ label: "Last 24 months" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]timespan=24m(&|$)/);
    await expect(bodyRows(page)).toHaveCount(20);
    const before = new Set(await bodyRows(page).locator("td:nth-child(3)").allInnerTexts());
    expect(before).toEqual(new Set(["Contoso Engineering", "Contoso Finance"]));

    await profile.selectOption({ label: "Contoso Finance" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]profile=[^&]+/);
    await expect(profile.locator("option:checked")).toHaveText("Contoso Finance");
    await expect(bodyRows(page).first().locator("td:nth-child(3)")).toHaveText("Contoso Finance");
    const after = await bodyRows(page).locator("td:nth-child(3)").allInnerTexts();
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after)).toEqual(new Set(["Contoso Finance"]));
    // Still 24 months: the other filters stay as they were.
    await expect(page.getByLabel("Timespan")).toHaveValue("24m");
  });

  test("downloads an invoice as a PDF", async ({ page }) => {
    await openInvoicesLikeTheSeed(page, "admin@contoso.com");
    const row = bodyRows(page).first();
    const invoiceId = (await row.locator("td").nth(1).innerText()).trim();

    // The row's "…" menu, as in the portal.
    await row.getByRole("button", { name: `More actions for invoice ${invoiceId}` }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menu").getByRole("menuitem", { name: "Invoice", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(download.suggestedFilename()).toBe(`Invoice_${invoiceId}.pdf`);
    const bytes = await fs.readFile(await download.path());
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  test("opens an invoice's details in a blade that Escape closes", async ({ page }) => {
    await openInvoicesLikeTheSeed(page, "admin@contoso.com");
    const invoiceId = (await bodyRows(page).first().locator("td").nth(1).innerText()).trim();
    const gridUrl = page.url();
    // The blade opens in place (client navigation): the page is not reloaded, so this survives.
    await page.evaluate(() => Object.assign(window, { beforeBlade: true }));

    await grid(page).getByRole("link", { name: invoiceId, exact: true }).click();
    const blade = page.getByRole("dialog");
    await expect(blade.getByRole("heading", { level: 2 })).toHaveText(`Invoice ${invoiceId}`);
    expect(await page.evaluate(() => "beforeBlade" in window)).toBe(true);
    await expect(page).toHaveURL(new RegExp(`[?&]invoice=${invoiceId}(&|$)`));
    await expect(blade.getByRole("heading", { name: "Charges" })).toBeVisible();
    await expect(blade.getByText("Total", { exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/invoices-3-details-blade.png`, fullPage: false });

    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).toHaveURL(gridUrl);
  });

  test("sees the account's Overview: amount due, past due, next due date and a chart", async ({ page }) => {
    await signIn(page, "admin@contoso.com");
    await page.goto("/billing");
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Cost Management + Billing");

    for (const name of ["Amount due now", "Past due", "Next due date"]) {
      await expect(page.getByRole("region", { name })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Amount due now" })).toContainText(/\$\d{1,3}(,\d{3})*\.\d{2}/);
    await expect(page.getByRole("region", { name: "Past due" })).toContainText("1 invoice past due");
    await expect(page.getByRole("region", { name: "Next due date" })).toContainText(/[A-Z][a-z]{2} \d{1,2}, 2026/);

    const chart = page.getByRole("figure", { name: "Last 12 invoices" });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(12);
    // The same figures for screen readers.
    await expect(chart.getByRole("table", { name: "Totals of the last 12 invoices" }).locator("tbody tr")).toHaveCount(
      12,
    );
    await page.screenshot({ path: `${SHOTS}/invoices-4-overview.png`, fullPage: true });

    await page.getByRole("region", { name: "Past due" }).getByRole("link").click();
    await expect(page).toHaveURL(/\/invoices\?status=pastDue$/);
    // The seed always has past-due invoices: a loop over zero rows would check nothing.
    await expect(statusOf(bodyRows(page).first())).toHaveText("Past due");
    for (const row of await bodyRows(page).all()) await expect(statusOf(row)).toHaveText("Past due");
  });
});

test("the billing account reader sees the invoices and who can pay, but no Pay now", async ({ page }) => {
  await openInvoicesLikeTheSeed(page, "reader@contoso.com");

  await expect(page.getByText(/You can view invoices but not pay them/)).toBeVisible();
  await expect(
    page.getByText(/Only the billing account admin \(Adele Vance <admin@contoso\.com>\) can pay invoices/),
  ).toBeVisible();
  await expect(bodyRows(page).filter({ has: page.getByText("Past due", { exact: true }) })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /Pay now/ })).toHaveCount(0);
  await expect(page.getByText("Pay now", { exact: true })).toHaveCount(0);
});
