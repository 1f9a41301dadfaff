import { NextResponse, type NextRequest } from "next/server";

import { isForeignOrigin } from "@/features/access/origin";
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
 * - A form post or server action sent from another site (a foreign Origin) is
 *   refused with a plain 403, before Next parses it: Next would also abort it,
 *   but as a 500 with an error logged. (Route handlers under /api/ check the
 *   Origin themselves and answer in JSON; /providers/ (ARM) and /oauth2/ take
 *   bearer tokens only, never the cookie, so a foreign page gains nothing.)
 * - Every page gets a Content-Security-Policy with a fresh script nonce
 *   (src/lib/content-security-policy.ts).
 * - Pages get the requested path, so that a signed-out visitor sent to sign
 *   in comes back to it. Authentication itself is checked by the pages and
 *   actions (requireUser), not here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (malformedPath(pathname)) return plain(400, "Bad request: the address is not valid.");
  // JSON APIs answer for themselves (errors in their own shape): the simulator's /api/, ARM's /providers/, OAuth's /oauth2/.
  if (pathname.startsWith("/api/") || pathname.startsWith("/providers/") || pathname.startsWith("/oauth2/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy());
    return response;
  }
  if (request.method !== "GET" && request.method !== "HEAD" && isForeignOrigin(request))
    return plain(403, "Cross-site request refused.");
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
