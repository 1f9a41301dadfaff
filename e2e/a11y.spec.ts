// Accessibility (WCAG 2.1 A and AA): axe-core checks every page and blade of
// the payment flow — in English and in French — and must find no violation;
// then the blades' dialog behaviour (label, focus in, focus trapped, Escape,
// focus back to the opener) and the announcement of form errors.
//
// Runs first on the shared database (alphabetical order) and pays nothing: the
// Pay now blade is only opened and submitted with an empty new card, which
// never reaches the server. It adds one user, with a reader role on both demo
// accounts, so the Billing scopes list (shown only to a user with several
// accounts) can be checked; nothing else reads that user.
//
// Each page's violation count goes to test-results/a11y-summary.json.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";

import { DEMO_PASSWORD, signIn } from "./support/auth";
import { E2E_DATABASE_FILE, repoRoot } from "./support/env";
import { focusWithoutIndicator } from "./support/focus";
import { addFabrikamPastDueInvoice } from "./support/past-due";
import { choosePaymentMethod, pickerWords } from "./support/pay-now";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCOPES_USER = "a11y-scopes@contoso.com";
const summaryFile = path.join(repoRoot, "test-results", "a11y-summary.json");
type SummaryEntry = { locale: string; url: string; violations: number; rules: string[]; checkedAt: string };

/** Records a page's result in the summary file (read and rewritten each time: a failed test restarts the worker). */
function recordSummary(name: string, entry: SummaryEntry): void {
  let summary: Record<string, SummaryEntry> = {};
  try {
    const saved: unknown = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
    if (saved && typeof saved === "object" && !Array.isArray(saved)) summary = saved as Record<string, SummaryEntry>;
  } catch {
    // first page of the run, or an unreadable file: start again
  }
  summary[name] = entry;
  fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
  fs.writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
}

