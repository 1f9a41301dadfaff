// The whole payment with the keyboard only — no click, no locator.focus():
// Tab, Shift+Tab, Enter, Space, arrow keys and typing, from the sign-in page
// to the invoice reading Paid. On the way, every element that takes focus
// must show a visible focus indicator.
//
// It pays invoices, so each test runs in a world of its own (e2e/support/worlds.ts)
// and leaves the shared demo world alone. Each test signs in itself, with the keyboard.
import type { Locator, Page } from "@playwright/test";

import { DEMO_PASSWORD } from "./support/auth";
import { focusWithoutIndicator } from "./support/focus";
import { expect, test } from "./support/worlds";

test.use({ worldUser: null });

const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Invoice ID" }) });

/** Elements that had focus without a visible indicator (outline or box-shadow). */
const unseenFocus: string[] = [];

async function recordFocusVisibility(page: Page): Promise<void> {
  const problem = await focusWithoutIndicator(page);
  if (problem) unseenFocus.push(problem);
}

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    await recordFocusVisibility(page);
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} never reached ${target}`);
}

test("pays the past-due invoice with the keyboard only: sign in, search, Invoices, Pay now, a saved card, Pay now", async ({
  page,
  world,
}) => {
  // 1. Sign in.
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(world.user("admin").email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // hydrated: the search box reacts to typing

  // The first Tab stop is the skip link.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeInViewport();

  // 2. Search Cost Management + Billing: type, arrow to the result, Enter.
  const search = page.getByRole("combobox", { name: "Search resources, services, and docs" });
  await tabTo(page, search);
  await page.keyboard.type("cost man");
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("option", { name: /Cost Management \+ Billing/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();

  // 3. Billing › Invoices in the left menu.
  const invoicesLink = page
    .getByRole("navigation", { name: "Cost Management + Billing menu" })
    .getByRole("link", { name: "Invoices", exact: true });
  await tabTo(page, invoicesLink);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();

  // 4. The past-due invoice's Pay now link.
  const pastDue = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: "Past due", exact: true }) });
  await expect(pastDue).toHaveCount(1);
  const id = (await pastDue.getByRole("cell").nth(1).innerText()).trim();
  const amountDue = (await pastDue.getByRole("cell").nth(7).innerText()).trim();
  const payNow = page.getByRole("link", { name: `Pay now for invoice ${id}`, exact: true });
  await tabTo(page, payNow);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Pay now" });
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();

  // Escape closes the blade and focus is back on the link; Enter opens it again.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(payNow).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(dialog.getByText(`Invoice ${id}`, { exact: true })).toBeVisible();

  // 5. Select a payment method: Tab to the button, Enter opens its pane with the focus on the drop-down of
  // cards; the arrow keys pick one (the expired card is skipped), Tab to Select, Enter closes the pane.
  const opener = dialog.getByRole("button", { name: "Select a payment method", exact: true });
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  const pane = page.getByRole("dialog", { name: "Select a payment method" });
  const cardList = pane.getByRole("combobox", { name: "Saved cards" });
  await expect(cardList).toBeFocused();
  const chosen = () => cardList.evaluate((list: HTMLSelectElement) => list.selectedOptions[0]?.textContent ?? "");
  for (let i = 0; i < 6 && !(await chosen()).startsWith("Mastercard ending in 4444,"); i++)
    await page.keyboard.press("ArrowDown");
  expect(await chosen()).toMatch(/^Mastercard ending in 4444,/);
  await tabTo(page, pane.getByRole("button", { name: "Select", exact: true }));
  await page.keyboard.press("Enter");
  await expect(pane).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(dialog.getByText(/^Mastercard ending in 4444, expires \d{2}\/\d{4}$/)).toBeVisible();

  // 6. Pay now.
  const submit = dialog.getByRole("button", { name: "Pay now", exact: true });
  await expect(submit).toBeEnabled();
  await tabTo(page, submit);
  await page.keyboard.press("Enter");

  // The blade closes onto the grid, where the invoice reads Paid; focus lands on the page, not nowhere.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const row = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: id, exact: true }) });
  await expect(row.getByRole("cell").nth(8)).toHaveText("Paid");
  await expect(row.getByRole("cell").nth(7)).toHaveText("$0.00");
  await expect(
    page.getByRole("status").getByText(`Payment of ${amountDue} for invoice ${id} succeeded.`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Contoso Ltd | Invoices" })).toBeFocused();
  await page.screenshot({ path: "test-results/screenshots/keyboard-paid.png" });

  // The payment's receipt, still by keyboard: the invoice's details, then Receipt.
  await tabTo(page, row.getByRole("link", { name: id, exact: true }));
  await page.keyboard.press("Enter");
  const details = page.getByRole("dialog", { name: `Invoice ${id}` });
  await expect(details.getByRole("heading", { level: 2 })).toBeFocused();
  await tabTo(page, details.getByRole("link", { name: "Receipt" }).last());
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("dialog", { name: "Payment receipt" }).getByText(amountDue, { exact: true }),
  ).toBeVisible();

  expect(unseenFocus, "elements focused without a visible indicator").toEqual([]);
});

test("a new card with the keyboard: errors are announced on the fields, then a valid card pays", async ({
  page,
  world,
}) => {
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(world.user("admin").email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();
  await page.goto("/billing");
  const invoicesLink = page
    .getByRole("navigation", { name: "Cost Management + Billing menu" })
    .getByRole("link", { name: "Invoices", exact: true });
  await tabTo(page, invoicesLink);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();

  const dueRow = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: "Due", exact: true }) })
    .filter({ has: page.getByRole("cell", { name: "Contoso Engineering", exact: true }) });
  const id = (await dueRow.getByRole("cell").nth(1).innerText()).trim();
  await tabTo(page, page.getByRole("link", { name: `Pay now for invoice ${id}`, exact: true }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Pay now" });
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();

  // Select a payment method's pane, then Add new payment method (the next Tab stop after the drop-down):
  // the pane closes onto the card form, focus on the card number.
  await tabTo(page, dialog.getByRole("button", { name: "Select a payment method", exact: true }));
  await page.keyboard.press("Enter");
  const pane = page.getByRole("dialog", { name: "Select a payment method" });
  await expect(pane.getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(pane.getByRole("button", { name: "Add new payment method" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pane).toHaveCount(0);
  await expect(dialog.getByLabel("Card number")).toBeFocused();

  // Submit empty: focus goes to the first invalid field, which describes its error.
  const submit = dialog.getByRole("button", { name: "Pay now", exact: true });
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  const cardNumber = dialog.getByLabel("Card number");
  await expect(cardNumber).toBeFocused();
  await expect(cardNumber).toHaveAccessibleDescription("Enter the card number.");

  // Fill the card with the keyboard: type, arrow keys in the selects.
  await page.keyboard.type("4242 4242 4242 4242");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("combobox", { name: "Expiration month" })).toBeFocused();
  for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("combobox", { name: "Expiration year" })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Security code (CVV/CVC)")).toBeFocused();
  await page.keyboard.type("123");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Name on card")).toBeFocused();
  await page.keyboard.type("Adele Vance");
  await tabTo(page, dialog.getByLabel("Postal code"));
  await page.keyboard.type("98052");
  // Each error went as soon as its field was valid, before the next submission.
  await expect(dialog.getByText("Enter the card number.")).toHaveCount(0);
  await expect(dialog.getByLabel("Card number")).toHaveAttribute("aria-invalid", "false");

  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const row = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: id, exact: true }) });
  await expect(row.getByRole("cell").nth(8)).toHaveText("Paid");

  expect(unseenFocus, "elements focused without a visible indicator").toEqual([]);
});
