// Payment methods: the account's page is a summary that links to each billing profile's own page,
// where cards are added, made the default and removed (the success paths). Self-contained and
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
  const others = page.getByRole("region", { name: "Other payment methods" });
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();

  const number = uniqueVisa();
  const label = `Visa •••• ${number.slice(-4)}`;
  await others.getByRole("button", { name: "Add a card" }).click();
  const form = others.getByRole("form", { name: `Add a card to ${PROFILE}` });
  await form.getByLabel("Card number").fill(number);
  await form.getByLabel("Expiration month").selectOption({ label: "10" });
  await form.getByLabel("Expiration year").selectOption({ label: "2030" });
  await form.getByLabel("Security code (CVV/CVC)").fill("321");
  await form.getByLabel("Name on card").fill("Megan Bowen");
  await form.getByLabel("Country/region").selectOption({ label: "United States" });
  await form.getByLabel("Postal code").fill("98052");
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(others.getByRole("status").getByText("The card was added.")).toBeVisible();
  const added = cardRow(others, label);
  await expect(added).toHaveCount(1);
  await expect(added.getByRole("cell", { name: "10/2030" })).toBeVisible();
  await expect(statusOf(added)).toHaveText("Active");

  await added.getByRole("button", { name: /^Make default/ }).click();
  // The default is shown first, on its own, with no Remove.
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();
  await expect(cardRow(others, label)).toHaveCount(0);
  await expect(defaultSection.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await page.reload();
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();

  await cardRow(others, "Visa •••• 4242")
    .getByRole("button", { name: /^Make default/ })
    .click();
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();
  await cardRow(others, label)
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(cardRow(others, label)).toHaveCount(0);
  await page.reload();
  await expect(cardRow(others, label)).toHaveCount(0);
});
