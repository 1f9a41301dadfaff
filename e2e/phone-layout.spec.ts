// The portal on a phone (390×844), in English and French: no page scrolls sideways, the service menu
// folds behind a Menu button, a blade takes the whole width with its close button in view, the Invoices
// grid scrolls inside its own box, and the top bar's panes fit. Reads only: the shared demo world.
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";

const PHONE = { width: 390, height: 844 };

const words = {
  en: {
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    overview: "Contoso Ltd | Overview",
    menu: "Cost Management + Billing menu",
    invoices: "Invoices",
    invoiceId: "Invoice ID",
    invoicesHeading: "Contoso Ltd | Invoices",
    payNowFor: /^Pay now for invoice /,
    payNow: "Pay now",
    close: "Close",
    paymentMethods: "Contoso Ltd | Payment methods",
    manage: "Manage payment methods of Contoso Engineering",
    profileMethods: "Contoso Engineering | Payment methods",
    properties: "Contoso Ltd | Properties",
    notifications: /^Notifications/,
    notificationsPane: "Notifications",
    help: "Help",
    account: /^Account manager for /,
    language: "Language",
  },
  fr: {
    email: "E-mail",
    password: "Mot de passe",
    signIn: "Se connecter",
    overview: "Contoso Ltd | Vue d’ensemble",
    menu: "Menu Gestion des coûts + Facturation",
    invoices: "Factures",
    invoiceId: "ID de facture",
    invoicesHeading: "Contoso Ltd | Factures",
    payNowFor: /^Payer maintenant la facture /,
    payNow: "Payer maintenant",
    close: "Fermer",
    paymentMethods: "Contoso Ltd | Modes de paiement",
    manage: "Gérer les modes de paiement de Contoso Engineering",
    profileMethods: "Contoso Engineering | Modes de paiement",
    properties: "Contoso Ltd | Propriétés",
    notifications: /^Notifications/,
    notificationsPane: "Notifications",
    help: "Aide",
    account: /^Gestionnaire de compte de /,
    language: "Langue",
  },
} as const;

/** The page is no wider than the window: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${name}: document.documentElement.scrollWidth <= window.innerWidth`).toBeLessThanOrEqual(
    innerWidth,
  );
}

/** The element lies inside the window, left to right. */
async function expectWithinWidth(page: Page, locator: ReturnType<Page["locator"]>, name: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${name} is laid out`).not.toBeNull();
  expect(box!.x, `${name}'s left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name}'s right edge`).toBeLessThanOrEqual(PHONE.width);
}

for (const locale of ["en", "fr"] as const) {
  const w = words[locale];

  test.describe(`on a phone (390×844), ${locale}`, () => {
    test.use({ viewport: PHONE, locale: locale === "en" ? "en-US" : "fr-FR" });

    test.beforeEach(async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: w.signIn, exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page, "Sign in");
      await page.getByLabel(w.email).fill("admin@contoso.com");
      await page.getByLabel(w.password).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: w.signIn, exact: true }).click();
      await page.waitForURL((url) => url.pathname !== "/signin");
    });

    test("no page scrolls sideways: Overview, Invoices, Pay now, Payment methods, a profile's, Properties", async ({
      page,
    }) => {
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: w.overview })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoSidewaysScroll(page, "Overview");
      const accountPath = new URL(page.url()).pathname;

      await page.goto(`${accountPath}/invoices`);
      await expect(page.getByRole("heading", { name: w.invoicesHeading })).toBeVisible();
      await expectNoSidewaysScroll(page, "Invoices");
      // The grid scrolls inside its own box, which fits the window.
      const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: w.invoiceId }) });
      const scroller = table.locator("xpath=ancestor::div[contains(@class, 'overflow-x-auto')][1]");
      expect(await scroller.evaluate((element) => getComputedStyle(element).overflowX)).toBe("auto");
      expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      await expectWithinWidth(page, scroller, "the grid's box");

      await page.getByRole("link", { name: w.payNowFor }).first().click();
      const dialog = page.getByRole("dialog", { name: w.payNow });
      await expect(dialog).toBeVisible();
      await expectNoSidewaysScroll(page, "Pay now");
      await expectWithinWidth(page, dialog, "the Pay now blade");
      // Its close button is in view, and closes it.
      const close = dialog.getByRole("button", { name: w.close });
      await expect(close).toBeInViewport();
      await expectWithinWidth(page, close, "the blade's close button");
      await close.click();
      await expect(dialog).toHaveCount(0);

      await page.goto(`${accountPath}/payment-methods`);
      await expect(page.getByRole("heading", { name: w.paymentMethods })).toBeVisible();
      await expectNoSidewaysScroll(page, "Payment methods");
      await page.getByRole("link", { name: w.manage }).click();
      await expect(page.getByRole("heading", { name: w.profileMethods })).toBeVisible();
      await expectNoSidewaysScroll(page, "A billing profile's payment methods");

      await page.goto(`${accountPath}/properties`);
      await expect(page.getByRole("heading", { name: w.properties })).toBeVisible();
      await expectNoSidewaysScroll(page, "Properties");
    });

    test("the service menu folds behind a Menu button", async ({ page }) => {
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: w.overview })).toBeVisible();
      const menu = page.getByRole("navigation", { name: w.menu });
      const toggle = menu.getByRole("button", { name: "Menu" });
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      const invoices = menu.getByRole("link", { name: w.invoices, exact: true });
      await expect(invoices).toBeHidden();
      // The heading is right under the top bar and the Menu button, not beside a 224 px menu.
      expect((await page.getByRole("heading", { level: 1 }).boundingBox())!.x).toBeLessThan(40);

      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(invoices).toBeVisible();
      await invoices.click();
      await expect(page.getByRole("heading", { name: w.invoicesHeading })).toBeVisible();
      // Another blade: the menu folds again.
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await expect(invoices).toBeHidden();
      await expectNoSidewaysScroll(page, "Invoices, after the menu");
    });

    test("the top bar's panes fit the window: notifications, help, account menu", async ({ page }) => {
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: w.overview })).toBeVisible();

      await page.getByRole("button", { name: w.notifications }).click();
      const notifications = page.getByRole("region", { name: w.notificationsPane });
      await expect(notifications).toBeVisible();
      await expectWithinWidth(page, notifications, "the notifications pane");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: w.help, exact: true }).click();
      const help = page.getByRole("region", { name: w.help });
      await expect(help).toBeVisible();
      await expectWithinWidth(page, help, "the help pane");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: w.account }).click();
      const language = page.getByRole("combobox", { name: w.language });
      await expect(language).toBeVisible();
      await expectWithinWidth(
        page,
        language.locator("xpath=ancestor::div[contains(@class,'z-50')][1]"),
        "account menu",
      );
      await expectNoSidewaysScroll(page, "Overview, account menu open");
    });
  });
}

test.describe("from 768 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the service menu shows its links, with no Menu button", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("admin@contoso.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    await page.goto("/billing");
    const menu = page.getByRole("navigation", { name: "Cost Management + Billing menu" });
    await expect(menu.getByRole("link", { name: "Invoices", exact: true })).toBeVisible();
    await expect(menu.getByRole("button", { name: "Menu" })).toBeHidden();
  });
});
