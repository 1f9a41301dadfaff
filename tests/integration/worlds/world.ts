// The worlds tests' harness: a seeded throwaway database (the default demo world) per test file, the control
// API's token switched on, and the control API's routes called as a test runner would call them over HTTP.
import { beforeAll, beforeEach, vi } from "vitest";

import { POST as clockRoute } from "@/app/api/sim/worlds/[worldId]/clock/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/sim/worlds/[worldId]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/sim/worlds/route";
import { handleTokenRequest } from "@/features/access/token-endpoint";
import { setCardProcessor, SimulatedProcessor } from "@/features/payments/processor/simulated";
import type { WorldView } from "@/features/worlds/world-view";

import { expectResponseMatches } from "../../support/openapi";
// Aliased: the react-hooks lint rule takes any use* call for a React hook.
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../../support/test-db";

export const testDb = seededTestDatabase({ seed: true });

export const TOKEN = "world-tests-control-token-0123456789abcdef";
export const ORIGIN = "http://127.0.0.1:3000";

/** The control API on, the server clock at TEST_NOW, an instant processor: for the hooks and every test. */
function switchOn() {
  vi.stubEnv("SIM_CONTROL_TOKEN", TOKEN);
  vi.stubEnv("SIM_NOW", TEST_NOW.toISOString());
  vi.stubEnv("PAYMENT_DELAY_MS", "0");
  setCardProcessor(new SimulatedProcessor(0, "none"));
}
beforeAll(() => {
  process.env.SESSION_SECRET = "integration-test-session-secret-0123456789abcdef";
  switchOn();
});
beforeEach(switchOn);

type Call = { body?: unknown; token?: string | null; headers?: Record<string, string> };

function request(method: string, path: string, call: Call = {}): Request {
  const token = call.token === undefined ? TOKEN : call.token;
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...call.headers };
  const body =
    call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

const params = (worldId: string) => ({ params: Promise.resolve({ worldId }) });

/** The control API as HTTP: POST/GET/DELETE /api/sim/worlds[/{id}], POST /api/sim/worlds/{id}/clock. */
/** Calls a route and checks its answer against the OpenAPI document (status documented, body valid). */
const checked =
  (method: string, documented: string) =>
  async (response: Promise<Response>): Promise<Response> => {
    const answer = await response;
    await expectResponseMatches(answer, method, documented);
    return answer;
  };

export const control = {
  create: (call?: Call) => checked("post", "/api/sim/worlds")(createRoute(request("POST", "/api/sim/worlds", call))),
  list: (call?: Call) => checked("get", "/api/sim/worlds")(listRoute(request("GET", "/api/sim/worlds", call))),
  get: (id: string, call?: Call) =>
    checked("get", "/api/sim/worlds/{worldId}")(getRoute(request("GET", `/api/sim/worlds/${id}`, call), params(id))),
  delete: (id: string, call?: Call) =>
    checked(
      "delete",
      "/api/sim/worlds/{worldId}",
    )(deleteRoute(request("DELETE", `/api/sim/worlds/${id}`, call), params(id))),
  clock: (id: string, call?: Call) =>
    checked(
      "post",
      "/api/sim/worlds/{worldId}/clock",
    )(clockRoute(request("POST", `/api/sim/worlds/${id}/clock`, call), params(id))),
};

/** A new world (201 expected). */
export async function newWorld(body?: unknown): Promise<WorldView> {
  const response = await control.create(body === undefined ? {} : { body });
  if (response.status !== 201) throw new Error(`POST /api/sim/worlds: ${response.status} ${await response.text()}`);
  return (await response.json()) as WorldView;
}

export function userOf(world: WorldView, role: "admin" | "reader", account = "Contoso Ltd") {
  const user = world.users.find((candidate) => candidate.role === role && candidate.billingAccountName === account);
  if (!user) throw new Error(`no ${role} of ${account} in world ${world.id}`);
  return user;
}

export function accountOf(world: WorldView, name = "Contoso Ltd") {
  const account = world.billingAccounts.find((candidate) => candidate.name === name);
  if (!account) throw new Error(`no ${name} in world ${world.id}`);
  return account;
}

/** A bearer token from POST /oauth2/token (password grant), as a script would get one. */
export async function bearerToken(email: string, password = "Passw0rd!"): Promise<string> {
  const response = await handleTokenRequest(
    new Request(`${ORIGIN}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", username: email, password }),
    }),
  );
  if (response.status !== 200) throw new Error(`token for ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const DAY = 86_400_000;
