import "server-only";

import { randomUUID, timingSafeEqual } from "node:crypto";

import { SignJWT } from "jose";
import { z } from "zod";

import { securityNow } from "@/server/clock";
import { db } from "@/server/db";
import { hashClientSecret, tenantIdOf } from "@/server/demo/app-registrations";

import { ACCESS_TOKEN_TTL_SECONDS, accessTokenKey, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./access-token";

const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** An OAuth 2.0 error in Entra's shape (RFC 6749 §5.2 plus Entra's error_codes, which MSAL reads). */
export function identityError(status: 400 | 401, error: string, description: string, code: number): Response {
  return Response.json(
    { error, error_description: `AADSTS${code}: ${description}`, error_codes: [code], timestamp: securityNow() },
    { status, headers: noStore },
  );
}

const clientCredentials = z.object({
  client_id: z.string().trim().min(1).max(100),
  client_secret: z.string().min(1).max(256),
});

/**
 * The resources a token may be asked for, in the spellings Microsoft's
 * clients send: ARM's own (`https://management.azure.com/.default`, the
 * Python SDK's default) and the portal's origin, with one slash or two before
 * `.default` (the Azure CLI appends `/.default` to an endpoint that ends in
 * `/`). Any host is accepted as "the portal": there is one resource.
 */
const scopePattern = /^https?:\/\/[^\s/]+\/*(?:\.default)?$/i;

function acceptedScope(form: URLSearchParams): boolean {
  const scopes = (form.get("scope") ?? "").split(/\s+/).filter(Boolean);
  const resource = form.get("resource");
  const asked = [
    ...scopes.filter((s) => !["openid", "profile", "offline_access"].includes(s)),
    ...(resource ? [resource] : []),
  ];
  return asked.every((scope) => scopePattern.test(scope.replace(/\/\.default$/i, "/")));
}

/** The client ID and secret: in the form (client_secret_post) or HTTP Basic (client_secret_basic). */
function credentialsOf(request: Request, form: URLSearchParams) {
  const basic = /^basic\s+([A-Za-z0-9+/]+=*)$/i.exec(request.headers.get("authorization") ?? "");
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    return clientCredentials.safeParse({
      client_id: decodeURIComponent(id ?? ""),
      client_secret: decodeURIComponent(rest.join(":")),
    });
  }
  return clientCredentials.safeParse({ client_id: form.get("client_id"), client_secret: form.get("client_secret") });
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * grant_type=client_credentials: an app registration's client ID and secret
 * for a bearer token of its service principal. `tenant` is the directory the
 * client addressed (`/{tenant}/oauth2/v2.0/token`); "adfs" and "organizations"
 * (and the legacy /oauth2/token) take the app's own. An app of another
 * directory is unknown there, as in Entra (AADSTS700016). Other form fields
 * MSAL adds (claims, client_info, client-request-id) are accepted and ignored.
 */
export async function clientCredentialsGrant(
  request: Request,
  form: URLSearchParams,
  tenant: string | null,
): Promise<Response> {
  const parsed = credentialsOf(request, form);
  if (!parsed.success)
    return identityError(400, "invalid_request", "client_id and client_secret are required.", 900144);
  if (!acceptedScope(form))
    return identityError(400, "invalid_scope", "The scope must be the management resource's /.default.", 70011);
  const principal = await db.servicePrincipal.findUnique({
    where: { clientId: parsed.data.client_id.toLowerCase() },
    select: {
      clientId: true,
      secretHash: true,
      user: { select: { id: true, email: true, sessionVersion: true, worldId: true } },
    },
  });
  const tenantId = principal ? tenantIdOf(principal.user.worldId) : null;
  const sameTenant = tenant === null || tenant.toLowerCase() === tenantId;
  if (!principal || !sameTenant)
    return identityError(
      400,
      "unauthorized_client",
      `Application with identifier '${parsed.data.client_id.slice(0, 100)}' was not found in the directory '${tenant ?? "default"}'.`,
      700016,
    );
  if (!sameHash(hashClientSecret(parsed.data.client_secret), principal.secretHash))
    return identityError(401, "invalid_client", "Invalid client secret provided.", 7000215);

  const issuedAt = Math.floor(securityNow().getTime() / 1000);
  const expiresOn = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const accessToken = await new SignJWT({
    sv: principal.user.sessionVersion,
    tid: tenantId,
    appid: principal.clientId,
    azp: principal.clientId,
    oid: principal.user.id,
    idtyp: "app",
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(principal.user.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(expiresOn)
    .setJti(randomUUID())
    .sign(accessTokenKey());
  return Response.json(
    {
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      ext_expires_in: ACCESS_TOKEN_TTL_SECONDS,
      expires_on: expiresOn,
      resource: TOKEN_AUDIENCE,
      access_token: accessToken,
    },
    { status: 200, headers: noStore },
  );
}

/** The form of a token request, or an error answer. */
export async function readTokenForm(request: Request): Promise<URLSearchParams | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return identityError(400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded.", 900144);
  try {
    return new URLSearchParams(await request.text());
  } catch {
    return identityError(400, "invalid_request", "The request body could not be read.", 900144);
  }
}

/** POST /{tenant}/oauth2/v2.0/token and POST /adfs/oauth2/token: client credentials only. */
export async function handleDirectoryTokenRequest(request: Request, tenant: string | null): Promise<Response> {
  const form = await readTokenForm(request);
  if (form instanceof Response) return form;
  const grant = form.get("grant_type");
  if (grant !== "client_credentials")
    return identityError(
      400,
      "unsupported_grant_type",
      "Only grant_type=client_credentials is supported here (passwords: POST /oauth2/token).",
      70003,
    );
  return clientCredentialsGrant(request, form, tenant);
}
