import "server-only";

import { z } from "zod";

import { securityNow } from "@/server/clock";
import { readSmallBody, SMALL_BODY_LIMIT } from "@/server/request-body";

import { issueAccessToken, TOKEN_AUDIENCE } from "./access-token";
import { clientCredentialsGrant } from "./client-credentials";
import { verifyCredentials } from "./credentials";
import { clientAddress } from "./sign-in-throttle";

const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** An OAuth 2.0 error answer (RFC 6749, section 5.2). */
function oauthError(status: 400 | 401 | 413, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status, headers: noStore });
}

const passwordGrant = z.object({
  grant_type: z.literal("password"),
  username: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  password: z.string().min(1).max(256),
});

/**
 * POST /oauth2/token — the resource owner password grant: a form with
 * grant_type=password, username and password (the demo credentials), checked
 * by the same function as the sign-in form. Answers a signed bearer token for
 * the ARM routes and the payments route. client_id, resource and scope are
 * accepted and ignored: there is one resource, the portal.
 */
export async function handleTokenRequest(request: Request): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return oauthError(400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
  // A form of three short fields: anything much larger is refused before it is read (request-body.ts).
  const body = await readSmallBody(request);
  if (!body.ok)
    return body.problem === "tooLarge"
      ? oauthError(413, "invalid_request", `The request body is larger than ${SMALL_BODY_LIMIT / 1024} KiB.`)
      : oauthError(400, "invalid_request", "The request body could not be read.");
  const form = new URLSearchParams(body.text);
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "grant_type is required.");
  // An app registration's client credentials, as at /{tenant}/oauth2/v2.0/token (client-credentials.ts).
  if (grantType === "client_credentials") return clientCredentialsGrant(request, form, null);
  if (grantType !== "password")
    return oauthError(400, "unsupported_grant_type", "Only grant_type=password or client_credentials is supported.");
  const parsed = passwordGrant.safeParse({
    grant_type: grantType,
    username: form.get("username") ?? "",
    password: form.get("password") ?? "",
  });
  if (!parsed.success) return oauthError(400, "invalid_request", "username (an email) and password are required.");

  // No browser, so no known-device cookie: an address the account signed in from before counts as known.
  const check = await verifyCredentials(parsed.data.username, parsed.data.password, {
    address: clientAddress(request.headers),
  });
  if (check.status === "throttled") {
    const seconds = check.retryAfterSeconds;
    const [count, unit] = seconds < 60 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
    return Response.json(
      {
        error: "temporarily_unavailable",
        error_description: `Too many sign-in attempts. Try again in ${count} ${unit}${count === 1 ? "" : "s"}.`,
      },
      { status: 429, headers: { ...noStore, "Retry-After": String(check.retryAfterSeconds) } },
    );
  }
  if (check.status === "wrong") return oauthError(400, "invalid_grant", "The user name or password is incorrect.");
  const issued = await issueAccessToken(check.user, securityNow());
  return Response.json(
    {
      token_type: "Bearer",
      access_token: issued.accessToken,
      expires_in: issued.expiresIn,
      expires_on: issued.expiresOn,
      resource: TOKEN_AUDIENCE,
    },
    { status: 200, headers: noStore },
  );
}
