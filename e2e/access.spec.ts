// Sign-in, sign-out and who sees what: the journeys of "Sign-in, billing
// scopes and the role policy", against the production build and a fresh
// seeded database (see playwright.config.ts).
import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./support/auth";

const PASSWORD = DEMO_PASSWORD;
const WRONG_CREDENTIALS = "Your account or password is incorrect. Check the email address and password and try again.";

/** Each account's path ("/billing/<encoded id>"), read from where the portal sends its admin. */
let contosoPath: string;
let fabrikamPath: string;

async function accountPathOf(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, email);
    // With one billing account, the billing scopes page opens it.
    await page.goto("/billing");
    await expect(page).toHaveURL(/\/billing\/[^/?#]+/);
    const [, billing, accountId] = new URL(page.url()).pathname.split("/");
    return `/${billing}/${accountId}`;
  } finally {
    await context.close();
  }
}

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const payNowLinks = (page: Page) => page.getByRole("link", { name: /Pay now/ });

test.beforeAll(async ({ browser }) => {
  contosoPath = await accountPathOf(browser, "admin@contoso.com");
  fabrikamPath = await accountPathOf(browser, "admin@fabrikam.com");
});

test("a signed-out visit to an invoices URL signs in and comes back to that URL", async ({ page }) => {
  const requested = `${contosoPath}/invoices?status=pastDue`;
  await page.goto(requested);

  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("returnTo") === requested);
  await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();

  await fillSignIn(page, "admin@contoso.com", PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname + url.search === requested);
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("pastDue");
});

test("the reader sees the invoices grid, who can pay, and no Pay now", async ({ page }) => {
  await signIn(page, "reader@contoso.com");
  await page.goto(`${contosoPath}/invoices`);

  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  const grid = page.getByRole("table");
  await expect(grid.getByRole("columnheader", { name: "Invoice ID" })).toBeVisible();
  expect(await grid.getByRole("row").count()).toBeGreaterThan(1);
  // Due, past due and partially paid invoices are there, and still no Pay now for a reader.
  await expect(grid.getByText("Past due", { exact: true }).first()).toBeVisible();

  const info = page.getByText(/Only the billing account admin/);
  await expect(info).toBeVisible();
  await expect(info).toContainText("Adele Vance");
  await expect(info).toContainText("admin@contoso.com");
  await expect(page.getByRole("link", { name: "Check your access" })).toBeVisible();

  await expect(payNowLinks(page)).toHaveCount(0);
});

test("the Contoso admin sees Pay now on payable rows (the reader test's counterpart)", async ({ page }) => {
  await signIn(page, "admin@contoso.com");
  await page.goto(`${contosoPath}/invoices`);
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  // The grid streams in after the heading: wait for its first Pay now (count() does not wait).
  await expect(payNowLinks(page).first()).toBeVisible();
  await expect(page.getByText(/Only the billing account admin/)).toHaveCount(0);
});

test("Fabrikam's admin opening a Contoso invoices URL gets Not found", async ({ page }) => {
  await signIn(page, "admin@fabrikam.com");
  const response = await page.goto(`${contosoPath}/invoices`);

  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Contoso")).toHaveCount(0);

  for (const path of ["properties", "billing-profiles", "payment-methods"].map((blade) => `${contosoPath}/${blade}`)) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Contoso")).toHaveCount(0);
  }
});

test("Fabrikam's admin sees the MOSP information bar and no Pay now", async ({ page }) => {
  await signIn(page, "admin@fabrikam.com");
  await page.goto(`${fabrikamPath}/invoices`);

  await expect(page.getByRole("heading", { name: "Fabrikam, Inc. | Invoices" })).toBeVisible();
  await expect(page.getByText(/pay-as-you-go \(Microsoft Online Subscription Program\) account/)).toBeVisible();
  await expect(page.getByText(/an outstanding balance is paid with Settle balance, not with Pay now/)).toBeVisible();
  // A header row and at least one invoice, once the grid has streamed in.
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await expect(payNowLinks(page)).toHaveCount(0);
});

