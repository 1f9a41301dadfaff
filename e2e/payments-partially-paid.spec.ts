// Pay now on the Partially paid invoice of Contoso Engineering: client-side card validation and the
// blade's own behaviour (both charge nothing and check that its balance did not move), then a decline
// (no partial payment on an MCA account: pay-bill offers it to pay-as-you-go customers) and a payment in full. The tests run in this order; the journeys on the other
// payable invoices are in payments.spec.ts (see its header for which spec pays which invoice).
import { expect, test } from "@playwright/test";

import {
  amountDueOf,
  blade,
  cents,
  choosePaymentMethod,
  dollars,
  expectPaidInFull,
  findInvoice,
  openInvoices,
  openPayNow,
  paymentsOf,
  payNowButton,
  payNowLinkOf,
  pickerOptions,
  rowOf,
  SHOTS,
  statusOf,
} from "./support/pay-now";

test.describe("Pay now, as the billing account admin", () => {
  test("checks a new card in the browser: a bad number is named next to the field and nothing is charged", async ({
    page,
  }) => {
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Partially paid");
    const dialog = await openPayNow(page, invoice);

    await choosePaymentMethod(page, dialog, "new");
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
    await expect(dialog.getByText("No payment method selected.")).toBeVisible();

    // The pane's drop-down lists the expired card, not selectable; the default is marked, not preselected.
    const options = await pickerOptions(page, dialog);
    expect(options).toContainEqual({
      label: expect.stringMatching(/^American Express ending in 0005, .* \(expired, can't be used\)$/),
      disabled: true,
    });
    expect(options).toContainEqual({
      label: expect.stringMatching(/^Visa ending in 4242, expires \d{2}\/\d{4} \(default\)$/),
      disabled: false,
    });
    await expect(dialog.getByText("No payment method selected.")).toBeVisible();

    await choosePaymentMethod(page, dialog, /^Visa ending in 4242/);
    await expect(payNowButton(dialog)).toBeEnabled();

    await page.keyboard.press("Escape");
    await expect(blade(page)).toHaveCount(0);
    await expect(page).toHaveURL(gridUrl);
    await expect(statusOf(rowOf(page, invoice.id))).toHaveText("Partially paid");
    expect(cents(await amountDueOf(rowOf(page, invoice.id)).innerText())).toBe(invoice.amountDueCents);
  });

  test("after a decline on an MCA account, offers no partial payment and pays the rest with another card", async ({
    page,
  }) => {
    // pay-bill's "Partial payments" are for pay-as-you-go customers whose Pay now payment failed: an MCA
    // account (Contoso) is not offered them (docs/fidelity.md).
    await openInvoices(page);
    const invoice = await findInvoice(page, "Contoso Engineering", "Partially paid");
    const dialog = await openPayNow(page, invoice);

    // The saved Visa 0002 is always declined.
    await choosePaymentMethod(page, dialog, /^Visa ending in 0002/);
    await payNowButton(dialog).click();
    const declined = dialog.getByRole("alert");
    await expect(declined).toContainText("Payment declined");
    await expect(declined).toContainText("Your bank declined the payment. Contact your bank, or use another card.");
    await expect(dialog.getByRole("heading", { level: 2 })).toHaveText("Pay now");
    // The blade keeps the user's choice: the declined card is still the one shown.
    await expect(dialog.getByText(/^Visa ending in 0002, expires/)).toBeVisible();
    await expect(payNowButton(dialog)).toBeEnabled();
    await expect(dialog.getByRole("checkbox", { name: "Pay part of the amount" })).toHaveCount(0);
    await expect(dialog.getByLabel("Amount to pay (USD)")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/payments-7-declined.png` });

    // Another card pays the whole balance.
    await choosePaymentMethod(page, dialog, /^Mastercard ending in 4444/);
    await payNowButton(dialog).click();
    await expectPaidInFull(page, invoice, invoice.amountDueCents);

    // The details blade lists the decline and the payment of this test, beside the seeded first part.
    const payments = await paymentsOf(page, invoice);
    const ofThisTest = payments.filter(([date]) => date.startsWith("Nov 20, 2026"));
    expect(ofThisTest.map(([, amount, method, result]) => [amount, method, result]).sort()).toEqual(
      [
        [dollars(invoice.amountDueCents), "Visa •••• 0002", "Failed"],
        [dollars(invoice.amountDueCents), "Mastercard •••• 4444", "Succeeded"],
      ].sort(),
    );
    // Only succeeded payments have a receipt.
    for (const [, , , result, receipt] of payments) expect(receipt).toBe(result === "Succeeded" ? "Receipt" : "");
    await blade(page).getByRole("region", { name: "Payments" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/payments-9-details.png` });
  });
});
