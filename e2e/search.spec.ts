// The top bar's search, grouped as the portal's: Services (Cost Management + Billing and its pages in
// each billing account the user holds a role on) and Documentation (Microsoft Learn pages, opened in a
// new tab), in English and French; keyboard only (arrows, Enter, Escape), and G then / to reach it.
// Reads only: the shared demo world.
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";

const words = {
  en: {
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    home: "Azure services",
    search: "Search resources, services, and docs",
    services: "Services",
    documentation: "Documentation",
    paymentMethods: /^Payment methods Page of billing account Contoso Ltd$/,
    invoices: /^Invoices Page of billing account Contoso Ltd$/,
    payBill: /^Pay your bill for Microsoft Azure \(opens in a new tab\)/,
    invoicesHeading: "Contoso Ltd | Invoices",
  },
  fr: {
    email: "E-mail",
    password: "Mot de passe",
    signIn: "Se connecter",
    home: "Services Azure",
    search: "Rechercher des ressources, services et documents",
    services: "Services",
    documentation: "Documentation",
    paymentMethods: /^Modes de paiement Page du compte de facturation Contoso Ltd$/,
    invoices: /^Factures Page du compte de facturation Contoso Ltd$/,
    payBill: /\(s’ouvre dans un nouvel onglet\)/,
    invoicesHeading: "Contoso Ltd | Factures",
  },
} as const;
type Words = (typeof words)[keyof typeof words];

async function signIn(page: Page, w: Words, email = "admin@contoso.com"): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: w.signIn, exact: true }).click();
  await expect(page.getByRole("heading", { name: w.home })).toBeVisible();
  await page.waitForLoadState("networkidle"); // hydrated: the search box and its shortcut react
}

for (const locale of ["en", "fr"] as const) {
  const w = words[locale];

  test.describe(`${locale}`, () => {
    test.use({ locale: locale === "en" ? "en-US" : "fr-FR" });

    test("groups results into Services and Documentation, and opens a page with the keyboard", async ({ page }) => {
      await signIn(page, w);
      const search = page.getByRole("combobox", { name: w.search });
      await search.fill(locale === "en" ? "payment methods" : "modes de paiement");
      const listbox = page.getByRole("listbox", { name: w.search });
      await expect(listbox).toBeVisible();
      await expect(search).toHaveAttribute("aria-expanded", "true");
      const services = listbox.getByRole("group", { name: w.services });
      const documentation = listbox.getByRole("group", { name: w.documentation });
      await expect(services.getByRole("option", { name: w.paymentMethods })).toBeVisible();
      await expect(documentation.getByRole("option").first()).toBeVisible();

      await search.fill(locale === "en" ? "pay invoice" : "payer facture");
      await expect(services.getByRole("option", { name: w.invoices })).toBeVisible();
      await expect(documentation.getByRole("option", { name: w.payBill }).first()).toBeVisible();

      // Arrows move the active option (aria-activedescendant); Enter opens it; Escape closes the list.
      await search.press("Escape");
      await expect(search).toHaveAttribute("aria-expanded", "false");
      await search.fill(locale === "en" ? "invoices" : "factures");
      const invoicesOption = services.getByRole("option", { name: w.invoices });
      await expect(invoicesOption).toBeVisible();
      for (let presses = 0; presses < 10; presses++) {
        if ((await invoicesOption.getAttribute("aria-selected")) === "true") break;
        await search.press("ArrowDown");
      }
      await expect(invoicesOption).toHaveAttribute("aria-selected", "true");
      await expect(search).toHaveAttribute("aria-activedescendant", (await invoicesOption.getAttribute("id"))!);
      await search.press("Enter");
      await expect(page.getByRole("heading", { name: w.invoicesHeading })).toBeVisible();
    });

    test("G then / focuses the search box, as its placeholder says", async ({ page }) => {
      await signIn(page, w);
      const search = page.getByRole("combobox", { name: w.search });
      await expect(search).toHaveAttribute("placeholder", /\(G\+\/\)$/);
      await page.getByRole("heading", { name: w.home }).click();
      await expect(search).not.toBeFocused();
      await page.keyboard.press("g");
      await page.keyboard.press("/");
      await expect(search).toBeFocused();
      // The "/" went to the shortcut, not into the box.
      await expect(search).toHaveValue("");
    });
  });
}

test("finds nothing of an account the user holds no role on", async ({ page }) => {
  await signIn(page, words.en, "admin@fabrikam.com");
  const search = page.getByRole("combobox", { name: words.en.search });
  await search.fill("payment methods");
  const services = page.getByRole("group", { name: "Services" });
  await expect(services.getByRole("option", { name: /Page of billing account Fabrikam, Inc\.$/ })).toHaveCount(1);
  await expect(page.getByRole("option", { name: /Contoso/ })).toHaveCount(0);
  // A pay-as-you-go account has no billing profiles.
  await search.fill("billing profiles");
  await expect(page.getByRole("option", { name: /^Billing profiles/ })).toHaveCount(0);
});