test("signing out from the account menu ends the session, and a copy of the old cookie with it", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@contoso.com");
  await page.goto("/");
  // Review finding 5: a copied cookie used to survive sign-out for 8 hours. The cookie is __Host- (Secure).
  const copied = (await page.context().cookies()).filter((cookie) => /session/i.test(cookie.name));
  expect(copied.map((cookie) => cookie.name)).toEqual(["__Host-portal_session"]);

  await page.getByRole("button", { name: "Account manager for Adele Vance" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`${contosoPath}/invoices`);
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  expect(
    (await page.context().cookies()).filter((cookie) => cookie.value !== "" && /session/i.test(cookie.name)),
  ).toEqual([]);

  // The old cookie, replayed from another browser, is signed out too.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const other = await thief.newPage();
  await other.goto(`${contosoPath}/invoices`);
  await expect(other).toHaveURL(/\/signin\?returnTo=/);
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await thief.close();
});

test("signing out ends this browser only; Sign out everywhere ends every browser and the user's tokens", async ({
  browser,
}) => {
  // The reader: signing them out everywhere disturbs no other test's session.
  const email = "reader@contoso.com";
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [onLaptop, onPhone] = [await laptop.newPage(), await phone.newPage()];
  await signIn(onLaptop, email);
  await signIn(onPhone, email);
  const tokenAnswer = await laptop.request.post("/oauth2/token", {
    form: { grant_type: "password", username: email, password: PASSWORD },
  });
  expect(tokenAnswer.status()).toBe(200);
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const armStatus = async () =>
    (
      await laptop.request.get("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01", {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status();
  const menu = (page: Page) => page.getByRole("button", { name: /^Account manager for / });

  // Sign out on the laptop: the phone and the script's token keep working.
  await onLaptop.goto("/");
  await menu(onLaptop).click();
  await onLaptop.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(onLaptop).toHaveURL(/\/signin$/);
  await onPhone.goto(`${contosoPath}/invoices`);
  await expect(onPhone.getByRole("heading", { name: "Contoso Ltd | Invoices" })).toBeVisible();
  expect(await armStatus()).toBe(200);

  // Sign in again on the laptop, then Sign out everywhere from the phone: both browsers and the token end.
  await signIn(onLaptop, email);
  await menu(onPhone).click();
  await onPhone.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(onPhone).toHaveURL(/\/signin$/);
  await onLaptop.goto(`${contosoPath}/invoices`);
  await expect(onLaptop).toHaveURL(/\/signin\?returnTo=/);
  expect(await armStatus()).toBe(401);
  await laptop.close();
  await phone.close();
});

test("the sign-in page lists the demo accounts and answers a wrong password and an unknown email alike", async ({
  page,
}) => {
  await page.goto("/signin");

  const demo = page.getByRole("region", { name: "Demo accounts" });
  for (const email of ["admin@contoso.com", "reader@contoso.com", "admin@fabrikam.com"]) {
    await expect(demo.getByRole("cell", { name: email })).toBeVisible();
  }
  await expect(demo).toContainText(PASSWORD);

  await fillSignIn(page, "admin@contoso.com", "not-the-password");
  const alert = page.getByRole("alert").filter({ hasText: /incorrect/ });
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue("admin@contoso.com");

  await fillSignIn(page, "nobody@contoso.com", PASSWORD);
  await expect(page.getByLabel("Email")).toHaveValue("nobody@contoso.com");
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  await expect(page).toHaveURL(/\/signin/);

  expect((await page.context().cookies()).filter((cookie) => /session/i.test(cookie.name))).toEqual([]);
});

test("billing profiles list each profile's default payment and open its invoices", async ({ page }) => {
  await signIn(page, "admin@contoso.com");
  await page.goto(`${contosoPath}/invoices`);
  await page
    .getByRole("navigation", { name: "Cost Management + Billing menu" })
    .getByRole("link", { name: "Billing profiles" })
    .click();

  await expect(page.getByRole("heading", { name: "Contoso Ltd | Billing profiles" })).toBeVisible();
  const engineering = page.getByRole("row", { name: /Contoso Engineering/ });
  await expect(engineering).toContainText("USD");
  await expect(engineering).toContainText("Credit card — Visa ending in 4242");
  await expect(page.getByRole("row", { name: /Contoso Finance/ })).toContainText("Wire transfer");

  await engineering.getByRole("link", { name: "Contoso Engineering", exact: true }).click();
  await expect(page).toHaveURL(
    (url) => url.pathname === `${contosoPath}/invoices` && (url.searchParams.get("profile") ?? "") !== "",
  );
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toBeVisible(); // waits out the loading skeleton
  await expect(page.getByRole("table").getByRole("cell", { name: "Contoso Finance" })).toHaveCount(0);
});
