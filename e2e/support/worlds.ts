/**
 * Playwright fixtures for the simulator's worlds: each test gets a billing world of its own — a fresh copy of
 * the demo world with its own users, invoices, cards and clock — made by the control API and deleted afterwards,
 * so tests can pay, save cards and move time in parallel without seeing each other. Copy this file into your
 * own suite; it needs only @playwright/test. The server runs with SIM_CONTROL_TOKEN=<32+ characters>, and the
 * test runner has the same SIM_CONTROL_TOKEN in its environment (docs/worlds.md).
 *
 *   import { expect, test } from "./worlds";
 *
 *   test.use({ worldUser: "reader" });              // who `page` is signed in as (default "admin"; null: nobody)
 *   test("…", async ({ page, world }) => {
 *     await world.advanceClock(40);                  // the world's clock, and its billing cycle
 *     await page.goto(`/billing/${world.account("Contoso Ltd").id}/invoices`);
 *   });
 */
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export type WorldRole = "admin" | "reader";
export type WorldUser = {
  email: string;
  password: string;
  displayName: string;
  role: WorldRole;
  billingAccount: string;
  billingAccountName: string;
};
export type WorldAccount = { id: string; name: string; agreementType: string; currency: string };
export type WorldData = { id: string; now: string; users: WorldUser[]; billingAccounts: WorldAccount[] };
export type ClockMove = {
  now: string;
  issuedInvoices: { id: string; billingProfile: string }[];
  pastDueInvoices: string[];
};

/** Who a test's `page` is signed in as: a role (on Contoso Ltd), a role on a named account, or nobody. */
export type WorldUserOption = WorldRole | { role: WorldRole; account: string } | null;

export class World {
  constructor(
    private readonly api: APIRequestContext,
    public data: WorldData,
  ) {}

  get id(): string {
    return this.data.id;
  }

  /** The user with this role on the account (by name; default Contoso Ltd, the MCA account). */
  user(role: WorldRole = "admin", account = "Contoso Ltd"): WorldUser {
    const user = this.data.users.find((u) => u.role === role && u.billingAccountName === account);
    if (!user) throw new Error(`World ${this.id} has no ${role} of ${account}`);
    return user;
  }

  account(name = "Contoso Ltd"): WorldAccount {
    const account = this.data.billingAccounts.find((a) => a.name === name);
    if (!account) throw new Error(`World ${this.id} has no billing account ${name}`);
    return account;
  }

  /** Signs `page` in on the sign-in page (English labels) as the user with this role. */
  async signIn(page: Page, role: WorldRole = "admin", account = "Contoso Ltd"): Promise<WorldUser> {
    const user = this.user(role, account);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    return user;
  }

  /** Moves the world's clock forward by whole days; the billing cycle runs for the days crossed. */
  advanceClock(days: number): Promise<ClockMove> {
    return this.moveClock({ advanceDays: days });
  }

  /** Moves the world's clock forward to a date-time (ISO); backwards is refused (409). */
  setClock(now: string | Date): Promise<ClockMove> {
    return this.moveClock({ now: new Date(now).toISOString() });
  }

  private async moveClock(body: object): Promise<ClockMove> {
    const response = await this.api.post(`/api/sim/worlds/${this.id}/clock`, { data: body });
    if (!response.ok())
      throw new Error(`Moving the clock of world ${this.id}: ${response.status()} ${await response.text()}`);
    const moved = (await response.json()) as ClockMove;
    this.data = { ...this.data, now: moved.now };
    return moved;
  }
}

/** Makes a world through the control API (an APIRequestContext that carries the token). */
export async function createWorld(api: APIRequestContext, options: { seed?: number; now?: string } = {}) {
  const response = await api.post("/api/sim/worlds", { data: options });
  if (response.status() !== 201)
    throw new Error(`POST /api/sim/worlds: ${response.status()} ${await response.text()} (is SIM_CONTROL_TOKEN set?)`);
  return new World(api, (await response.json()) as WorldData);
}

/**
 * Deletes a world. DELETE is idempotent, so a connection the server closed just as it was reused (ECONNRESET on
 * a pooled keep-alive connection) is simply tried again once.
 */
export async function deleteWorld(api: APIRequestContext, id: string): Promise<void> {
  const attempt = () => api.delete(`/api/sim/worlds/${encodeURIComponent(id)}`);
  const response = await attempt().catch((error: unknown) => {
    if (String(error).includes("ECONNRESET")) return attempt();
    throw error;
  });
  if (response.status() !== 204 && response.status() !== 404)
    throw new Error(`DELETE /api/sim/worlds/${id}: ${response.status()} ${await response.text()}`);
}

function controlToken(): string {
  const token = process.env.SIM_CONTROL_TOKEN;
  if (!token) throw new Error("Set SIM_CONTROL_TOKEN for the tests: the same token the server was started with.");
  return token;
}

export const test = base.extend<
  { world: World; worldUser: WorldUserOption },
  { controlApi: APIRequestContext; workerWorld: World }
>({
  worldUser: ["admin", { option: true }],
  controlApi: [
    async ({ playwright }, use, workerInfo) => {
      const api = await playwright.request.newContext({
        baseURL: workerInfo.project.use.baseURL,
        extraHTTPHeaders: { Authorization: `Bearer ${controlToken()}` },
      });
      await use(api);
      await api.dispose();
    },
    { scope: "worker" },
  ],
  // One world per worker, for read-only tests that would rather not make one each: `async ({ workerWorld }) => …`.
  workerWorld: [
    async ({ controlApi }, use) => {
      const world = await createWorld(controlApi);
      await use(world);
      await deleteWorld(controlApi, world.id);
    },
    { scope: "worker" },
  ],
  world: async ({ controlApi }, use) => {
    const world = await createWorld(controlApi);
    await use(world);
    await deleteWorld(controlApi, world.id);
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
