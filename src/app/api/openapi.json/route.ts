import document from "./openapi.json";

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of the simulator's own routes (the control API, payments, payment
 * methods). Static, so it is the same file the tests validate and check real answers against.
 */
export const dynamic = "force-static";

export function GET() {
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
