import "server-only";

import { bearerUser } from "@/features/access/bearer";
import type { SessionUser } from "@/features/access/session";

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

const hostPattern = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The request URL with the origin the caller used (Host, or X-Forwarded-Host
 * and -Proto behind a proxy): nextLink, Location and document URLs must lead
 * back to where the caller reached the portal, which Next's own request.url
 * (the name the server was started with) does not always say.
 */
export function callerUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto");
  if (host && hostPattern.test(host)) url.host = host;
  if (proto === "http" || proto === "https") url.protocol = `${proto}:`;
  return url;
}
