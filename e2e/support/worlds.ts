/**
 * The simulator's worlds for this project's own specs: the test kit (packages/billing-sim-kit), installed as a
 * dependency exactly as a test project installs it (docs/testing.md), so these specs run what users run.
 *
 *   import { expect, test } from "./support/worlds";
 *
 *   test.use({ worldUser: "reader", worldOptions: { scenario: "mca-payable" } });
 *   test("…", async ({ page, world }) => {
 *     await world.advanceClock(40);
 *   });
 */
export * from "billing-sim-kit/playwright";
