import { NextResponse, type NextRequest } from "next/server";
import { isForeignOrigin } from "@/features/access/origin";

/**
 * Passes the requested path to the pages, so that a signed-out visitor sent to
 * sign in comes back to it. Authentication itself is checked by the pages and
 * actions (requireUser), not here.
 *
 * A form post or server action sent from another site (a foreign Origin) is
 * refused here with a plain 403, before Next parses it: Next would also abort
 * it, but as a 500 with an error logged. (Route handlers under /api/ check the
 * Origin themselves.)
 */
export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD" && isForeignOrigin(request)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const headers = new Headers(request.headers);
  headers.set("x-portal-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};
