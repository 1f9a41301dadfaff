// Settle balance (MOSP), in English and in French: Fabrikam's admin sees the banner
// on Overview and Invoices, opens Settle balance, pays every past-due invoice with the saved card, and
// the banner goes away. Each test first adds a past-due invoice of its own to the shared database, so it
// passes alone, repeated, or after another spec paid the seed's; nothing else relies on Fabrikam being
// past due (access.spec.ts checks the MOSP information bar, which stays).
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";
import { E2E_DATABASE_FILE } from "./support/env";
import { addFabrikamPastDueInvoice } from "./support/past-due";
import { choosePaymentMethod, pickerWords, type PickerWords } from "./support/pay-now";

type Words = {
  email: string;
  password: string;
  signIn: string;
  overview: string;
  invoices: string;
  banner: RegExp;
  settle: string;
  card: RegExp;
  picker: PickerWords;
  pay: string;
  settled: RegExp;
  total: string;
};

const english: Words = {
  email: "Email",
  password: "Password",
  signIn: "Sign in",
  overview: "Fabrikam, Inc. | Overview",
  invoices: "Fabrikam, Inc. | Invoices",
  banner: /past-due balance of/,
  settle: "Settle balance",
  card: /^Mastercard ending in 4444/,
  picker: pickerWords.en,
  pay: "Pay",
  settled: /^Your past-due balance is settled: \d+ invoices? paid\.$/,
  total: "Total past-due balance",
};

const french: Words = {
  email: "E-mail",
  password: "Mot de passe",
  signIn: "Se connecter",
  overview: "Fabrikam, Inc. | Vue d’ensemble",
  invoices: "Fabrikam, Inc. | Factures",
  banner: /solde en souffrance de/,
  settle: "Régler le solde",
  card: /^Mastercard se terminant par 4444/,
  picker: pickerWords.fr,
  pay: "Payer",
  settled: /^Votre solde en souffrance est réglé : \d+ factures? payées?\.$/,
  total: "Solde total en souffrance",
};

async function settlePastDueBalance(page: Page, w: Words) {
  const invoiceId = addFabrikamPastDueInvoice(E2E_DATABASE_FILE);
  await page.goto("/signin");
  await page.getByLabel(w.email).fill("admin@fabrikam.com");
  await page.getByLabel(w.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: w.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: w.overview })).toBeVisible();
  const accountPath = new URL(page.url()).pathname;
  await expect(page.getByText(w.banner)).toBeVisible();

  await page.getByRole("link", { name: w.settle, exact: true }).click();
  const blade = page.getByRole("dialog", { name: w.settle });
  await expect(blade).toBeVisible();
  await expect(blade.getByRole("cell", { name: invoiceId })).toBeVisible();
  await expect(blade.getByText(w.total)).toBeVisible();
  // Select a payment method's pane: the subscription's Mastercard from its drop-down (resolve-past-due-balance).
  await choosePaymentMethod(page, blade, w.card, w.picker);
  await blade.getByRole("button", { name: w.pay, exact: true }).click();
  await expect(blade.getByRole("status").getByText(w.settled)).toBeVisible();
  await expect(blade.getByRole("list").getByText(invoiceId)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Nothing is past due any more: no banner on Invoices, nor on the Overview.
  await expect(page.getByRole("heading", { name: w.invoices })).toBeVisible();
  await expect(page.getByText(w.banner)).toHaveCount(0);
  await page.goto(accountPath);
  await expect(page.getByRole("heading", { name: w.overview })).toBeVisible();
  await expect(page.getByText(w.banner)).toHaveCount(0);
}

test("the MOSP admin settles a past-due balance and the banner disappears", async ({ page }) => {
  await settlePastDueBalance(page, english);
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });
  test("l’administrateur MOSP règle un solde en souffrance et la bannière disparaît", async ({ page }) => {
    await settlePastDueBalance(page, french);
  });
});
