import { NextResponse, type NextRequest } from "next/server";

import { isUnprovenWrite } from "@/features/access/origin";
import { armTraceHeaders, canonicalArmPath, isApiPath, isArmPath } from "@/lib/arm-manners";
import { contentSecurityPolicy } from "@/lib/content-security-policy";

const plain = (status: number, text: string) =>
  new NextResponse(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": contentSecurityPolicy(),
    },
  });

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Runs before every page and route handler:
 *
 * - A path with a malformed percent-encoding ("/billing/%ZZ/invoices") is a
 *   400 here; Next would answer it with a 500 when decoding the route's
 *   parameters.
 * - A form post or server action (any method but GET and HEAD) must come from
 *   our own pages: our Origin, or no Origin with Sec-Fetch-Site: same-origin.
 *   A foreign Origin, or none at all (Next itself lets that through), is
 *   refused with a plain 403 before Next parses the request (Next would answer
 *   a foreign one with a 500 and an error logged). (Route handlers under /api/
 *   check the Origin themselves and answer in JSON; /providers/ (ARM) and
 *   /oauth2/ take bearer tokens only, never the cookie, so a foreign page gains
 *   nothing.)
 * - Every page gets a Content-Security-Policy with a fresh script nonce
 *   (src/lib/content-security-policy.ts).
 * - Pages get the requested path, so that a signed-out visitor sent to sign
 *   in comes back to it. Authentication itself is checked by the pages and
 *   actions (requireUser), not here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (malformedPath(pathname)) return plain(400, "Bad request: the address is not valid.");
  // JSON APIs answer for themselves (errors in their own shape): the simulator's /api/, ARM's /providers/,
  // /subscriptions and /tenants, the identity endpoints (src/lib/arm-manners.ts).
  if (isApiPath(pathname)) {
    // ARM matches provider paths in any case: served by the routes' spelling.
    const canonical = canonicalArmPath(pathname);
    const response = canonical ? NextResponse.rewrite(new URL(canonical + search, request.url)) : NextResponse.next();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy());
    if (isArmPath(pathname))
      for (const [name, value] of Object.entries(armTraceHeaders(request.headers))) response.headers.set(name, value);
    return response;
  }
  if (isUnprovenWrite(request)) return plain(403, "Cross-site request refused.");
  // A fresh nonce per page request: Next reads it from the request's CSP header and puts it on every
  // script it renders; the browser runs only those (no 'unsafe-inline').
  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()));
  const headers = new Headers(request.headers);
  headers.set("x-portal-path", pathname + search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static/|_next/image|favicon.ico).*)"],
};
