// The payment methods blade's success paths (review: no test at any layer added a card, made it the
// default or removed it). Self-contained and self-restoring: a card number of its own each run, the
// default given back before the card is removed, so it passes alone, in any order and repeated.
import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./support/auth";

const PROFILE = "Contoso Engineering";

/** A valid (Luhn) Visa number no other spec or run uses. */
function uniqueVisa(): string {
  const body = `4111${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const profileSection = (page: Page) => page.getByRole("region", { name: `Billing profile: ${PROFILE}` });
const cardRow = (section: Locator, label: string) =>
  section.getByRole("row").filter({ has: section.page().getByRole("cell", { name: label, exact: true }) });
const statusOf = (row: Locator) => row.getByRole("cell").nth(3);

test("adds a card, makes it the default, gives the default back and removes the card", async ({ page }) => {
  await signIn(page, "admin@contoso.com");
  await page.goto("/billing");
  await page
    .getByRole("navigation", { name: "Cost Management + Billing menu" })
    .getByRole("link", { name: "Payment methods", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Payment methods" })).toBeVisible();
  const section = profileSection(page);
  await expect(section).toBeVisible();
  // The profile's default card before (the seeded Visa 4242): given back at the end.
  const defaultBefore = section
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "Default", exact: true }) });
  const previousDefault =
    (await defaultBefore.count()) === 1 ? (await defaultBefore.getByRole("cell").first().innerText()).trim() : null;

  let number = uniqueVisa();
  while (number.endsWith("4242") || number.endsWith("4444")) number = uniqueVisa();
  const label = `Visa •••• ${number.slice(-4)}`;
  await section.getByRole("button", { name: "Add a card" }).click();
  const form = section.getByRole("form", { name: `Add a card to ${PROFILE}` });
  await form.getByLabel("Card number").fill(number);
  await form.getByLabel("Expiration month").selectOption({ label: "10" });
  await form.getByLabel("Expiration year").selectOption({ label: "2030" });
  await form.getByLabel("Security code (CVV/CVC)").fill("321");
  await form.getByLabel("Name on card").fill("Megan Bowen");
  await form.getByLabel("Country/region").selectOption({ label: "United States" });
  await form.getByLabel("Postal code").fill("98052");
  await form.getByRole("button", { name: "Save card" }).click();
  await expect(section.getByRole("status").getByText("The card was added.")).toBeVisible();
  const added = cardRow(section, label);
  await expect(added).toHaveCount(1);
  await expect(added.getByRole("cell", { name: "10/2030" })).toBeVisible();
  await expect(statusOf(added)).toHaveText("Active");

  await added.getByRole("button", { name: /^Make default/ }).click();
  await expect(statusOf(cardRow(section, label))).toHaveText("Default");
  // The default can't be removed: its Remove button is gone.
  await expect(cardRow(section, label).getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  // It survives a reload (it was saved, not only shown).
  await page.reload();
  await expect(statusOf(cardRow(profileSection(page), label))).toHaveText("Default");

  if (previousDefault) {
    await cardRow(profileSection(page), previousDefault)
      .getByRole("button", { name: /^Make default/ })
      .click();
    await expect(statusOf(cardRow(profileSection(page), previousDefault))).toHaveText("Default");
  }
  await expect(statusOf(cardRow(profileSection(page), label))).not.toHaveText("Default");
  await cardRow(profileSection(page), label)
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(cardRow(profileSection(page), label)).toHaveCount(0);
  await page.reload();
  await expect(cardRow(profileSection(page), label)).toHaveCount(0);
});
