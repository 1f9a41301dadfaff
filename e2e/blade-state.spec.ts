// State and focus you can trust, in English and French: Reset filters resets the controls, a custom range
// that matches nothing or is open says so, an empty grid says so without a pager, a disabled command looks
// disabled; in Pay now focus goes to a decline's message and Escape closes the blade wherever focus is,
// the buttons come after every field, an error goes as soon as its field is valid; Settle balance ends
// with one message.
//
// It declines and pays, so each test runs in a world of its own (e2e/support/worlds.ts).
import type { Locator, Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";
import { choosePaymentMethod, pickerWords } from "./support/pay-now";
import { expect, test, type World } from "./support/worlds";

const words = {
  en: {
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    invoicesHeading: "Contoso Ltd | Invoices",
    status: "Status",
    paid: "Paid",
    reset: "Reset filters",
    timespan: "Timespan",
    from: "Start date",
    to: "End date",
    apply: "Apply",
    order: /The start date is after the end date/,
    noDates: /No dates entered/,
    empty: /^No invoices match these filters/,
    pagination: "Pagination",
    download: "Download",
    partiallyPaid: "Partially paid",
    payNowFor: /^Pay now for invoice /,
    payNow: "Pay now",
    declined: "Payment declined",
    declinedCard: /^Visa ending in 0002/,
    cardNumber: "Card number",
    holderName: "Name on card",
    cardNumberRequired: "Enter the card number.",
    picker: pickerWords.en,
  },
  fr: {
    email: "E-mail",
    password: "Mot de passe",
    signIn: "Se connecter",
    invoicesHeading: "Contoso Ltd | Factures",
    status: "État",
    paid: "Payé",
    reset: "Réinitialiser les filtres",
    timespan: "Période",
    from: "Date de début",
    to: "Date de fin",
    apply: "Appliquer",
    order: /La date de début est postérieure à la date de fin/,
    noDates: /Aucune date saisie/,
    empty: /^Aucune facture ne correspond/,
    pagination: "Pagination",
    download: "Télécharger",
    partiallyPaid: "Partiellement payé",
    payNowFor: /^Payer maintenant la facture /,
    payNow: "Payer maintenant",
    declined: "Paiement refusé",
    declinedCard: /^Visa se terminant par 0002/,
    cardNumber: "Numéro de carte",
    holderName: "Nom sur la carte",
    cardNumberRequired: "Entrez le numéro de carte.",
    picker: pickerWords.fr,
  },
} as const;
type Words = (typeof words)[keyof typeof words];

// Each test signs in itself, by its language's labels.
test.use({ worldUser: null });

async function signIn(page: Page, world: World, w: Words, account = "Contoso Ltd"): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(w.email).fill(world.user("admin", account).email);
  await page.getByLabel(w.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: w.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
}

const invoicesPath = (world: World) => `/billing/${encodeURIComponent(world.account().id)}/invoices`;

/** Whether focus is on the element or inside it. */
const holdsFocus = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement));

