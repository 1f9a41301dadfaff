// What a person sees, compared pixel by pixel with committed baselines (Playwright's toHaveScreenshot): the
// Invoices blade, Pay now with Select a payment method open, and a billing profile's payment methods, on a
// desktop (1440×900) and a phone (390×844). Each test runs in a world of its own, pinned to a scenario, a seed
// and a date, so the grid's rows, statuses and amounts are the same on every run and in any spec order. What
// still differs between runs is masked: a world's invoice numbers (G5 + the world's number) and its users'
// addresses. e2e/screenshots.css pins the font (DejaVu Sans, installed by .ci/run) so the text renders the
// same on every machine. `npx playwright test e2e/screenshots.spec.ts --update-snapshots` rewrites the
// baselines after a change a person has looked at.
import type { Page } from "@playwright/test";

import { expect, test, type World } from "./support/worlds";

test.use({ worldOptions: { scenario: "mca-payable", now: "2027-03-01T09:00:00Z", seed: 7 } });

const viewports = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

function shotOptions(page: Page) {
  return {
    stylePath: "e2e/screenshots.css",
    mask: [page.getByText(/G5\d{8}/), page.getByText(/@contoso\.com/)],
    maxDiffPixelRatio: 0.01,
  };
}

async function openInvoices(page: Page, world: World) {
  const contoso = world.data.billingAccounts.find((account) => account.name === "Contoso Ltd")!;
  await page.goto(`/billing/${encodeURIComponent(contoso.id)}/invoices`);
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  return contoso;
}

for (const viewport of viewports) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the Invoices blade", async ({ page, world }) => {
      await openInvoices(page, world);
      await expect(page.getByRole("link", { name: /^Pay now for invoice / }).first()).toBeVisible();
      await expect(page).toHaveScreenshot(`invoices-${viewport.name}.png`, shotOptions(page));
    });

    test("Pay now with Select a payment method open", async ({ page, world }) => {
      await openInvoices(page, world);
      await page
        .getByRole("link", { name: /^Pay now for invoice / })
        .first()
        .click();
      const blade = page.getByRole("dialog").first();
      await expect(blade.getByRole("heading", { level: 2 })).toHaveText("Pay now");
      await blade.getByRole("button", { name: "Select a payment method", exact: true }).click();
      const pane = page.getByRole("dialog", { name: "Select a payment method" });
      await expect(pane.getByRole("combobox")).toBeFocused();
      await expect(page).toHaveScreenshot(`pay-now-picker-${viewport.name}.png`, shotOptions(page));
      // Escape closes the pane alone, back onto the blade.
      await page.keyboard.press("Escape");
      await expect(pane).toHaveCount(0);
      await expect(blade.getByRole("heading", { level: 2 })).toHaveText("Pay now");
    });

    test("a billing profile's payment methods", async ({ page, world }) => {
      const contoso = await openInvoices(page, world);
      await page.goto(`/billing/${encodeURIComponent(contoso.id)}/billing-profiles`);
      await page.getByRole("link", { name: "Payment methods of Contoso Engineering" }).click();
      await expect(page.getByRole("heading", { name: "Contoso Engineering | Payment methods" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Your credit cards" })).toBeVisible();
      await expect(page).toHaveScreenshot(`payment-methods-${viewport.name}.png`, shotOptions(page));
    });
  });
}
