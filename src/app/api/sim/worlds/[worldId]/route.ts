import { handleDeleteWorld, handleGetWorld } from "@/features/worlds/control-api";

/** GET /api/sim/worlds/{id}: the world (control API; docs/worlds.md). */
export async function GET(request: Request, { params }: RouteContext<"/api/sim/worlds/[worldId]">) {
  return handleGetWorld(request, (await params).worldId);
}

/** DELETE /api/sim/worlds/{id}: the world and every row of it. */
export async function DELETE(request: Request, { params }: RouteContext<"/api/sim/worlds/[worldId]">) {
  return handleDeleteWorld(request, (await params).worldId);
}
