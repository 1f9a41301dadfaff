import { handleMoveClock } from "@/features/worlds/control-api";

/** POST /api/sim/worlds/{id}/clock: moves the world's clock forward (control API; docs/worlds.md). */
export async function POST(request: Request, { params }: RouteContext<"/api/sim/worlds/[worldId]/clock">) {
  return handleMoveClock(request, (await params).worldId);
}
