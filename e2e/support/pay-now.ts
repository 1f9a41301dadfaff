// Pay now e2e helpers: the invoices grid, its rows and cells, the Pay now blade and its payment
// methods, money in cents, and the checks a paid invoice must pass.
import { expect, type Locator, type Page } from "@playwright/test";

import { signIn } from "./auth";

export const SHOTS = "test-results/screenshots";
export const ADMIN = "admin@contoso.com";

export const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** "$1,234.56" → 123456 (cents). */
export const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, "")) * 100);
export const dollars = (amountCents: number) => usd.format(amountCents / 100);

/** The Invoices grid: the table whose columns start with "Invoice ID". */
export const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Invoice ID" }) });
/** A grid row by its invoice ID (the ID is the row's details link). */
export const rowOf = (page: Page, invoiceId: string) =>
  grid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: invoiceId, exact: true }) });
export const invoiceIdOf = (row: Locator) => row.getByRole("cell").nth(1);
export const amountDueOf = (row: Locator) => row.getByRole("cell").nth(7);
export const statusOf = (row: Locator) => row.getByRole("cell").nth(8);
export const payNowLinkOf = (page: Page, invoiceId: string) =>
  page.getByRole("link", { name: `Pay now for invoice ${invoiceId}`, exact: true });

export const serviceMenu = (page: Page) => page.getByRole("navigation", { name: "Cost Management + Billing menu" });
export const blade = (page: Page) => page.getByRole("dialog");
export const payNowButton = (dialog: Locator) => dialog.getByRole("button", { name: "Pay now", exact: true });
export const methods = (dialog: Locator) => dialog.getByRole("group", { name: "Select a payment method" });

export type Invoice = { id: string; amountDueCents: number };

/** Signs in and opens Billing › Invoices from the left menu of Cost Management + Billing. */
export async function openInvoices(page: Page): Promise<void> {
  await signIn(page, ADMIN);
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();
  await serviceMenu(page).getByRole("link", { name: "Invoices", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
}

/** The one invoice of a billing profile in a status, with its amount due as the grid shows it. */
export async function findInvoice(page: Page, profile: string, status: string): Promise<Invoice> {
  const rows = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: profile, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: status, exact: true }) });
  await expect(rows, `one ${status} invoice of ${profile}`).toHaveCount(1);
  const id = (await invoiceIdOf(rows).innerText()).trim();
  expect(id).toMatch(/^G\d{9}$/);
  return { id, amountDueCents: cents(await amountDueOf(rows).innerText()) };
}

/** Clicks the row's Pay now link and waits for the Pay now blade of that invoice. */
export async function openPayNow(page: Page, invoice: Invoice): Promise<Locator> {
  await payNowLinkOf(page, invoice.id).click();
  const dialog = blade(page);
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText("Pay now");
  await expect(dialog.getByText(`Invoice ${invoice.id}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]invoice=${invoice.id}&blade=pay(&|$)`));
  return dialog;
}

/** The summary's "Amount due" value in the Pay now blade. */
export async function bladeAmountDue(dialog: Locator): Promise<number> {
  const term = dialog.getByRole("term").filter({ hasText: /^Amount due$/ });
  await expect(term).toHaveCount(1);
  const values = await dialog.getByRole("definition").allInnerTexts();
  const terms = await dialog.getByRole("term").allInnerTexts();
  return cents(values[terms.findIndex((text) => text.trim() === "Amount due")]);
}

/** A paid-in-full payment: the blade closes onto the grid, the row reads Paid, the toast confirms. */
export async function expectPaidInFull(page: Page, invoice: Invoice, amountCents: number): Promise<void> {
  await expect(blade(page)).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]paid=[^&]+/);
  const row = rowOf(page, invoice.id);
  await expect(statusOf(row)).toHaveText("Paid");
  await expect(amountDueOf(row)).toHaveText("$0.00");
  await expect(payNowLinkOf(page, invoice.id)).toHaveCount(0);
  await expect(
    page
      .getByRole("status")
      .getByText(`Payment of ${dollars(amountCents)} for invoice ${invoice.id} succeeded.`, { exact: true }),
  ).toBeVisible();
}

/** The Invoice details blade's Payments table, one entry per row: its cells' texts. */
export async function paymentsOf(page: Page, invoice: Invoice): Promise<string[][]> {
  await grid(page).getByRole("link", { name: invoice.id, exact: true }).click();
  const dialog = blade(page);
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(`Invoice ${invoice.id}`);
  const payments = dialog.getByRole("region", { name: "Payments" });
  await expect(payments.getByRole("columnheader", { name: "Result" })).toBeVisible();
  const rows = await payments.locator("tbody tr").all();
  return Promise.all(rows.map(async (row) => (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim())));
}

/** The picker's words in one language (en by default). */
export type PickerWords = { open: string; select: string; addNew: string };
export const pickerWords: Record<"en" | "fr", PickerWords> = {
  en: { open: "Select a payment method", select: "Select", addNew: "Add new payment method" },
  fr: {
    open: "Sélectionner un mode de paiement",
    select: "Sélectionner",
    addNew: "Ajouter un nouveau mode de paiement",
  },
};

/**
 * The portal's click path for a card (pay-bill, change-credit-card): Select a payment method opens a pane on
 * the right; a saved card is picked from its drop-down (by its label) and Select closes the pane, or Add new
 * payment method closes it onto the card form. `scope` holds the Select a payment method button (a blade or
 * a form); the pane is a dialog of its own, named like the button.
 */
export async function choosePaymentMethod(
  page: Page,
  scope: Locator,
  card: RegExp | "new",
  words: PickerWords = pickerWords.en,
): Promise<void> {
  await scope.getByRole("button", { name: words.open, exact: true }).click();
  const pane = page.getByRole("dialog", { name: words.open });
  await expect(pane.getByRole("combobox")).toBeFocused();
  if (card === "new") {
    await pane.getByRole("button", { name: words.addNew }).click();
  } else {
    const value = await pane.getByRole("option", { name: card }).getAttribute("value");
    await pane.getByRole("combobox").selectOption(value!);
    await pane.getByRole("button", { name: words.select, exact: true }).click();
  }
  await expect(pane).toHaveCount(0);
}

/** The options of the picker's drop-down (opened and closed again with Escape): label and whether selectable. */
export async function pickerOptions(page: Page, scope: Locator, words: PickerWords = pickerWords.en) {
  await scope.getByRole("button", { name: words.open, exact: true }).click();
  const pane = page.getByRole("dialog", { name: words.open });
  const options = await pane
    .getByRole("option")
    .evaluateAll((all) =>
      all.map((option) => ({ label: option.textContent ?? "", disabled: (option as HTMLOptionElement).disabled })),
    );
  await page.keyboard.press("Escape");
  await expect(pane).toHaveCount(0);
  return options.slice(1);
}
