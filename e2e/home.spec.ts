// The first journey on a fresh database: the web server (scripts/e2e-server.mjs)
// deleted, migrated and seeded it just before these tests.
import fs from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { signIn } from "./support/auth";
import { repoRoot } from "./support/env";

const lastMigration = fs
  .readdirSync(path.join(repoRoot, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);

test("the admin signs in and lands on the portal home", async ({ page }) => {
  await signIn(page, "admin@contoso.com");

  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cost Management + Billing" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});

test("GET /api/health reports the database and its latest migration", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body).toMatchObject({ database: "ok", migration: lastMigration });
  expect(lastMigration).toMatch(/^\d{14}_/);
});
