// Pay now: the seed's steps 1–6 end to end (search → Invoices → Pay now →
// Select a payment method → Pay now → Paid), a new card, client-side card
// validation, a decline followed by a split payment, the wire-transfer blade
// above the card limit, and the blade's own behaviour. Against the production
// build on a fresh seeded database at SIM_NOW (see playwright.config.ts).
//
// The specs share one database and run in alphabetical order, so this file runs
// last; the specs before it pay nothing. Contoso has only four payable invoices,
// each paying test here pays a different one:
//   - Contoso Engineering, Past due  → the seed journey (saved Mastercard)
//   - Contoso Engineering, Due       → a new card (4242, the saved Visa again)
//   - Contoso Engineering, Partially paid → decline, part paid, rest paid
//   - Contoso Finance, Due (above the card limit) → wire transfer only, never paid
// The two tests that charge nothing (card validation; disabled button + Escape)
// open the Partially paid invoice before its own test pays it, and check that
// its balance did not move.
import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./support/auth";

const SHOTS = "test-results/screenshots";
const ADMIN = "admin@contoso.com";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** "$1,234.56" → 123456 (cents). */
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, "")) * 100);
const dollars = (amountCents: number) => usd.format(amountCents / 100);

/** The Invoices grid: the table whose columns start with "Invoice ID". */
const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Invoice ID" }) });
/** A grid row by its invoice ID (the ID is the row's details link). */
const rowOf = (page: Page, invoiceId: string) =>
  grid(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: invoiceId, exact: true }) });
const invoiceIdOf = (row: Locator) => row.getByRole("cell").nth(1);
const amountDueOf = (row: Locator) => row.getByRole("cell").nth(7);
const statusOf = (row: Locator) => row.getByRole("cell").nth(8);
const payNowLinkOf = (page: Page, invoiceId: string) =>
  page.getByRole("link", { name: `Pay now for invoice ${invoiceId}`, exact: true });

const serviceMenu = (page: Page) => page.getByRole("navigation", { name: "Cost Management + Billing menu" });
const blade = (page: Page) => page.getByRole("dialog");
const payNowButton = (dialog: Locator) => dialog.getByRole("button", { name: "Pay now", exact: true });
const methods = (dialog: Locator) => dialog.getByRole("group", { name: "Select a payment method" });

type Invoice = { id: string; amountDueCents: number };

