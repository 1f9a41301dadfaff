import { callerOrigin } from "@/server/forwarded";

/**
 * A cross-site request carries another site's Origin; the browser's own
 * requests carry ours or none. Ours is the host the caller reached the portal
 * at (src/server/forwarded.ts: Host, or X-Forwarded-Host only from a trusted
 * proxy, or PUBLIC_ORIGIN). An Origin that is not a URL ("null" from a
 * sandboxed frame, say) counts as foreign. No "server-only": the proxy uses it too.
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== callerOrigin(request).host;
  } catch {
    return true;
  }
}

/**
 * A write that rides on the session cookie must prove it comes from our own
 * pages: our Origin, or, without one, `Sec-Fetch-Site: same-origin` (which
 * only a browser sets, and no page can forge). Browsers send Origin with every
 * POST, so a write with neither is a script or a forged request: refused like
 * a foreign one.
 */
export function isUnprovenWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  if (!request.headers.get("origin")) return request.headers.get("sec-fetch-site") !== "same-origin";
  return isForeignOrigin(request);
}

/** Why a cookie-authenticated API call is refused before it is read, if it is. */
export type CookieCallRefusal = "foreignOrigin" | "missingOrigin" | "notJson";

/**
 * A JSON route that trusts the session cookie must be sure the browser's own
 * page sent it (review finding 7): our Origin (or Sec-Fetch-Site: same-origin,
 * as isUnprovenWrite), and only `application/json`: a cross-site form can post
 * text/plain or form encodings without a CORS preflight, never JSON.
 * Calls authenticated by a bearer token carry no ambient credential and do not
 * need this check.
 */
export function cookieCallRefusal(request: Request): CookieCallRefusal | null {
  if (!request.headers.get("origin") && request.headers.get("sec-fetch-site") !== "same-origin") return "missingOrigin";
  if (isForeignOrigin(request)) return "foreignOrigin";
  const mediaType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") return "notJson";
  return null;
}
