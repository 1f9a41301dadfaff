// What the payments API refuses, by stable error code (docs/api.md), in worlds pinned to the case at hand.
import { expect, test } from "billing-sim-kit/playwright";

test.describe("over the card limit", () => {
  test.use({ worldOptions: { scenario: "over-card-limit", now: "2031-08-15T12:00:00Z" }, worldUser: null });

  test("a card payment is refused: AboveCardLimit", async ({ world }) => {
    const [due] = await world.invoices({ status: "due" });
    expect(due).toMatchObject({ billingProfileName: "Contoso Finance", amountDue: { value: 72450, currency: "USD" } });
    const answer = await world.pay(due, {
      card: {
        cardNumber: "4242424242424242",
        expMonth: 12,
        expYear: 2033,
        cvc: "123",
        holderName: "Adele Vance",
        country: "US",
        postalCode: "98052",
      },
    });
    expect(answer).toMatchObject({ httpStatus: 422, error: { code: "AboveCardLimit" } });
  });
});

test.describe("a reader", () => {
  test.use({ worldOptions: { scenario: "mca-payable", now: "2031-08-15T12:00:00Z" }, worldUser: "reader" });

  test("sees the invoices but may not pay: NotBillingAccountAdmin", async ({ page, world }) => {
    const [due] = await world.invoices({ status: "due" });
    await page.goto(`/billing/${encodeURIComponent(due.billingAccount)}/invoices`);
    await expect(page.getByRole("link", { name: due.number, exact: true })).toBeVisible();
    const saved = (await world.paymentMethods(due)).find((card) => card.isDefault)!;
    const answer = await world.pay(due, { paymentMethodId: saved.id, as: "reader" });
    expect(answer).toMatchObject({ httpStatus: 403, error: { code: "NotBillingAccountAdmin" } });
  });
});
