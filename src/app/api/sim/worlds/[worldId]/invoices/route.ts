import { handleWorldInvoices } from "@/features/worlds/control-api";

/** GET /api/sim/worlds/{id}/invoices?status=…: the world's invoices as objects (control API; docs/worlds.md). */
export async function GET(request: Request, { params }: RouteContext<"/api/sim/worlds/[worldId]/invoices">) {
  return handleWorldInvoices(request, (await params).worldId);
}
