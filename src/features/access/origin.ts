/**
 * A cross-site request carries another site's Origin; the browser's own
 * requests carry ours or none. An Origin that is not a URL ("null" from a
 * sandboxed frame, say) counts as foreign. No imports: the proxy uses it too.
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Why a cookie-authenticated API call is refused before it is read, if it is. */
export type CookieCallRefusal = "foreignOrigin" | "missingOrigin" | "notJson";

/**
 * A JSON route that trusts the session cookie must be sure the browser's own
 * page sent it (review finding 7). A browser sends Origin with every POST,
 * fetch and form alike, so a missing one is a script or an old client: refused,
 * as is another site's. And only `application/json` is read: a cross-site form
 * can post text/plain or form encodings without a CORS preflight, never JSON.
 * Calls authenticated by a bearer token carry no ambient credential and do not
 * need this check.
 */
export function cookieCallRefusal(request: Request): CookieCallRefusal | null {
  if (!request.headers.get("origin")) return "missingOrigin";
  if (isForeignOrigin(request)) return "foreignOrigin";
  const mediaType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") return "notJson";
  return null;
}