/** Signs in and opens Billing › Invoices from the left menu of Cost Management + Billing. */
async function openInvoices(page: Page): Promise<void> {
  await signIn(page, ADMIN);
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();
  await serviceMenu(page).getByRole("link", { name: "Invoices", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
}

/** The one invoice of a billing profile in a status, with its amount due as the grid shows it. */
async function findInvoice(page: Page, profile: string, status: string): Promise<Invoice> {
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
async function openPayNow(page: Page, invoice: Invoice): Promise<Locator> {
  await payNowLinkOf(page, invoice.id).click();
  const dialog = blade(page);
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText("Pay now");
  await expect(dialog.getByText(`Invoice ${invoice.id}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]invoice=${invoice.id}&blade=pay(&|$)`));
  return dialog;
}

/** The summary's "Amount due" value in the Pay now blade. */
async function bladeAmountDue(dialog: Locator): Promise<number> {
  const term = dialog.getByRole("term").filter({ hasText: /^Amount due$/ });
  await expect(term).toHaveCount(1);
  const values = await dialog.getByRole("definition").allInnerTexts();
  const terms = await dialog.getByRole("term").allInnerTexts();
  return cents(values[terms.findIndex((text) => text.trim() === "Amount due")]);
}

/** A paid-in-full payment: the blade closes onto the grid, the row reads Paid, the toast confirms. */
async function expectPaidInFull(page: Page, invoice: Invoice, amountCents: number): Promise<void> {
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
async function paymentsOf(page: Page, invoice: Invoice): Promise<string[][]> {
  await grid(page).getByRole("link", { name: invoice.id, exact: true }).click();
  const dialog = blade(page);
  await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(`Invoice ${invoice.id}`);
  const payments = dialog.getByRole("region", { name: "Payments" });
  await expect(payments.getByRole("columnheader", { name: "Result" })).toBeVisible();
  const rows = await payments.locator("tbody tr").all();
  return Promise.all(rows.map(async (row) => (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim())));
}

test.describe("Pay now, as the billing account admin", () => {
  test("follows the seed's steps 1–6: pays the past-due invoice with the saved Mastercard, the row reads Paid", async ({
    page,
  }) => {
    // 1. Sign in to the Azure portal.
    await signIn(page, ADMIN);
    await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();

    // 2. Search for Cost Management + Billing.
    const search = page.getByRole("combobox", { name: "Search resources, services, and docs" });
    await search.click();
    await search.pressSequentially("cost");
    await page.getByRole("option", { name: /Cost Management \+ Billing/ }).click();
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();

    // 3. In the left pane, under Billing, select Invoices.
    await serviceMenu(page).getByRole("link", { name: "Invoices", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();

    // 4. The past-due invoice has a blue Pay now link: select it.
    const invoice = await findInvoice(page, "Contoso Engineering", "Past due");
    expect(invoice.amountDueCents).toBeGreaterThan(0);
    const dialog = await openPayNow(page, invoice);
    expect(await bladeAmountDue(dialog)).toBe(invoice.amountDueCents);
    await expect(dialog.getByText("Card payments are limited to $50,000.00 per invoice.")).toBeVisible();

    // 5. Select a payment method: an existing card, the saved Mastercard.
    const mastercard = methods(dialog).getByRole("radio", {
      name: /^Mastercard ending in 4444, expires \d{2}\/\d{4}$/,
    });
    await mastercard.check();
    await expect(mastercard).toBeChecked();
    await expect(payNowButton(dialog)).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/payments-1-pay-now-blade.png` });

    // 6. Pay now: the blade closes and the invoice reads Paid in the invoices blade.
    await payNowButton(dialog).click();
    await expectPaidInFull(page, invoice, invoice.amountDueCents);
    await expect(grid(page).getByRole("cell", { name: "Past due", exact: true })).toHaveCount(0);
    await statusOf(rowOf(page, invoice.id)).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/payments-2-paid.png` });

    // The portal notification is in the bell's list as well.
    const bell = page.getByRole("button", { name: /^Notifications, \d+ new$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    const panel = page.getByRole("region", { name: "Notifications" });
    await expect(
      panel
        .getByRole("listitem")
        .filter({ hasText: "Payment succeeded" })
        .filter({ hasText: `Payment of ${dollars(invoice.amountDueCents)} for invoice ${invoice.id} succeeded.` }),
    ).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/payments-2b-notifications.png` });
    // Opening the list marks the notifications read.
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  });

  test("pays the due invoice with a new card; the same card is saved once and the receipt names it", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Due");
    const dialog = await openPayNow(page, invoice);
    // The saved cards offered (every radio but "Add a new payment method"), to compare with Payment methods later.
    const savedCards = (await methods(dialog).getByRole("radio").count()) - 1;
    expect(savedCards).toBeGreaterThan(0);

    await methods(dialog).getByRole("radio", { name: "Add a new payment method" }).check();
    await dialog.getByLabel("Card number").fill("4242 4242 4242 4242");
    await dialog.getByLabel("Expiration month").selectOption({ label: "12" });
    await dialog.getByLabel("Expiration year").selectOption({ label: "2029" });
    await dialog.getByLabel("Security code (CVV/CVC)").fill("123");
    await dialog.getByLabel("Name on card").fill("Adele Vance");
    await dialog.getByLabel("Country/region").selectOption({ label: "United States" });
    await dialog.getByLabel("Postal code").fill("98052");
    await page.screenshot({ path: `${SHOTS}/payments-3-new-card.png` });

    // Hold the payment request a moment to see the button while it runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname.endsWith("/invoices"),
      async (route) => {
        if (route.request().method() === "POST") await held;
        await route.continue();
      },
    );
    await payNowButton(dialog).click();
    await expect(dialog.getByRole("button", { name: "Processing payment…" })).toBeDisabled();
    release();
    await page.unrouteAll({ behavior: "wait" });

    await expectPaidInFull(page, invoice, invoice.amountDueCents);

    // Payment methods: the card typed is the saved Visa 4242, so it is listed once (updated, still the default).
    await serviceMenu(page).getByRole("link", { name: "Payment methods", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Payment methods" })).toBeVisible();
    const engineering = page.getByRole("region", { name: "Billing profile: Contoso Engineering" });
    await expect(engineering.getByRole("cell", { name: "Visa •••• 4242", exact: true })).toHaveCount(1);
    const visa = engineering
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Visa •••• 4242", exact: true }) });
    await expect(visa.getByRole("cell")).toHaveText(["Visa •••• 4242", "12/2029", "Adele Vance", "Default", /.*/]);
    // No card was added: the profile has the cards Pay now offered before paying.
    await expect(engineering.locator("tbody tr")).toHaveCount(savedCards);
    await page.screenshot({ path: `${SHOTS}/payments-4-payment-methods.png`, fullPage: true });

    // Invoice details: the payment, and its receipt.
    await serviceMenu(page).getByRole("link", { name: "Invoices", exact: true }).click();
    await expect(statusOf(rowOf(page, invoice.id))).toHaveText("Paid");
    const payments = await paymentsOf(page, invoice);
    expect(payments).toEqual([
      [
        expect.stringMatching(/^Nov 20, 2026/),
        dollars(invoice.amountDueCents),
        "Visa •••• 4242",
        "Succeeded",
        "Receipt",
      ],
    ]);
    await blade(page).getByRole("region", { name: "Payments" }).getByRole("link", { name: "Receipt" }).click();

    const receipt = blade(page);
    await expect(receipt.getByRole("heading", { level: 2 })).toHaveText("Payment receipt");
    const receiptTerms = (await receipt.getByRole("term").allInnerTexts()).map((text) => text.trim());
    const receiptValues = (await receipt.getByRole("definition").allInnerTexts()).map((text) => text.trim());
    const field = (label: string) => receiptValues[receiptTerms.indexOf(label)];
    expect(field("Invoice number")).toBe(invoice.id);
    expect(field("Payment method")).toBe("Visa •••• 4242");
    expect(field("Amount")).toBe(dollars(invoice.amountDueCents));
    expect(field("Status")).toBe("Succeeded");
    expect(field("Billing account")).toBe("Contoso Ltd");
    await expect(receipt.getByRole("button", { name: "Print receipt" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/payments-5-receipt.png` });
  });

  test("checks a new card in the browser: a bad number is named next to the field and nothing is charged", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Partially paid");
    const dialog = await openPayNow(page, invoice);

    await methods(dialog).getByRole("radio", { name: "Add a new payment method" }).check();
    const number = dialog.getByLabel("Card number");
    await number.fill("4242 4242 4242 4241");
    await dialog.getByLabel("Expiration month").selectOption({ label: "12" });
    await dialog.getByLabel("Expiration year").selectOption({ label: "2029" });
    await dialog.getByLabel("Security code (CVV/CVC)").fill("123");
    await dialog.getByLabel("Name on card").fill("Adele Vance");
    await dialog.getByLabel("Postal code").fill("98052");

    const posts: string[] = [];
    page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
    await payNowButton(dialog).click();

    await expect(number).toHaveAttribute("aria-invalid", "true");
    await expect(number).toHaveAccessibleDescription(/This card number isn't valid\./);
    await expect(dialog.getByText("This card number isn't valid. Check it and try again.")).toBeVisible();
    // The other fields are fine: no message next to them.
    for (const label of ["Security code (CVV/CVC)", "Name on card", "Postal code"])
      await expect(dialog.getByLabel(label)).toHaveAttribute("aria-invalid", "false");
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/payments-6-invalid-card.png` });
    expect(posts, "no payment request left the browser").toEqual([]);

    // Nothing was charged: the invoice is still payable for the same amount.
    await page.keyboard.press("Escape");
    await expect(blade(page)).toHaveCount(0);
    await page.reload();
    const row = rowOf(page, invoice.id);
    await expect(statusOf(row)).toHaveText("Partially paid");
    expect(cents(await amountDueOf(row).innerText())).toBe(invoice.amountDueCents);
    await expect(payNowLinkOf(page, invoice.id)).toBeVisible();
    expect(await paymentsOf(page, invoice)).toHaveLength(1); // the seeded first part only
  });

  test("keeps Pay now disabled until a method is chosen; expired cards can't be chosen; Escape closes the blade", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Partially paid");
    const gridUrl = page.url();
    const dialog = await openPayNow(page, invoice);

    await expect(payNowButton(dialog)).toBeDisabled();
    await expect(payNowButton(dialog)).toHaveAccessibleDescription("Select a payment method to continue.");
    for (const radio of await methods(dialog).getByRole("radio").all()) await expect(radio).not.toBeChecked();

    const amex = methods(dialog).getByRole("radio", { name: /^American Express ending in 0005/ });
    await expect(amex).toBeDisabled();
    await expect(amex).toHaveAccessibleDescription("Expired — this card can't be used");
    // The default card is marked (its name ends with "Default"), not preselected.
    await expect(
      methods(dialog).getByRole("radio", { name: /^Visa ending in 4242, expires \d{2}\/\d{4} Default$/ }),
    ).toBeEnabled();

    await methods(dialog)
      .getByRole("radio", { name: /^Visa ending in 4242/ })
      .check();
    await expect(payNowButton(dialog)).toBeEnabled();

    await page.keyboard.press("Escape");
    await expect(blade(page)).toHaveCount(0);
    await expect(page).toHaveURL(gridUrl);
    await expect(statusOf(rowOf(page, invoice.id))).toHaveText("Partially paid");
    expect(cents(await amountDueOf(rowOf(page, invoice.id)).innerText())).toBe(invoice.amountDueCents);
  });

  test("after a decline, splits the partially paid invoice across two cards until it is paid", async ({ page }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Partially paid");
    const part = 1000_00;
    expect(invoice.amountDueCents).toBeGreaterThan(part + 5_00);
    let dialog = await openPayNow(page, invoice);

    // The saved Visa 0002 is always declined.
    const visa0002 = methods(dialog).getByRole("radio", { name: /^Visa ending in 0002/ });
    await visa0002.check();
    await payNowButton(dialog).click();
    const declined = dialog.getByRole("alert");
    await expect(declined).toContainText("Payment declined");
    await expect(declined).toContainText("Your bank declined the payment. Contact your bank, or use another card.");
    await expect(dialog.getByRole("heading", { level: 2 })).toHaveText("Pay now");
    // The blade keeps the user's choice: the declined card is still the selected one.
    await expect(visa0002).toBeChecked();
    await expect(payNowButton(dialog)).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/payments-7-declined.png` });

    // Pay part of the amount with the saved Visa 4242.
    const partial = dialog.getByRole("checkbox", { name: "Pay part of the amount" });
    await expect(partial).not.toBeChecked();
    await expect(dialog.getByLabel("Amount to pay (USD)")).toHaveCount(0);
    await partial.check();
    await dialog.getByLabel("Amount to pay (USD)").fill("1000.00");
    await methods(dialog)
      .getByRole("radio", { name: /^Visa ending in 4242/ })
      .check();
    await payNowButton(dialog).click();

    const remaining = invoice.amountDueCents - part;
    await expect(dialog.getByRole("status").filter({ hasText: "Payment received." })).toHaveText(
      `Payment received. The remaining balance is ${dollars(remaining)}: choose a card to pay more.`,
    );
    await expect(dialog).toBeVisible();
    expect(await bladeAmountDue(dialog)).toBe(remaining);
    // Ready for the next part: still splitting (ticked, amount emptied), no card chosen yet.
    await expect(partial).toBeChecked();
    await expect(dialog.getByLabel("Amount to pay (USD)")).toHaveValue("");
    for (const radio of await methods(dialog).getByRole("radio").all()) await expect(radio).not.toBeChecked();
    await expect(payNowButton(dialog)).toBeDisabled();
    await page.screenshot({ path: `${SHOTS}/payments-8-part-paid.png` });

    // Close the blade: the row is still Partially paid, with the new balance.
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(blade(page)).toHaveCount(0);
    const row = rowOf(page, invoice.id);
    await expect(statusOf(row)).toHaveText("Partially paid");
    await expect(amountDueOf(row)).toHaveText(dollars(remaining));

    // Reopen Pay now and pay the rest with the Mastercard: no amount means the whole balance.
    dialog = await openPayNow(page, { ...invoice, amountDueCents: remaining });
    expect(await bladeAmountDue(dialog)).toBe(remaining);
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await methods(dialog)
      .getByRole("radio", { name: /^Mastercard ending in 4444/ })
      .check();
    await payNowButton(dialog).click();
    await expectPaidInFull(page, invoice, remaining);

    // The details blade lists every payment: the seeded first part, the decline and the two parts paid now.
    const payments = await paymentsOf(page, invoice);
    const ofThisTest = payments.filter(([date]) => date.startsWith("Nov 20, 2026"));
    expect(ofThisTest.map(([, amount, method, result]) => [amount, method, result]).sort()).toEqual(
      [
        [dollars(invoice.amountDueCents), "Visa •••• 0002", "Failed"],
        [dollars(part), "Visa •••• 4242", "Succeeded"],
        [dollars(remaining), "Mastercard •••• 4444", "Succeeded"],
      ].sort(),
    );
    expect(payments.filter(([, , , result]) => result === "Failed")).toHaveLength(1);
    expect(payments.filter(([, , , result]) => result === "Succeeded")).toHaveLength(3);
    // Only succeeded payments have a receipt.
    for (const [, , , result, receipt] of payments) expect(receipt).toBe(result === "Succeeded" ? "Receipt" : "");
    await blade(page).getByRole("region", { name: "Payments" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/payments-9-details.png` });
  });

  test("offers wire transfer instead of a card for the Contoso Finance invoice above the card limit", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Finance", "Due");
    expect(invoice.amountDueCents).toBe(72_450_00);
    const dialog = await openPayNow(page, invoice);

    const wire = dialog.getByRole("region", { name: "Pay by wire transfer" });
    await expect(wire).toBeVisible();
    await expect(wire).toContainText(
      "The amount due, $72,450.00, is above the card payment limit of $50,000.00 for USD.",
    );
    const terms = (await wire.getByRole("term").allInnerTexts()).map((text) => text.trim());
    const values = (await wire.getByRole("definition").allInnerTexts()).map((text) => text.trim());
    expect(values[terms.indexOf("Payment reference")]).toBe(invoice.id);
    await expect(wire.getByText("Include the invoice number as the reference")).toBeVisible();

    await expect(payNowButton(dialog)).toHaveCount(0);
    await expect(dialog.getByRole("radio")).toHaveCount(0);
    await expect(dialog.getByRole("group", { name: "Select a payment method" })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/payments-10-wire-transfer.png` });
  });
});
