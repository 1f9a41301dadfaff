import "server-only";

import { callerOrigin } from "@/server/forwarded";

/**
 * What Microsoft's clients read before they ask for a token, at the
 * simulator's own origin (docs/clients.md):
 *
 * - the Azure CLI's `az cloud register --endpoint-resource-manager` reads
 *   `/metadata/endpoints`; its login endpoint ends in `/adfs`, because MSAL
 *   skips its instance discovery (a call to login.microsoftonline.com) for an
 *   ADFS authority, and CLI 2.45 has no switch to turn it off;
 * - MSAL (the CLI, Python) reads `/adfs/.well-known/openid-configuration`;
 * - `@azure/identity` and MSAL with a tenant authority read
 *   `/{tenant}/v2.0/.well-known/openid-configuration`.
 *
 * Tokens are HS256 (access-token.ts): there is no public key to publish, so
 * the key sets are empty — the clients never verify access tokens themselves.
 */
function origin(request: Request): string {
  const { protocol, host } = callerOrigin(request);
  return `${protocol}//${host}`;
}

const noStore = { "Cache-Control": "no-store" };

const common = {
  response_types_supported: ["token"],
  response_modes_supported: ["query", "fragment", "form_post"],
  subject_types_supported: ["pairwise"],
  id_token_signing_alg_values_supported: ["RS256"],
  scopes_supported: ["openid", "profile", "offline_access"],
  grant_types_supported: ["client_credentials"],
  token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
  claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid", "appid"],
};

/** GET /{tenant}/v2.0/.well-known/openid-configuration */
export function tenantOpenIdConfiguration(request: Request, tenant: string): Response {
  const base = `${origin(request)}/${encodeURIComponent(tenant)}`;
  return Response.json(
    {
      ...common,
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      tenant_region_scope: "NA",
      cloud_instance_name: "localhost",
    },
    { headers: noStore },
  );
}

/** GET /adfs/.well-known/openid-configuration */
export function adfsOpenIdConfiguration(request: Request): Response {
  const base = `${origin(request)}/adfs`;
  return Response.json(
    {
      ...common,
      issuer: base,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      jwks_uri: `${base}/discovery/keys`,
    },
    { headers: noStore },
  );
}

/** The key sets: empty (HS256 tokens, see above). */
export function emptyKeySet(): Response {
  return Response.json({ keys: [] }, { headers: noStore });
}

/**
 * GET /metadata/endpoints — ARM's cloud metadata (the 2015-01-01 shape, the
 * one CLI 2.45 reads whatever api-version it asks). The audience is the
 * portal's origin: the CLI asks for `<audience>/.default`.
 */
export function cloudMetadata(request: Request): Response {
  const base = origin(request);
  return Response.json(
    {
      galleryEndpoint: `${base}/`,
      graphEndpoint: "https://graph.windows.net/",
      portalEndpoint: `${base}/`,
      authentication: {
        loginEndpoint: `${base}/adfs`,
        audiences: [`${base}/`, "https://management.azure.com/"],
      },
    },
    { headers: noStore },
  );
}
