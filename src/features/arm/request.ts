import "server-only";

import { bearerUser } from "@/features/access/bearer";
import type { SessionUser } from "@/features/access/session";
import { callerOrigin } from "@/server/forwarded";

import { checkApiVersion } from "./api-version";
import { armBadRequest, armUnauthorized } from "./errors";

export type ArmRequest = {
  user: SessionUser;
  apiVersion: string;
  /** The request's URL as the caller addressed it (its origin is the one links must point to). */
  url: URL;
};

/**
 * What every ARM route does first, in ARM's order: the bearer token (401),
 * then the api-version (400). A cookie is never enough here: scripts
 * authenticate with tokens, and a browser's cookie must not make the ARM
 * routes a cross-site target.
 */
export async function armRequest(request: Request, versions: readonly string[]): Promise<ArmRequest | Response> {
  const bearer = await bearerUser(request);
  if (bearer.kind === "missing") return armUnauthorized("missing");
  if (bearer.kind === "invalid") return armUnauthorized(bearer.reason);
  const url = callerUrl(request);
  const version = checkApiVersion(url.searchParams.get("api-version"), versions);
  if (!version.ok) return armBadRequest(version.code, version.message);
  return { user: bearer.user, apiVersion: version.version, url };
}

/** A JSON answer of the ARM routes: never cached (per user). */
export function armJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * The request URL with the origin the caller used (src/server/forwarded.ts:
 * Host, or X-Forwarded-Host and -Proto from a trusted proxy, or PUBLIC_ORIGIN):
 * nextLink, Location and document URLs must lead back to where the caller
 * reached the portal, which Next's own request.url (the name the server was
 * started with) does not always say, and never to a host a client named.
 */
export function callerUrl(request: Request): URL {
  const { pathname, search } = new URL(request.url);
  const { protocol, host } = callerOrigin(request);
  // A new URL, not url.host = host: that setter keeps the old port when the new host names none.
  return new URL(`${pathname}${search}`, `${protocol}//${host}`);
}
