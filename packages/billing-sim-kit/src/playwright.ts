/**
 * Playwright fixtures for the simulator's worlds: each test gets a world of its own — its users, invoices, cards
 * and clock, in the scenario it asks for — made by the control API and deleted afterwards, so tests pay, save cards
 * and move time in parallel (any number of workers) without seeing each other.
 *
 *   import { expect, test } from "billing-sim-kit/playwright";
 *
 *   test.use({ worldOptions: { scenario: "mca-payable", now: "2027-03-01T09:00:00Z" }, worldUser: "admin" });
 *   test("…", async ({ page, world }) => {
 *     const [due] = await world.invoices({ status: "due" });
 *     await world.advanceClock(40);
 *   });
 *
 * The runner needs SIM_CONTROL_TOKEN (the server's) and the project's `use.baseURL` (or SIM_BASE_URL).
 */
import { test as base, expect, type Page } from "@playwright/test";

import { SimControlClient, SimWorld, type WorldOptions, type WorldRole, type WorldUser } from "./client";

/** A world with a browser: `signIn(page, role)` on the portal's sign-in page (English labels). */
export class World extends SimWorld {
  async signIn(page: Page, role: WorldRole = "admin", account = "Contoso Ltd"): Promise<WorldUser> {
    const user = this.user(role, account);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    return user;
  }
}

/** Makes a world (a second one in a test, say) with the worker's client: `createWorld(controlApi, options)`. */
export async function createWorld(client: SimControlClient, options: WorldOptions = {}): Promise<World> {
  const made = await client.createWorld(options);
  return new World(client, made.data);
}

export function deleteWorld(client: SimControlClient, id: string): Promise<void> {
  return client.deleteWorld(id);
}

/** Who a test's `page` is signed in as: a role (on Contoso Ltd), a role on a named account, or nobody. */
export type WorldUserOption = WorldRole | { role: WorldRole; account: string } | null;

export const test = base.extend<
  { world: World; worldUser: WorldUserOption; worldOptions: WorldOptions },
  { controlApi: SimControlClient; workerWorld: World; workerWorldOptions: WorldOptions }
>({
  worldOptions: [{}, { option: true }],
  worldUser: ["admin", { option: true }],
  workerWorldOptions: [{}, { option: true, scope: "worker" }],
  controlApi: [
    async ({}, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? process.env.SIM_BASE_URL;
      await use(new SimControlClient({ baseURL }));
    },
    { scope: "worker" },
  ],
  // One world per worker, for read-only tests that would rather not make one each: `async ({ workerWorld }) => …`.
  workerWorld: [
    async ({ controlApi, workerWorldOptions }, use) => {
      const world = await createWorld(controlApi, workerWorldOptions);
      await use(world);
      await world.delete();
    },
    { scope: "worker" },
  ],
  world: async ({ controlApi, worldOptions }, use) => {
    const world = await createWorld(controlApi, worldOptions);
    await use(world);
    await world.delete();
  },
  page: async ({ page, world, worldUser }, use) => {
    if (worldUser) {
      const { role, account } = typeof worldUser === "string" ? { role: worldUser, account: undefined } : worldUser;
      await world.signIn(page, role, account);
    }
    await use(page);
  },
});

export { expect };
export * from "./client";
