import { handleTokenRequest } from "@/features/access/token-endpoint";

/** OAuth 2.0 token endpoint (password grant) for the ARM routes and the payments route. */
export function POST(request: Request) {
  return handleTokenRequest(request);
}
