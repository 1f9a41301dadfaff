// Payment methods: the account's page is a summary that links to each billing profile's own page,
// where cards are added (in a pane), made the default and deleted through each card's "…" menu (the
// success paths, and a default card's Delete refused with its reason). Self-contained and
// self-restoring: a card number of its own each run, the default given back before the card is
// removed, so it passes alone, in any order and repeated.
import { expect, test, type Locator } from "@playwright/test";

import { signIn } from "./support/auth";
import { uniqueVisa } from "./support/cards";

const PROFILE = "Contoso Engineering";

const cardRow = (section: Locator, label: string) =>
  section.getByRole("row").filter({ has: section.page().getByRole("cell", { name: label, exact: true }) });
const statusOf = (row: Locator) => row.getByRole("cell").nth(3);

test("the account's summary leads to the profile, where a card is added, made default, given back and removed", async ({
  page,
}) => {
  await signIn(page, "admin@contoso.com");
  await page.goto("/billing");
  await page
    .getByRole("navigation", { name: "Cost Management + Billing menu" })
    .getByRole("link", { name: "Payment methods", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Payment methods" })).toBeVisible();
  const summaryRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: PROFILE }) });
  await expect(summaryRow.getByRole("cell", { name: "Visa •••• 4242" })).toBeVisible();
  await expect(
    page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Contoso Finance" }) }),
  ).toContainText("Wire transfer");
  // No card is changed here any more: that happens under the billing profile.
  await expect(page.getByRole("button", { name: "Add a card" })).toHaveCount(0);
  await summaryRow.getByRole("link", { name: `Manage payment methods of ${PROFILE}` }).click();
  await expect(page.getByRole("heading", { name: `${PROFILE} | Payment methods` })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Billing profiles" }),
  ).toBeVisible();

  const defaultSection = page.getByRole("region", { name: "Default payment method" });
  const cards = page.getByRole("region", { name: "Your credit cards" });
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();
  // A row's "…" menu: Edit, Make default, Delete (change-credit-card, delete-azure-payment-method).
  const menuItem = async (card: string, item: string) => {
    await cardRow(cards, card)
      .getByRole("button", { name: `More actions for ${card}` })
      .click();
    await page
      .getByRole("menu", { name: `More actions for ${card}` })
      .getByRole("menuitem", { name: item })
      .click();
  };

  const number = uniqueVisa();
  const label = `Visa •••• ${number.slice(-4)}`;
  await cards.getByRole("button", { name: "Add a card" }).click();
  // The card form opens in a pane on the right.
  const pane = page.getByRole("dialog", { name: `Add a card to ${PROFILE}` });
  const form = page.getByRole("form", { name: `Add a card to ${PROFILE}` });
  await expect(pane).toBeVisible();
  await form.getByLabel("Card number").fill(number);
  await form.getByLabel("Expiration month").selectOption({ label: "10" });
  await form.getByLabel("Expiration year").selectOption({ label: "2030" });
  await form.getByLabel("Security code (CVV/CVC)").fill("321");
  await form.getByLabel("Name on card").fill("Megan Bowen");
  await form.getByLabel("Country/region").selectOption({ label: "United States" });
  await form.getByLabel("Postal code").fill("98052");
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(pane).toHaveCount(0);
  await expect(cards.getByRole("status").getByText("The card was added.")).toBeVisible();
  const added = cardRow(cards, label);
  await expect(added).toHaveCount(1);
  await expect(added.getByRole("cell", { name: "10/2030" })).toBeVisible();
  await expect(statusOf(added)).toHaveText("Active");

  await menuItem(label, "Make default");
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();
  await expect(statusOf(cardRow(cards, label))).toHaveText("Default");
  await page.reload();
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();

  // Delete the default: refused, with the reason, before anything is sent.
  await menuItem(label, "Delete");
  const confirm = page.getByRole("dialog", { name: "Delete a payment method" });
  await expect(confirm.getByText(`${label}, expires 10/2030`)).toBeVisible();
  await expect(confirm.getByText("This payment method is in use and can't be deleted.")).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Delete", exact: true })).toBeDisabled();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);

  await menuItem("Visa •••• 4242", "Make default");
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();
  await menuItem(label, "Delete");
  await expect(confirm.getByText(/^This payment method isn't in use/)).toBeVisible();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("status").getByText("The card was deleted.")).toBeVisible();
  await expect(cardRow(cards, label)).toHaveCount(0);
  await page.reload();
  await expect(cardRow(cards, label)).toHaveCount(0);
});

