// Downloads as the portal does them: select invoices in the
// grid's checkbox column, then Download in the command bar — one invoice gives its
// PDF, several one ZIP of their PDFs (read back here with fflate) — and a row's
// "…" menu prepares the invoice's Azure usage file (CSV). English and French.
// Reads only: shares the e2e server's database.
import fs from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

import { DEMO_PASSWORD, signIn } from "./support/auth";

const USAGE_HEADER =
  "invoiceId,billingAccountId,billingAccountName,billingProfileId,billingProfileName,billingPeriodEndDate," +
  "billingPeriodStartDate,date,serviceFamily,meterName,meterCategory,quantity,billingCurrency," +
  "costInBillingCurrency,unitPrice";

const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /^(Invoice ID|ID de facture)$/ }) });

async function openInvoices(page: Page): Promise<void> {
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
  await page.goto(`${new URL(page.url()).pathname}/invoices`);
  await expect(grid(page).locator("tbody tr").first()).toBeVisible();
}

/** The invoice IDs of the first rows of the grid. */
async function firstIds(page: Page, count: number): Promise<string[]> {
  const texts = await grid(page).locator("tbody tr td:nth-child(2)").allInnerTexts();
  return texts.slice(0, count).map((text) => text.trim());
}

async function readDownload(download: import("@playwright/test").Download): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(await download.path()));
}

test("selects three invoices and downloads one ZIP holding their three PDFs; one invoice gives its PDF", async ({
  page,
}) => {
  await signIn(page, "reader@contoso.com"); // a reader may download
  await openInvoices(page);
  const download = page.getByRole("button", { name: "Download", exact: true });
  await expect(download).toBeDisabled();

  const ids = await firstIds(page, 3);
  for (const id of ids) await page.getByRole("checkbox", { name: `Select invoice ${id}` }).check();
  await expect(page.getByRole("status").filter({ hasText: "3 invoices selected" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select all invoices on this page" })).not.toBeChecked();

  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download", exact: true }).click(),
  ]);
  expect(zip.suggestedFilename()).toMatch(/^Invoices_\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(await readDownload(zip));
  expect(Object.keys(files).sort()).toEqual(ids.map((id) => `Invoice_${id}.pdf`).sort());
  for (const bytes of Object.values(files)) expect(strFromU8(bytes.subarray(0, 5))).toBe("%PDF-");

  // Down to one: Download gives that invoice's PDF.
  for (const id of ids.slice(1)) await page.getByRole("checkbox", { name: `Select invoice ${id}` }).uncheck();
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download", exact: true }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`Invoice_${ids[0]}.pdf`);
  expect(strFromU8((await readDownload(pdf)).subarray(0, 5))).toBe("%PDF-");

  // Select all: the whole page.
  await page.getByRole("checkbox", { name: "Select all invoices on this page" }).check();
  const rows = await grid(page).locator("tbody tr").count();
  await expect(page.getByRole("status").filter({ hasText: `${rows} invoices selected` })).toBeVisible();
});

test("a row's … menu prepares the invoice's Azure usage file, a CSV with Azure's header row", async ({ page }) => {
  await signIn(page, "admin@contoso.com");
  await openInvoices(page);
  const [id] = await firstIds(page, 1);
  await page.getByRole("button", { name: `More actions for invoice ${id}` }).click();
  const menu = page.getByRole("menu", { name: `More actions for invoice ${id}` });
  await expect(menu.getByRole("menuitem", { name: "Invoice" })).toBeFocused();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: "Prepare Azure usage file" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`AzureUsage_${id}.csv`);
  const lines = strFromU8(await readDownload(csv))
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe(USAGE_HEADER);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line.startsWith(`${id},`)).toBe(true);
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("sélectionne trois factures, Télécharger donne un ZIP de trois PDF ; le fichier d’utilisation a l’en-tête d’Azure", async ({
    page,
  }) => {
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill("admin@contoso.com");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();
    await openInvoices(page);

    const ids = await firstIds(page, 3);
    for (const id of ids) await page.getByRole("checkbox", { name: `Sélectionner la facture ${id}` }).check();
    await expect(page.getByRole("status").filter({ hasText: "3 factures sélectionnées" })).toBeVisible();
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger", exact: true }).click(),
    ]);
    expect(Object.keys(unzipSync(await readDownload(zip))).sort()).toEqual(ids.map((id) => `Invoice_${id}.pdf`).sort());

    await page.getByRole("button", { name: `Autres actions pour la facture ${ids[0]}` }).click();
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Préparer le fichier d’utilisation Azure" }).click(),
    ]);
    expect(
      strFromU8(await readDownload(csv))
        .replace(/^\uFEFF/, "")
        .split("\r\n")[0],
    ).toBe(USAGE_HEADER);
  });
});
