// The Content-Security-Policy (next.config.ts) must not break the portal: a
// real browser walks the main blades, and not one resource or inline script
// may be blocked by the policy. (tests/reliability checks the headers are on
// every response; this checks the policy is one the portal can live with.)
import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./support/auth";

/** Every CSP violation the page reports, from the moment it is created. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("the portal runs under its Content-Security-Policy: no violation on the main blades", async ({ page }) => {
  const violations = await collectViolations(page);
  await signIn(page, "admin@contoso.com");
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();

  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  await page.getByRole("link", { name: "Cost Management + Billing" }).first().click();
  await expect(page).toHaveURL(/\/billing/);
  // The account's Overview (a chart), the invoices grid, and a Pay now blade (a client form).
  const account = page.url().match(/\/billing\/([^/?]+)/)?.[1];
  if (account) {
    await page.goto(`/billing/${account}`);
    await expect(page.getByRole("figure", { name: "Last 12 invoices" })).toBeVisible();
    await page.goto(`/billing/${account}/invoices`);
    await expect(page.getByRole("link", { name: /^Pay now for invoice/ }).first()).toBeVisible();
    // The oldest payable invoice (the newest one is above the card limit: wire transfer, no card form).
    await page
      .getByRole("link", { name: /^Pay now for invoice/ })
      .last()
      .click();
    await expect(page.getByRole("button", { name: "Pay now", exact: true })).toBeVisible();
    await page.goto(`/billing/${account}/payment-methods`);
    await expect(page.getByRole("heading", { name: /Payment methods/ }).first()).toBeVisible();
  }
  // The page's scripts ran (hydrated): the top bar's search suggests the service as you type.
  await page.getByRole("combobox", { name: "Search resources, services, and docs" }).fill("cost");
  await expect(page.getByRole("option", { name: /Cost Management \+ Billing/ })).toBeVisible();
  // The detector itself works: an image from another origin is blocked (img-src 'self') and reported.
  // (Blocked before any request is made; .invalid never resolves anyway.)
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://csp-probe.invalid/pixel.png";
    document.body.append(image);
  });
  await expect.poll(() => violations.some((text) => text.includes("csp-probe.invalid"))).toBe(true);
  expect(violations.filter((text) => !text.includes("csp-probe.invalid"))).toEqual([]);
});
