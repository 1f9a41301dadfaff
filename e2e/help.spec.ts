// The Help pane (the top bar's "?", as in the portal): on Invoices — and so under
// the Pay now blade, a blade of that page — it lists the four documents the seed
// article recommends, at their Microsoft Learn addresses, each opened in a new tab,
// in English and in French. Reads only: shares the e2e server's database.
import { expect, test, type Locator, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./support/auth";

const LEARN = "https://learn.microsoft.com/azure/cost-management-billing";
const SEED_DOCUMENTS = [
  `${LEARN}/understand/pay-bill`,
  `${LEARN}/manage/change-credit-card#frequently-asked-questions`,
  `${LEARN}/manage/change-credit-card#manage-microsoft-customer-agreement-credit-cards`,
  `${LEARN}/manage/change-credit-card#check-the-type-of-your-account`,
];

async function openInvoices(page: Page): Promise<void> {
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
  await page.goto(`${new URL(page.url()).pathname}/invoices`);
}

/** The machine is offline: Learn answers from the test, so the new tab has somewhere to land. */
async function stubLearn(page: Page): Promise<void> {
  await page
    .context()
    .route("https://learn.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Microsoft Learn</title>" }),
    );
}

async function expectSeedDocuments(pane: Locator, titles: string[]) {
  const links = pane.getByRole("link");
  await expect(links).toHaveCount(4);
  for (const [index, title] of titles.entries()) {
    const link = links.nth(index);
    await expect(link).toHaveAccessibleName(new RegExp(`^${title.replace(/[()+]/g, "\\$&")}`));
    await expect(link).toHaveAttribute("href", SEED_DOCUMENTS[index]);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", /\bnoopener\b/);
  }
}

test("the Help pane lists the seed's four recommended documents on Invoices, each opened in a new tab", async ({
  page,
}) => {
  await stubLearn(page);
  await signIn(page, "admin@contoso.com");
  await openInvoices(page);
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();

  const help = page.getByRole("button", { name: "Help", exact: true });
  await expect(help).toHaveAttribute("aria-expanded", "false");
  await help.click();
  const pane = page.getByRole("region", { name: "Help" });
  await expect(pane.getByText("For Invoices and Pay now")).toBeVisible();
  await expectSeedDocuments(pane, [
    "Pay your bill for Microsoft Azure",
    "Change payment method – FAQ",
    "Change the payment method of a billing profile (Microsoft Customer Agreement)",
    "Check the type of your account",
  ]);
  await expect(pane.getByRole("link").first()).toHaveAccessibleName(/\(opens in a new tab\)$/);

  // A new tab opens on Learn; the portal stays on Invoices.
  const [tab] = await Promise.all([page.context().waitForEvent("page"), pane.getByRole("link").nth(3).click()]);
  await expect(tab).toHaveURL(SEED_DOCUMENTS[3]);
  await tab.close();
  await expect(page).toHaveURL(/\/invoices$/);

  // Escape closes it and gives focus back to "?".
  await pane.getByRole("link").first().focus();
  await page.keyboard.press("Escape");
  await expect(pane).toHaveCount(0);
  await expect(help).toBeFocused();

  // Elsewhere, the pane follows the page: Properties recommends checking the account type first.
  await page.goto(page.url().replace(/\/invoices$/, "/properties"));
  await page.getByRole("button", { name: "Help", exact: true }).click();
  await expect(page.getByRole("region", { name: "Help" }).getByRole("link").first()).toHaveAttribute(
    "href",
    SEED_DOCUMENTS[3],
  );
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("le volet Aide liste les quatre documents recommandés sur Factures", async ({ page }) => {
    await stubLearn(page);
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill("admin@contoso.com");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();
    await openInvoices(page);
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Factures" })).toBeVisible();

    await page.getByRole("button", { name: "Aide", exact: true }).click();
    const pane = page.getByRole("region", { name: "Aide" });
    await expect(pane.getByRole("heading", { name: "Documents recommandés" })).toBeVisible();
    await expect(pane.getByText("Pour Factures et Payer maintenant")).toBeVisible();
    await expectSeedDocuments(pane, [
      "Paiement de votre facture pour Microsoft Azure",
      "Modifier le mode de paiement – FAQ",
      "Modifier le mode de paiement d’un profil de facturation (Contrat client Microsoft)",
      "Vérifier le type de votre compte",
    ]);
    await expect(pane.getByRole("link").first()).toHaveAccessibleName(/\(s’ouvre dans un nouvel onglet\)$/);

    const [tab] = await Promise.all([page.context().waitForEvent("page"), pane.getByRole("link").first().click()]);
    await expect(tab).toHaveURL(SEED_DOCUMENTS[0]);
  });
});
