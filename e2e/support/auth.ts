import type { Page } from "@playwright/test";

/** The demo password of every seeded user (scripts/db-setup.ts seeds with the default). */
export const DEMO_PASSWORD = "Passw0rd!";

/**
 * Signs in through the sign-in page like a person would and waits until the
 * portal has left /signin. A refused sign-in fails with the page's alert text.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  try {
    await page.waitForURL((url) => url.pathname !== "/signin", { timeout: 15_000 });
  } catch (error) {
    const alerts = (
      await page
        .getByRole("alert")
        .allInnerTexts()
        .catch(() => [])
    )
      .map((text) => text.trim())
      .filter(Boolean);
    throw new Error(`Signing in as ${email} did not leave /signin${alerts.length ? `: ${alerts.join(" | ")}` : ""}`, {
      cause: error,
    });
  }
}