// A pay-as-you-go (MOSP) account has no billing profiles (change-credit-card, download-azure-invoice): no
// Billing profiles in its menu, a Subscription column instead of Billing profile in its grid, and its Payment
// methods page is its subscription's cards themselves. Read-only: it changes nothing.
for (const [locale, w] of [
  [
    "en-US",
    {
      email: "Email",
      password: "Password",
      signIn: "Sign in",
      menu: "Cost Management + Billing menu",
      invoices: "Invoices",
      billingProfiles: "Billing profiles",
      paymentMethods: "Payment methods",
      invoicesHeading: "Fabrikam, Inc. | Invoices",
      methodsHeading: "Fabrikam, Inc. | Payment methods",
      subscription: "Subscription",
      billingProfile: "Billing profile",
      cards: "Your credit cards",
      download: "Download",
      invoice: "Invoice",
      more: "More actions for invoice",
      usage: "Prepare Azure usage file",
    },
  ],
  [
    "fr-FR",
    {
      email: "E-mail",
      password: "Mot de passe",
      signIn: "Se connecter",
      menu: "Menu Gestion des coûts + Facturation",
      invoices: "Factures",
      billingProfiles: "Profils de facturation",
      paymentMethods: "Modes de paiement",
      invoicesHeading: "Fabrikam, Inc. | Factures",
      methodsHeading: "Fabrikam, Inc. | Modes de paiement",
      subscription: "Abonnement",
      billingProfile: "Profil de facturation",
      cards: "Vos cartes de crédit",
      download: "Télécharger",
      invoice: "Facture",
      more: "Autres actions pour la facture",
      usage: "Préparer le fichier d’utilisation Azure",
    },
  ],
] as const) {
  test.describe(`a pay-as-you-go account (${locale})`, () => {
    test.use({ locale });
    test("shows no billing profiles: subscription column, row download menu, its cards on Payment methods", async ({
      page,
    }) => {
      await page.goto("/signin");
      await page.getByLabel(w.email).fill("admin@fabrikam.com");
      await page.getByLabel(w.password).fill("Passw0rd!");
      await page.getByRole("button", { name: w.signIn, exact: true }).click();
      await page.waitForURL((url) => url.pathname !== "/signin");
      await page.goto("/billing");
      const menu = page.getByRole("navigation", { name: w.menu });
      await expect(menu.getByRole("link", { name: w.invoices, exact: true })).toBeVisible();
      await expect(menu.getByRole("link", { name: w.billingProfiles })).toHaveCount(0);

      await menu.getByRole("link", { name: w.invoices, exact: true }).click();
      await expect(page.getByRole("heading", { name: w.invoicesHeading })).toBeVisible();
      const table = page.getByRole("table");
      await expect(table.getByRole("columnheader", { name: w.subscription })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: w.billingProfile })).toHaveCount(0);
      const row = table.locator("tbody tr").first();
      await expect(row.getByRole("cell", { name: "Azure subscription 1", exact: true })).toBeVisible();
      const id = (await row.getByRole("cell").nth(1).innerText()).trim();
      // The row ends with a download icon whose menu holds the invoice, then "…".
      await row.getByRole("button", { name: `${w.download} ${id}` }).click();
      const downloads = page.getByRole("menu", { name: `${w.download} ${id}` });
      await expect(downloads.getByRole("menuitem")).toHaveText([w.invoice]);
      await expect(downloads.getByRole("menuitem", { name: w.invoice })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(downloads).toHaveCount(0);
      await row.getByRole("button", { name: `${w.more} ${id}` }).click();
      await expect(page.getByRole("menu", { name: `${w.more} ${id}` }).getByRole("menuitem")).toHaveText([
        w.invoice,
        w.usage,
      ]);
      await page.keyboard.press("Escape");

      await menu.getByRole("link", { name: w.paymentMethods, exact: true }).click();
      await expect(page.getByRole("heading", { name: w.methodsHeading })).toBeVisible();
      await expect(page.getByRole("region", { name: w.cards }).getByRole("row")).not.toHaveCount(0);
      await expect(page.getByText(w.billingProfile, { exact: true })).toHaveCount(0);
    });
  });
}
