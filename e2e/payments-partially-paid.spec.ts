// Pay now on the Partially paid invoice of Contoso Engineering: client-side card validation and the
// blade's own behaviour (both charge nothing and check that its balance did not move), then a decline
// followed by a split payment that pays it. The tests run in this order; the journeys on the other
// payable invoices are in payments.spec.ts (see its header for which spec pays which invoice).
import { expect, test } from "@playwright/test";

import {
  amountDueOf,
  blade,
  bladeAmountDue,
  cents,
  dollars,
  expectPaidInFull,
  findInvoice,
  methods,
  openInvoices,
  openPayNow,
  paymentsOf,
  payNowButton,
  payNowLinkOf,
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
});
