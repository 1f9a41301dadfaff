// The words today's portal uses: Properties says "Billing
// account type" (fr: "Type de compte de facturation"), and the grid shows
// "Partially paid" only on rows whose Amount due is a remaining part of the total.
// It needs the seed's partially paid invoice, which the payment journeys pay off on the
// shared demo world: each test runs in a fresh world of its own (e2e/support/worlds.ts), in any order.
import type { Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";
import { expect, test } from "./support/worlds";

async function accountPath(page: Page): Promise<string> {
  await page.goto("/billing");
  await expect(page).toHaveURL(/\/billing\/[^/?#]+$/);
  return new URL(page.url()).pathname;
}

const amount = (text: string) => Number(text.replace(/[^0-9,.-]/g, "").replace(/,(?=\d{3})/g, ""));

test("Properties names the billing account type; Partially paid rows show what remains due", async ({ page }) => {
  // `page` is signed in as the world's Contoso admin (the fixture's default).
  const path = await accountPath(page);

  await page.goto(`${path}/properties`);
  const type = page.getByRole("term").filter({ hasText: /^Billing account type$/ });
  await expect(type).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Microsoft Customer Agreement" })).toBeVisible();
  await expect(page.getByText("Agreement type", { exact: true })).toHaveCount(0);

  await page.goto(`${path}/invoices?timespan=24m`);
  const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Invoice ID" }) });
  // allInnerTexts() does not wait: read the headers once the grid is shown (it streams in after the skeleton).
  await expect(grid).toBeVisible();
  const headers = await grid.getByRole("columnheader").allInnerTexts();
  const column = (name: string) => headers.findIndex((header) => header.trim().startsWith(name));
  const partial = grid.locator("tbody tr").filter({ has: page.getByText("Partially paid", { exact: true }) });
  await expect(partial).not.toHaveCount(0);
  for (const row of await partial.all()) {
    const cells = row.locator("td");
    const total = amount(await cells.nth(column("Total amount")).innerText());
    const due = amount(await cells.nth(column("Amount due")).innerText());
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(total);
  }
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR", worldUser: null });

  test("Propriétés indique le type de compte de facturation", async ({ page, world }) => {
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(world.user("admin", "Fabrikam, Inc.").email);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();
    const path = await accountPath(page);
    await page.goto(`${path}/properties`);
    await expect(page.getByRole("term").filter({ hasText: /^Type de compte de facturation$/ })).toBeVisible();
    await expect(
      page.getByRole("definition").filter({ hasText: "Programme d’abonnement en ligne Microsoft" }),
    ).toBeVisible();
    await expect(page.getByText("Type de contrat", { exact: true })).toHaveCount(0);
  });
});
