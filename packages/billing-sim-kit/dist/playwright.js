"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.expect = exports.test = exports.World = void 0;
exports.createWorld = createWorld;
exports.deleteWorld = deleteWorld;
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
const test_1 = require("@playwright/test");
Object.defineProperty(exports, "expect", { enumerable: true, get: function () { return test_1.expect; } });
const client_1 = require("./client");
/** A world with a browser: `signIn(page, role)` on the portal's sign-in page (English labels). */
class World extends client_1.SimWorld {
    async signIn(page, role = "admin", account = "Contoso Ltd") {
        const user = this.user(role, account);
        await page.goto("/signin");
        await page.getByLabel("Email").fill(user.email);
        await page.getByLabel("Password").fill(user.password);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await page.waitForURL((url) => url.pathname !== "/signin");
        return user;
    }
}
exports.World = World;
/** Makes a world (a second one in a test, say) with the worker's client: `createWorld(controlApi, options)`. */
async function createWorld(client, options = {}) {
    const made = await client.createWorld(options);
    return new World(client, made.data);
}
function deleteWorld(client, id) {
    return client.deleteWorld(id);
}
exports.test = test_1.test.extend({
    worldOptions: [{}, { option: true }],
    worldUser: ["admin", { option: true }],
    workerWorldOptions: [{}, { option: true, scope: "worker" }],
    controlApi: [
        async ({}, use, workerInfo) => {
            const baseURL = workerInfo.project.use.baseURL ?? process.env.SIM_BASE_URL;
            await use(new client_1.SimControlClient({ baseURL }));
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
__exportStar(require("./client"), exports);
