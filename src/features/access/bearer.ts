import "server-only";

import { securityNow } from "@/server/clock";
import { db } from "@/server/db";
import { tenantIdOf } from "@/server/demo/app-registrations";

import { verifyAccessToken } from "./access-token";
import { currentUser, type SessionUser } from "./session";

export type BearerResult =
  | { kind: "user"; user: SessionUser }
  /** No Authorization header, or not a Bearer one. */
  | { kind: "missing" }
  | { kind: "invalid"; reason: "expired" | "invalid" };

/** Whether the request carries `Authorization: Bearer …` at all (it then decides alone: no cookie fallback). */
export function hasBearer(request: Request): boolean {
  return /^bearer(?:\s|$)/i.test(request.headers.get("authorization") ?? "");
}

/**
 * The user a request's bearer token stands for. A valid signature is not
 * enough: the user must still exist and still be at the session version the
 * token was issued at ("sign out everywhere" ends tokens as it ends sessions).
 */
export async function bearerUser(request: Request): Promise<BearerResult> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^bearer\s+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(header);
  if (!match) return hasBearer(request) ? { kind: "invalid", reason: "invalid" } : { kind: "missing" };
  const check = await verifyAccessToken(match[1], securityNow());
  if (!check.ok) return { kind: "invalid", reason: check.reason };
  const user = await db.user.findUnique({
    where: { id: check.userId },
    select: { id: true, email: true, displayName: true, sessionVersion: true, worldId: true },
  });
  if (!user || user.sessionVersion !== check.sessionVersion) return { kind: "invalid", reason: "invalid" };
  // An app's token names its directory: valid only while the app's world is that directory.
  if (check.tenantId !== undefined && check.tenantId !== tenantIdOf(user.worldId))
    return { kind: "invalid", reason: "invalid" };
  return {
    kind: "user",
    user: { id: user.id, email: user.email, displayName: user.displayName, worldId: user.worldId },
  };
}

export type RouteCaller =
  { user: SessionUser; via: "bearer" | "session" } | { user: null; problem: "missing" | "expired" | "invalid" };

/**
 * The caller of a route that scripts and the portal's pages both use (the PDF,
 * the payments route): a bearer token when one is sent — it alone decides, a
 * bad token is never rescued by a cookie — else the session cookie.
 */
export async function routeCaller(request: Request): Promise<RouteCaller> {
  if (hasBearer(request)) {
    const bearer = await bearerUser(request);
    if (bearer.kind === "user") return { user: bearer.user, via: "bearer" };
    return { user: null, problem: bearer.kind === "missing" ? "invalid" : bearer.reason };
  }
  const user = await currentUser();
  return user ? { user, via: "session" } : { user: null, problem: "missing" };
}

/** The RFC 6750 challenge of a 401 from a route that takes bearer tokens. */
export function bearerChallenge(problem: "missing" | "expired" | "invalid"): string {
  return problem === "missing"
    ? 'Bearer authorization_uri="/oauth2/token"'
    : `Bearer authorization_uri="/oauth2/token", error="invalid_token", error_description="The access token is ${problem === "expired" ? "expired" : "invalid"}"`;
}
