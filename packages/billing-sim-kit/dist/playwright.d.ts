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
import { expect, type Page } from "@playwright/test";
import { SimControlClient, SimWorld, type WorldOptions, type WorldRole, type WorldUser } from "./client";
/** A world with a browser: `signIn(page, role)` on the portal's sign-in page (English labels). */
export declare class World extends SimWorld {
    signIn(page: Page, role?: WorldRole, account?: string): Promise<WorldUser>;
}
/** Makes a world (a second one in a test, say) with the worker's client: `createWorld(controlApi, options)`. */
export declare function createWorld(client: SimControlClient, options?: WorldOptions): Promise<World>;
export declare function deleteWorld(client: SimControlClient, id: string): Promise<void>;
/** Who a test's `page` is signed in as: a role (on Contoso Ltd), a role on a named account, or nobody. */
export type WorldUserOption = WorldRole | {
    role: WorldRole;
    account: string;
} | null;
export declare const test: import("@playwright/test").TestType<import("@playwright/test").PlaywrightTestArgs & import("@playwright/test").PlaywrightTestOptions & {
    world: World;
    worldUser: WorldUserOption;
    worldOptions: WorldOptions;
}, import("@playwright/test").PlaywrightWorkerArgs & import("@playwright/test").PlaywrightWorkerOptions & {
    controlApi: SimControlClient;
    workerWorld: World;
    workerWorldOptions: WorldOptions;
}>;
export { expect };
export * from "./client";