/** Runs axe on the page as it is now; fails with each violation's rule, impact and elements. */
async function expectNoViolations(page: Page, pageName: string): Promise<void> {
  const size = page.viewportSize();
  const name = size ? `${pageName} @${size.width}x${size.height}` : pageName;
  // Next streams a blade's metadata after its content: check the page once its <title> has arrived
  // (a page that never gets one still fails here, and axe's document-title rule still runs).
  await expect(page, `the <title> of ${name}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const locale = await page.evaluate(() => document.documentElement.lang);
  const url = new URL(page.url());
  recordSummary(name, {
    locale,
    url: url.pathname + url.search,
    violations: results.violations.length,
    rules: results.violations.map((v) => v.id),
    checkedAt: new Date().toISOString(),
  });
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.replace(/\n/g, " ")}`).join("\n")}`,
  );
  expect(report, `axe violations on ${name}`).toEqual([]);
  // axe ran real checks, not an empty page.
  expect(results.passes.length, `axe passes on ${name}`).toBeGreaterThan(5);
}

const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /^(Invoice ID|ID de facture)$/ }) });
const rowWithStatus = (page: Page, status: string) =>
  grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: status, exact: true }) });

async function openInvoices(page: Page): Promise<string> {
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
  const accountPath = new URL(page.url()).pathname;
  await page.goto(`${accountPath}/invoices`);
  await expect(grid(page).locator("tbody tr").first()).toBeVisible();
  return accountPath;
}

/** Whether focus is inside the element. */
const holdsFocus = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement));

test("the check itself reports violations when there are some", async ({ page }) => {
  await page.goto("/signin");
  await page.waitForLoadState("networkidle"); // hydrated: React will not re-render the probe away
  await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.id = "a11y-probe";
    probe.innerHTML =
      '<p style="color:#bbb;background:#fff">Low contrast</p><input type="text"><img src="/favicon.ico">';
    document.body.append(probe);
  });
  await expect(page.locator("#a11y-probe img")).toBeAttached();
  const results = await new AxeBuilder({ page }).include("#a11y-probe").withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual(
    expect.arrayContaining(["color-contrast", "image-alt", "label"]),
  );
});

/**
 * Two desktop sizes and a phone: a label that depends on the layout (text shown or hidden by a breakpoint, the
 * service menu folded behind its Menu button below 768 px) is caught at any of them.
 */
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`axe finds no WCAG 2.1 AA violation at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test("sign-in, empty and with an error shown", async ({ page }) => {
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
      await expectNoViolations(page, "Sign in");

      await page.getByLabel("Email").fill("admin@contoso.com");
      await page.getByLabel("Password").fill("wrong password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Your account or password is incorrect" })).toBeVisible();
      // The error is tied to both fields.
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Your account or password is incorrect/);
      await expectNoViolations(page, "Sign in (error)");
    });

    test("home, with the search results, the account menu and the notifications open", async ({ page }) => {
      await signIn(page, "admin@contoso.com");
      await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();
      await expectNoViolations(page, "Home");

      const search = page.getByRole("combobox", { name: "Search resources, services, and docs" });
      await search.fill("billing");
      await expect(page.getByRole("option", { name: /Cost Management \+ Billing/ })).toBeVisible();
      await expectNoViolations(page, "Home (search results)");
      await search.press("Escape");

      await page.getByRole("button", { name: /^Account manager for / }).click();
      await expect(page.getByRole("combobox", { name: "Language" })).toBeVisible();
      await expectNoViolations(page, "Home (account menu)");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: /^Notifications/ }).click();
      await expect(page.getByRole("region", { name: "Notifications" })).toBeVisible();
      await expectNoViolations(page, "Home (notifications)");
    });

    test("billing scopes, for a user with roles on two billing accounts", async ({ page }) => {
      // The demo users each hold one account (and /billing goes straight to it): add one who holds two.
      const db = new Database(E2E_DATABASE_FILE);
      try {
        if (!db.prepare("SELECT 1 FROM User WHERE email = ?").get(SCOPES_USER)) {
          const id = randomUUID();
          const now = new Date().toISOString();
          db.prepare("INSERT INTO User (id, email, displayName, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)").run(
            id,
            SCOPES_USER,
            "Megan Bowen",
            bcrypt.hashSync(DEMO_PASSWORD, 10),
            now,
          );
          for (const { id: accountId } of db.prepare("SELECT id FROM BillingAccount").all() as { id: string }[]) {
            db.prepare(
              "INSERT INTO RoleAssignment (id, userId, billingAccountId, role) VALUES (?, ?, ?, 'BILLING_ACCOUNT_READER')",
            ).run(randomUUID(), id, accountId);
          }
        }
      } finally {
        db.close();
      }
      await signIn(page, SCOPES_USER);
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: "Cost Management + Billing | Billing scopes" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Contoso Ltd" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Fabrikam, Inc." })).toBeVisible();
      await expectNoViolations(page, "Billing scopes");
    });

    test("overview, invoices grid, billing profiles, payment methods and properties", async ({ page }) => {
      await signIn(page, "admin@contoso.com");
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();
      await expect(page.getByRole("figure", { name: "Last 12 invoices" })).toBeVisible();
      await expectNoViolations(page, "Overview");
      const accountPath = new URL(page.url()).pathname;

      await page.goto(`${accountPath}/invoices`);
      await expect(grid(page).locator("tbody tr").first()).toBeVisible();
      await expectNoViolations(page, "Invoices grid");
      await page.getByRole("button", { name: "Help", exact: true }).click();
      await expect(page.getByRole("region", { name: "Help" }).getByRole("link")).toHaveCount(4);
      await expectNoViolations(page, "Invoices grid (help pane)");
      await page.keyboard.press("Escape");
      // A row selected (the command bar's Download enabled) and a row's "…" menu open.
      const firstRow = grid(page).locator("tbody tr").first();
      await firstRow.getByRole("checkbox").check();
      await firstRow.getByRole("button", { name: /^More actions for invoice / }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoViolations(page, "Invoices grid (selection, row menu)");
      await page.keyboard.press("Escape");

      await page.goto(`${accountPath}/billing-profiles`);
      await expect(page.getByRole("heading", { name: "Contoso Ltd | Billing profiles" })).toBeVisible();
      await expectNoViolations(page, "Billing profiles");

      await page.goto(`${accountPath}/payment-methods`);
      await expect(page.getByRole("heading", { name: "Contoso Ltd | Payment methods" })).toBeVisible();
      await expectNoViolations(page, "Payment methods (summary)");

      await page.goto(`${accountPath}/properties`);
      await expect(page.getByRole("heading", { name: "Contoso Ltd | Properties" })).toBeVisible();
      await expectNoViolations(page, "Properties");
    });

    test("a billing profile's payment methods, with Replace and Edit open, and the add-card errors", async ({
      page,
    }) => {
      await signIn(page, "admin@contoso.com");
      await page.goto("/billing");
      await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
      await page.goto(`${new URL(page.url()).pathname}/payment-methods`);
      // Billing profiles › profile › Payment methods, with Replace and Edit open, then Add a card.
      await page.getByRole("link", { name: "Manage payment methods of Contoso Engineering" }).click();
      await expect(page.getByRole("heading", { name: "Contoso Engineering | Payment methods" })).toBeVisible();
      await expectNoViolations(page, "Profile payment methods");
      const defaultSection = page.getByRole("region", { name: "Default payment method" });
      // Replace opens Select a payment method's pane; Add new payment method, then Set as default with nothing typed.
      await defaultSection.getByRole("button", { name: "Replace", exact: true }).click();
      const pane = page.getByRole("dialog", { name: "Select a payment method" });
      await expect(pane.getByRole("combobox")).toBeFocused();
      await expectNoViolations(page, "Profile payment methods (Select a payment method pane)");
      await pane.getByRole("button", { name: "Add new payment method" }).click();
      await defaultSection.getByRole("button", { name: "Set as default" }).click();
      await expect(defaultSection.getByLabel("Card number")).toBeFocused();
      await expectNoViolations(page, "Profile payment methods (replace with errors)");
      await defaultSection.getByRole("button", { name: "Cancel" }).click();
      // A card's "…" menu, then its Edit pane and its Delete confirmation (one pane at a time).
      const more = page.getByRole("button", { name: "More actions for Visa •••• 4242" });
      await more.click();
      await expect(page.getByRole("menu", { name: "More actions for Visa •••• 4242" })).toBeVisible();
      await expectNoViolations(page, "Profile payment methods (card menu open)");
      await page.getByRole("menuitem", { name: "Edit" }).click();
      await expect(page.getByRole("dialog", { name: "Edit Visa •••• 4242" })).toBeVisible();
      await expectNoViolations(page, "Profile payment methods (Edit pane)");
      await page.keyboard.press("Escape");
      await more.click();
      await page.getByRole("menuitem", { name: "Delete" }).click();
      await expect(page.getByRole("dialog", { name: "Delete a payment method" })).toBeVisible();
      await expectNoViolations(page, "Profile payment methods (Delete, card in use)");
      await page.keyboard.press("Escape");
      // The add-card form, submitted empty: errors next to the fields, focus on the first one.
      await page.getByRole("button", { name: "Add a card" }).click();
      const form = page.getByRole("form", { name: /^Add a card to / });
      await form.getByRole("button", { name: "Save card" }).click();
      await expect(form.getByLabel("Card number")).toBeFocused();
      await expect(form.getByLabel("Card number")).toHaveAccessibleDescription("Enter the card number.");
      await expectNoViolations(page, "Profile payment methods (add card, errors shown)");
    });

    test("a pay-as-you-go account's Settle balance banner and blade, with the new card's errors", async ({ page }) => {
      // A past-due invoice of this test's own: the banner shows whatever other specs paid.
      addFabrikamPastDueInvoice(E2E_DATABASE_FILE);
      await signIn(page, "admin@fabrikam.com");
      await page.goto("/billing");
      await expect(page.getByRole("heading", { name: "Fabrikam, Inc. | Overview" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Settle balance", exact: true })).toBeVisible();
      await expectNoViolations(page, "Overview (Settle balance banner)");
      await page.getByRole("link", { name: "Settle balance", exact: true }).click();
      const blade = page.getByRole("dialog", { name: "Settle balance" });
      await expect(blade.getByText("Total past-due balance")).toBeVisible();
      await expectNoViolations(page, "Settle balance blade");
      await choosePaymentMethod(page, blade, "new");
      await blade.getByRole("button", { name: "Pay", exact: true }).click();
      await expect(blade.getByLabel("Card number")).toBeFocused();
      await expectNoViolations(page, "Settle balance blade (new card, errors shown)");
    });

    test("the Pay now blade with a new card and its errors, invoice details and a receipt", async ({ page }) => {
      await signIn(page, "admin@contoso.com");
      await openInvoices(page);

      const due = rowWithStatus(page, "Partially paid");
      await due.getByRole("link", { name: /^Pay now for invoice / }).click();
      const dialog = page.getByRole("dialog", { name: "Pay now" });
      await expect(dialog).toBeVisible();
      await expectNoViolations(page, "Pay now blade");

      await dialog.getByRole("button", { name: "Select a payment method", exact: true }).click();
      await expect(page.getByRole("dialog", { name: "Select a payment method" }).getByRole("combobox")).toBeFocused();
      await expectNoViolations(page, "Pay now blade (Select a payment method pane)");
      await page.keyboard.press("Escape");
      await choosePaymentMethod(page, dialog, "new");
      await expect(dialog.getByLabel("Card number")).toBeVisible();
      await expectNoViolations(page, "Pay now blade (new card form)");

      // Submitting the empty card: each error is described on its field and focus goes to the first.
      await dialog.getByRole("button", { name: "Pay now", exact: true }).click();
      await expect(dialog.getByLabel("Card number")).toBeFocused();
      await expect(dialog.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
      await expect(dialog.getByLabel("Card number")).toHaveAccessibleDescription("Enter the card number.");
      await expect(dialog.getByLabel("Name on card")).toHaveAccessibleDescription(
        "Enter the name as it appears on the card.",
      );
      await expectNoViolations(page, "Pay now blade (new card, errors shown)");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      const paid = rowWithStatus(page, "Paid").first();
      const paidId = (await paid.getByRole("cell").nth(1).innerText()).trim();
      await paid.getByRole("link", { name: paidId, exact: true }).click();
      const details = page.getByRole("dialog", { name: `Invoice ${paidId}` });
      await expect(details.getByRole("columnheader", { name: "Result" })).toBeVisible();
      await expectNoViolations(page, "Invoice details blade");

      await details.getByRole("link", { name: "Receipt" }).first().click();
      await expect(page.getByRole("dialog", { name: "Payment receipt" })).toBeVisible();
      await expectNoViolations(page, "Receipt blade");
    });

    test("the reader's invoices and Pay now refusal, and the not-found page", async ({ page }) => {
      await signIn(page, "reader@contoso.com");
      const accountPath = await openInvoices(page);
      await expect(page.getByText(/You can view invoices but not pay them/)).toBeVisible();
      await expectNoViolations(page, "Invoices grid (reader)");

      const id = (await rowWithStatus(page, "Past due").getByRole("cell").nth(1).innerText()).trim();
      await page.goto(`${accountPath}/invoices?invoice=${id}&blade=pay`);
      await expect(page.getByRole("dialog", { name: "Pay now" }).getByRole("alert")).toContainText(
        "You are a billing account reader",
      );
      await expectNoViolations(page, "Pay now blade (reader refused)");

      await page.goto("/billing/no-such-account/invoices");
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expectNoViolations(page, "Not found");
    });

    test.describe("in French", () => {
      test.use({ locale: "fr-FR" });

      test("sign-in, home, invoices grid, Pay now blade with errors, and payment methods", async ({ page }) => {
        await page.goto("/signin");
        await expect(page.locator("html")).toHaveAttribute("lang", "fr");
        await expect(page.getByRole("heading", { name: "Se connecter", exact: true })).toBeVisible();
        await expectNoViolations(page, "Se connecter");

        await page.getByLabel("E-mail").fill("admin@contoso.com");
        await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Se connecter", exact: true }).click();
        await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();
        await expectNoViolations(page, "Accueil");

        const accountPath = await openInvoices(page);
        await expect(page.getByRole("heading", { name: "Contoso Ltd | Factures" })).toBeVisible();
        await expectNoViolations(page, "Factures");
        await page.getByRole("button", { name: "Aide", exact: true }).click();
        await expect(page.getByRole("region", { name: "Aide" }).getByRole("link")).toHaveCount(4);
        await expectNoViolations(page, "Factures (volet Aide)");
        await page.keyboard.press("Escape");

        await rowWithStatus(page, "Partiellement payé")
          .getByRole("link", { name: /^Payer maintenant la facture / })
          .click();
        const dialog = page.getByRole("dialog", { name: "Payer maintenant" });
        await choosePaymentMethod(page, dialog, "new", pickerWords.fr);
        await dialog.getByRole("button", { name: "Payer maintenant", exact: true }).click();
        await expect(dialog.getByLabel("Numéro de carte")).toHaveAccessibleDescription("Entrez le numéro de carte.");
        await expectNoViolations(page, "Payer maintenant (erreurs affichées)");

        await page.goto(`${accountPath}/payment-methods`);
        await expect(page.getByRole("heading", { name: "Contoso Ltd | Modes de paiement" })).toBeVisible();
        await expectNoViolations(page, "Modes de paiement");
        await page.getByRole("link", { name: "Gérer les modes de paiement de Contoso Engineering" }).click();
        await expect(page.getByRole("heading", { name: "Contoso Engineering | Modes de paiement" })).toBeVisible();
        const defaultSection = page.getByRole("region", { name: "Mode de paiement par défaut" });
        await defaultSection.getByRole("button", { name: "Remplacer", exact: true }).click();
        await expect(
          page.getByRole("dialog", { name: "Sélectionner un mode de paiement" }).getByRole("combobox"),
        ).toBeFocused();
        await expectNoViolations(page, "Modes de paiement du profil (remplacer)");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Autres actions pour Visa •••• 4242" }).click();
        await page.getByRole("menuitem", { name: "Modifier" }).click();
        await expect(page.getByRole("dialog", { name: "Modifier Visa •••• 4242" })).toBeVisible();
        await expectNoViolations(page, "Modes de paiement du profil (modifier)");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Autres actions pour Visa •••• 4242" }).click();
        await page.getByRole("menuitem", { name: "Supprimer" }).click();
        await expect(page.getByRole("dialog", { name: "Supprimer un mode de paiement" })).toBeVisible();
        await expectNoViolations(page, "Modes de paiement du profil (supprimer)");
      });

      test("Régler le solde d’un compte à paiement à l’utilisation", async ({ page }) => {
        addFabrikamPastDueInvoice(E2E_DATABASE_FILE);
        await page.goto("/signin");
        await page.getByLabel("E-mail").fill("admin@fabrikam.com");
        await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Se connecter", exact: true }).click();
        await page.waitForURL((url) => url.pathname !== "/signin");
        await page.goto("/billing");
        await page.getByRole("link", { name: "Régler le solde", exact: true }).click();
        const blade = page.getByRole("dialog", { name: "Régler le solde" });
        await choosePaymentMethod(page, blade, "new", pickerWords.fr);
        await blade.getByRole("button", { name: "Payer", exact: true }).click();
        await expect(blade.getByLabel("Numéro de carte")).toBeFocused();
        await expectNoViolations(page, "Régler le solde (erreurs affichées)");
      });
    });
  });
}

test.describe("blades are modal dialogs", () => {
  test("labelled, focus moved in, trapped, Escape and the close button close it, focus back on the opener", async ({
    page,
  }) => {
    await signIn(page, "admin@contoso.com");
    await openInvoices(page);
    const payNow = rowWithStatus(page, "Partially paid").getByRole("link", { name: /^Pay now for invoice / });

    // Open with the keyboard.
    await payNow.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Pay now" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute("aria-modal", "true");
    await expect(dialog.getByRole("heading", { level: 2, name: "Pay now" })).toBeFocused();

    // Tab and Shift+Tab cycle inside the blade, through all of it.
    const seen = new Set<string>();
    for (const key of ["Tab", "Shift+Tab"]) {
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(key);
        expect(await holdsFocus(dialog), `${key} #${i + 1} stays in the blade`).toBe(true);
        seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ""));
      }
    }
    // The close button, the (first) payment method and Cancel at least; Pay now is disabled until a method is chosen.
    expect(seen.size).toBeGreaterThanOrEqual(3);

    // Escape closes it and gives focus back to the Pay now link.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).not.toHaveURL(/blade=/);
    await expect(payNow).toBeFocused();

    // The close button too.
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(payNow).toBeFocused();
  });

  test("the invoice details blade opened by its link returns focus to it; opened by URL, focus lands on the page heading", async ({
    page,
  }) => {
    await signIn(page, "admin@contoso.com");
    await openInvoices(page);
    const link = grid(page).locator("tbody tr").first().getByRole("link").first();
    const id = (await link.innerText()).trim();
    await link.focus();
    await page.keyboard.press("Enter");
    const details = page.getByRole("dialog", { name: `Invoice ${id}` });
    await expect(details.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);
    await expect(link).toBeFocused();

    await page.goto(`${page.url().split("?")[0]}?invoice=${id}&blade=details`);
    await expect(details.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(details).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  });
});

test("every focusable element on the invoices page and in the Pay now blade shows a visible focus indicator", async ({
  page,
}) => {
  await signIn(page, "admin@contoso.com");
  await openInvoices(page);
  const missing: string[] = [];
  const check = async () => {
    const problem = await focusWithoutIndicator(page);
    if (problem) missing.push(problem);
  };
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    await check();
  }
  await rowWithStatus(page, "Partially paid")
    .getByRole("link", { name: /^Pay now for invoice / })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Pay now" })).toBeVisible();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    await check();
  }
  expect(missing).toEqual([]);
});
