/**
 * The ARM side of the reliability suite: bearer tokens from the portal's
 * token endpoint, and Microsoft's own client (@azure/arm-billing 4.1.0)
 * pointed at a `next start` on loopback.
 *
 * The SDK's bearerTokenAuthenticationPolicy refuses to send a token over
 * plain HTTP; on loopback the client drops that policy and a small policy of
 * ours sets the Authorization header instead (docs/api.md says the same).
 */
import { BillingManagementClient } from "@azure/arm-billing";

import { http } from "./http";

export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const PASSWORD = "Passw0rd!";

/** A bearer token for a demo user, from POST /oauth2/token (password grant). */
export async function tokenFor(baseUrl: string, username: string, password = PASSWORD): Promise<string> {
  const answer = await http(baseUrl, "/oauth2/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", username, password }).toString(),
  });
  if (answer.status !== 200) throw new Error(`token for ${username}: HTTP ${answer.status} ${answer.text}`);
  return String(answer.json().access_token);
}

type Credential = ConstructorParameters<typeof BillingManagementClient>[0];

/** The official client, as a script would build it, talking to the portal with this token. */
export function billingClient(baseUrl: string, accessToken: string): BillingManagementClient {
  // Never asked: the policy that would call it is removed below.
  const credential: Credential = {
    getToken: async () => ({ token: accessToken, expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const client = new BillingManagementClient(credential, SUBSCRIPTION_ID, {
    endpoint: baseUrl,
    allowInsecureConnection: true,
  });
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "simulatorBearerToken",
    sendRequest: (request, next) => {
      request.headers.set("Authorization", `Bearer ${accessToken}`);
      return next(request);
    },
  });
  return client;
}

/** What the SDK throws for an ARM error answer (a RestError): the HTTP status and ARM's error code. */
export async function armFailure(promise: Promise<unknown>): Promise<{ statusCode?: number; code?: string }> {
  try {
    await promise;
  } catch (error) {
    const { statusCode, code } = error as { statusCode?: number; code?: string };
    return { statusCode, code };
  }
  throw new Error("expected the SDK call to fail");
}

/** Every item of a paged SDK list, with the number of pages the pager fetched. */
export async function allPages<T>(pager: { byPage: () => AsyncIterableIterator<T[]> }) {
  const items: T[] = [];
  let pages = 0;
  for await (const page of pager.byPage()) {
    pages++;
    items.push(...page);
  }
  return { items, pages };
}
