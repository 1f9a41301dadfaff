import { handleCreateWorld, handleListWorlds } from "@/features/worlds/control-api";

/** POST /api/sim/worlds: a new world (control API, SIM_CONTROL_TOKEN; docs/worlds.md). */
export async function POST(request: Request) {
  return handleCreateWorld(request);
}

/** GET /api/sim/worlds: the live worlds. */
export async function GET(request: Request) {
  return handleListWorlds(request);
}
