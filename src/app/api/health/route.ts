import { databaseHealth } from "@/server/health";

/** GET /api/health: is the database reachable, and which migration is it on. */
export async function GET() {
  const health = await databaseHealth();
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