for (const locale of ["en", "fr"] as const) {
  const w = words[locale];

  test.describe(`${locale}`, () => {
    test.use({ locale: locale === "en" ? "en-US" : "fr-FR" });

    test("Reset filters resets the controls; a custom range is checked; an empty grid says so with no pager", async ({
      page,
      world,
    }) => {
      await signIn(page, world, w);
      await page.goto(`${invoicesPath(world)}?status=paid`);
      await expect(page.getByRole("heading", { name: w.invoicesHeading })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const status = page.getByLabel(w.status);
      await expect(status).toHaveValue("paid");
      await page.getByRole("link", { name: w.reset }).first().click();
      await expect(page).not.toHaveURL(/status=/);
      await expect(status).toHaveValue("all");
      await expect(page.getByLabel(w.timespan)).toHaveValue("12m");

      // A start after the end: an error tied to both dates, not an empty grid with no word.
      await page.getByLabel(w.timespan).selectOption("custom");
      await page.getByLabel(w.from).fill("2026-10-01");
      await page.getByLabel(w.to).fill("2026-09-01");
      await page.getByRole("button", { name: w.apply }).click();
      await expect(page.getByRole("alert").filter({ hasText: w.order })).toBeVisible();
      await expect(page.getByLabel(w.from)).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(w.to)).toHaveAttribute("aria-invalid", "true");
      // The grid is empty and says so, with no "0 - 0 of 0" and no Previous/Next.
      await expect(page.getByText(w.empty)).toBeVisible();
      await expect(page.getByRole("navigation", { name: w.pagination })).toHaveCount(0);
      // Download, with nothing to select, is disabled and looks it (grey, not the enabled ink).
      const download = page.getByRole("button", { name: w.download, exact: true });
      await expect(download).toBeDisabled();
      await expect(download).toHaveCSS("color", "rgb(138, 138, 138)");

      // No dates at all: said, not silently ignored.
      await page.getByLabel(w.from).fill("");
      await page.getByLabel(w.to).fill("");
      await page.getByRole("button", { name: w.apply }).click();
      await expect(page.getByRole("status").filter({ hasText: w.noDates })).toBeVisible();
      await expect(page.getByRole("navigation", { name: w.pagination })).toBeVisible();
    });

    test("after a decline focus is on its message, and Escape closes the blade wherever focus is", async ({
      page,
      world,
    }) => {
      await signIn(page, world, w);
      await page.goto(invoicesPath(world));
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name: w.partiallyPaid, exact: true }) })
        .first();
      const payNowLink = row.getByRole("link", { name: w.payNowFor });
      await payNowLink.click();
      const dialog = page.getByRole("dialog", { name: w.payNow });
      await expect(dialog).toBeVisible();
      await choosePaymentMethod(page, dialog, w.declinedCard, w.picker);
      await dialog.getByRole("button", { name: w.payNow, exact: true }).click();
      const declined = dialog.getByRole("alert").filter({ hasText: w.declined });
      await expect(declined).toBeVisible();
      await expect
        .poll(() => declined.locator("xpath=..").evaluate((box) => box === document.activeElement))
        .toBe(true);
      expect(await holdsFocus(dialog)).toBe(true);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      // Focus dropped on <body> (the element that held it went away): Escape still closes the blade.
      await payNowLink.click();
      await expect(dialog).toBeVisible();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);
    });

    test("Pay now's buttons come after every field, and a field's error goes as soon as it is valid", async ({
      page,
      world,
    }) => {
      await signIn(page, world, w);
      await page.goto(invoicesPath(world));
      // The partly paid invoice: under the card limit (the first Due one is paid by wire transfer).
      await page
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name: w.partiallyPaid, exact: true }) })
        .first()
        .getByRole("link", { name: w.payNowFor })
        .click();
      const dialog = page.getByRole("dialog", { name: w.payNow });
      await choosePaymentMethod(page, dialog, "new", w.picker);
      const payNow = dialog.getByRole("button", { name: w.payNow, exact: true });
      await payNow.click();
      const number = dialog.getByLabel(w.cardNumber);
      await expect(number).toHaveAccessibleDescription(w.cardNumberRequired);
      await expect(dialog.getByLabel(w.holderName)).toHaveAttribute("aria-invalid", "true");

      await number.fill("4242 4242 4242 4242");
      await expect(number).toHaveAttribute("aria-invalid", "false");
      await expect(number).not.toHaveAccessibleDescription(w.cardNumberRequired);
      await expect(dialog.getByLabel(w.holderName)).toHaveAttribute("aria-invalid", "true");

      // The buttons' bar lies below the last field, at the end of the blade, not over the form.
      await payNow.scrollIntoViewIfNeeded();
      const bar = (await payNow.locator("xpath=..").boundingBox())!;
      const fieldBottoms = await dialog
        .locator("input:not([type=hidden]), select")
        .evaluateAll((fields) => fields.map((field) => field.getBoundingClientRect().bottom));
      expect(fieldBottoms.length).toBeGreaterThan(5);
      for (const bottom of fieldBottoms) expect(bottom).toBeLessThanOrEqual(bar.y + 1);
    });
  });
}

test.describe("Settle balance", () => {
  test("ends with one message: what it paid, not also that nothing is past due", async ({ page, world }) => {
    await signIn(page, world, words.en, "Fabrikam, Inc.");
    await page.goto(`/billing/${encodeURIComponent(world.account("Fabrikam, Inc.").id)}/invoices?blade=settle`);
    const dialog = page.getByRole("dialog", { name: "Settle balance" });
    await expect(dialog.getByText("Total past-due balance")).toBeVisible();
    await choosePaymentMethod(page, dialog, /^Mastercard ending in 4444/);
    await dialog.getByRole("button", { name: "Pay", exact: true }).click();
    const messages = dialog.getByRole("status").filter({ hasText: /\S/ });
    await expect(messages.first()).toContainText(/^Your past-due balance is settled/);
    await page.waitForLoadState("networkidle"); // the blade rendered again with nothing left to pay
    await expect(messages).toHaveCount(1);
    await expect(dialog.getByText("There's nothing past due on this account.")).toHaveCount(0);
  });
});
