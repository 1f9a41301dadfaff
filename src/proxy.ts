import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to the pages, so that a signed-out visitor sent to
 * sign in comes back to it. Authentication itself is checked by the pages and
 * actions (requireUser), not here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-portal-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};
