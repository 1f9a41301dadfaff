// The test kit's client (packages/billing-sim-kit, as a project installs it) used from vitest, with no Playwright:
// its fetch calls go to the simulator's real route handlers, so this is the kit against the real API.
import { SimControlClient } from "billing-sim-kit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { GET as methodsRoute } from "@/app/api/billing/[accountId]/billing-profiles/[profileId]/payment-methods/route";
import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import { GET as scenariosRoute } from "@/app/api/sim/scenarios/route";
import { POST as clockRoute } from "@/app/api/sim/worlds/[worldId]/clock/route";
import { GET as invoicesRoute } from "@/app/api/sim/worlds/[worldId]/invoices/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/sim/worlds/[worldId]/route";
import { POST as createRoute } from "@/app/api/sim/worlds/route";
import { POST as tokenRoute } from "@/app/oauth2/token/route";

import { ORIGIN, testDb, TOKEN } from "./world";

type Handler = (request: Request, params: string[]) => Promise<Response> | Response;
const routes: [string, RegExp, Handler][] = [
  ["GET", /^\/api\/sim\/scenarios$/, (r) => scenariosRoute(r)],
  ["POST", /^\/api\/sim\/worlds$/, (r) => createRoute(r)],
  ["GET", /^\/api\/sim\/worlds\/([^/]+)$/, (r, p) => getRoute(r, { params: Promise.resolve({ worldId: p[0] }) })],
  ["DELETE", /^\/api\/sim\/worlds\/([^/]+)$/, (r, p) => deleteRoute(r, { params: Promise.resolve({ worldId: p[0] }) })],
  [
    "POST",
    /^\/api\/sim\/worlds\/([^/]+)\/clock$/,
    (r, p) => clockRoute(r, { params: Promise.resolve({ worldId: p[0] }) }),
  ],
  [
    "GET",
    /^\/api\/sim\/worlds\/([^/]+)\/invoices$/,
    (r, p) => invoicesRoute(r, { params: Promise.resolve({ worldId: p[0] }) }),
  ],
  ["POST", /^\/oauth2\/token$/, (r) => tokenRoute(r)],
  [
    "POST",
    /^\/api\/billing\/([^/]+)\/invoices\/([^/]+)\/payments$/,
    (r, p) => paymentsRoute(r, { params: Promise.resolve({ accountId: p[0], invoiceId: p[1] }) }),
  ],
  [
    "GET",
    /^\/api\/billing\/([^/]+)\/billing-profiles\/([^/]+)\/payment-methods$/,
    (r, p) => methodsRoute(r, { params: Promise.resolve({ accountId: p[0], profileId: p[1] }) }),
  ],
];

/** fetch as the server would answer it: the URL's path to its route handler (params as Next passes them). */
async function serverFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const { pathname } = new URL(request.url);
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(pathname);
    if (match && method === request.method) return handler(request, match.slice(1));
  }
  return new Response("not found", { status: 404 });
}

beforeEach(() => vi.stubGlobal("fetch", serverFetch));
afterEach(() => vi.unstubAllGlobals());

describe("billing-sim-kit's client, without Playwright", () => {
  it("makes a pinned world, reads its invoices, pays one by its default card, moves the clock, deletes it", async () => {
    const client = new SimControlClient({ baseURL: ORIGIN, token: TOKEN });
    expect((await client.scenarios()).map((scenario) => scenario.name)).toContain("mca-payable");
    const world = await client.createWorld({ scenario: "mca-payable", now: "2030-01-10T08:00:00Z", seed: 3 });
    expect(world.now).toBe("2030-01-10T08:00:00.000Z");

    const [pastDue] = await world.invoices({ status: "pastDue" });
    expect(pastDue).toMatchObject({ billingAccountName: "Contoso Ltd", billingProfileName: "Contoso Engineering" });
    const paid = await world.pay(pastDue);
    expect(paid).toMatchObject({ httpStatus: 200, status: "succeeded", paidInFull: true });
    const declined = await world.pay((await world.invoices({ status: "due" }))[0], {
      card: {
        cardNumber: "4000000000000002",
        expMonth: 12,
        expYear: 2035,
        cvc: "123",
        holderName: "Adele Vance",
        country: "US",
        postalCode: "98052",
      },
    });
    expect(declined).toMatchObject({ httpStatus: 402, error: { code: "CardDeclined" } });

    const moved = await world.advanceClock(40);
    expect(moved.pastDue.map((invoice) => invoice.billingProfileName)).toContain("Contoso Engineering");
    expect(world.now).toBe(moved.now);
    await world.delete();
    expect(await testDb.db.world.count({ where: { id: world.id } })).toBe(0);
    await expect(client.world(world.id)).rejects.toMatchObject({ status: 404 });
  });
});
