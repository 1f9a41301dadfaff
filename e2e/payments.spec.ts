// Pay now: the seed's steps 1–6 end to end (search → Invoices → Pay now →
// Select a payment method → Pay now → Paid), a new card, and the wire-transfer
// blade above the card limit; payments-partially-paid.spec.ts has client-side
// card validation, the blade's own behaviour and a decline followed by a split
// payment. Against the production build on a fresh seeded database at SIM_NOW
// (see playwright.config.ts). Helpers: e2e/support/pay-now.ts.
//
// The specs share one database and run in alphabetical order, so the two payments
// specs run after those that rely on unpaid invoices. Contoso has only four payable
// invoices, each paying test pays a different one:
//   - Contoso Engineering, Past due  → the seed journey (saved Mastercard)
//   - Contoso Engineering, Due       → a new card (4242, the saved Visa again)
//   - Contoso Engineering, Partially paid → decline, part paid, rest paid
//   - Contoso Finance, Due (above the card limit) → wire transfer only, never paid
// The two tests that charge nothing (card validation; disabled button + Escape)
// open the Partially paid invoice before its own test pays it (same file, in
// order), and check that its balance did not move.
import { expect, test } from "@playwright/test";

import { signIn } from "./support/auth";
import {
  ADMIN,
  blade,
  bladeAmountDue,
  choosePaymentMethod,
  dollars,
  expectPaidInFull,
  findInvoice,
  grid,
  openInvoices,
  openPayNow,
  paymentsOf,
  payNowButton,
  pickerOptions,
  rowOf,
  serviceMenu,
  SHOTS,
  statusOf,
} from "./support/pay-now";

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

    // 5. Select a payment method: its pane's drop-down, an existing card, the saved Mastercard.
    await expect(payNowButton(dialog)).toBeDisabled();
    await choosePaymentMethod(page, dialog, /^Mastercard ending in 4444, expires \d{2}\/\d{4}$/);
    await expect(dialog.getByText(/^Mastercard ending in 4444, expires \d{2}\/\d{4}$/)).toBeVisible();
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

  test("pays the due invoice with a typed card that is already saved: the saved card is left as it was", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Due");
    const dialog = await openPayNow(page, invoice);
    // The saved cards offered (the drop-down's cards), to compare with Payment methods later.
    const savedCards = (await pickerOptions(page, dialog)).length;
    expect(savedCards).toBeGreaterThan(0);

    await choosePaymentMethod(page, dialog, "new");
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

    // Payment methods: the card typed is the saved Visa 4242 with another expiry (12/2029). A payment never edits
    // a saved card: it is listed once, still the default, still 12/2028.
    await serviceMenu(page).getByRole("link", { name: "Payment methods", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Contoso Ltd | Payment methods" })).toBeVisible();
    await page.getByRole("link", { name: "Manage payment methods of Contoso Engineering" }).click();
    await expect(page.getByRole("heading", { name: "Contoso Engineering | Payment methods" })).toBeVisible();
    const defaultCard = page.getByRole("region", { name: "Default payment method" });
    const cards = page.getByRole("region", { name: "Your credit cards" });
    await expect(defaultCard.getByText("Visa •••• 4242", { exact: true })).toHaveCount(1);
    await expect(defaultCard.getByText("12/2028")).toBeVisible();
    await expect(page.getByText("12/2029")).toHaveCount(0);
    await expect(defaultCard.getByText("Adele Vance")).toBeVisible();
    // Your credit cards lists every card, the default once among them.
    await expect(cards.getByRole("cell", { name: "Visa •••• 4242", exact: true })).toHaveCount(1);
    // No card was added: the profile has the cards Pay now offered before paying.
    await expect(cards.locator("tbody tr")).toHaveCount(savedCards);
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
    await expect(dialog.getByRole("button", { name: "Select a payment method" })).toHaveCount(0);
    await expect(dialog.getByRole("group", { name: "Select a payment method" })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/payments-10-wire-transfer.png` });
  });
});
