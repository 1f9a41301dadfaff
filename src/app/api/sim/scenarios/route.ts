import { handleListScenarios } from "@/features/worlds/control-api";

/** GET /api/sim/scenarios: the scenarios a world can be made in (control API; docs/worlds.md). */
export async function GET(request: Request) {
  return handleListScenarios(request);
}
