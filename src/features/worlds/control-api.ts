import "server-only";

import { z } from "zod";

import { db } from "@/server/db";

import { controlRefusal } from "./control-access";
import { createWorld } from "./create-world";
import { MAX_ADVANCE_DAYS } from "./cycle-rules";
import { deleteIdleWorlds, deleteWorld } from "./expiry";
import { WorldFull, worldIdPattern } from "./identity";
import { moveWorldClock } from "./move-clock";
import { loadWorldView } from "./world-view";

/**
 * The control API's handlers (routes under src/app/api/sim/ call them): the
 * token gate first (control-access.ts), then zod on the body, then the work.
 * Errors are JSON `{ error, message }` for the person writing the test.
 */
const headers = { "Cache-Control": "no-store" };
const problem = (status: number, error: string, message: string, extra: object = {}) =>
  Response.json({ error, message, ...extra }, { status, headers });
const noSuchWorld = (id: string) => problem(404, "WorldNotFound", `There is no world ${id} (deleted, or expired).`);

const isoDateTime = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const newWorldBody = z.strictObject({
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  now: isoDateTime.optional(),
});
const clockBody = z.union([
  z.strictObject({ advanceDays: z.number().int().min(-MAX_ADVANCE_DAYS).max(MAX_ADVANCE_DAYS) }),
  z.strictObject({ now: isoDateTime }),
]);

/** The JSON body, `{}` when there is none, or null when it is not JSON. */
async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function invalidBody(error: z.ZodError | null, expected: string) {
  return problem(400, "InvalidBody", `The body must be JSON: ${expected}.`, {
    issues: error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? [],
  });
}

/** POST /api/sim/worlds — 201 with the new world; idle worlds are swept first. */
export async function handleCreateWorld(request: Request): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const parsed = newWorldBody.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidBody(parsed.error, '{ "seed"?: integer, "now"?: "<ISO date-time>" }, or no body');
  await deleteIdleWorlds();
  try {
    const world = await createWorld(parsed.data);
    return Response.json(world, { status: 201, headers: { ...headers, Location: `/api/sim/worlds/${world.id}` } });
  } catch (error) {
    if (error instanceof WorldFull) return problem(503, "TooManyWorlds", error.message);
    throw error;
  }
}

/** GET /api/sim/worlds — the live worlds (ID, clock, last use), newest first; idle ones are swept first. */
export async function handleListWorlds(request: Request): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  await deleteIdleWorlds();
  const worlds = await db.world.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, seed: true, now: true, createdAt: true, lastUsedAt: true },
  });
  return Response.json({ value: worlds }, { headers });
}

/** GET /api/sim/worlds/{id} — the world (its clock, users and accounts). */
export async function handleGetWorld(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  if (!worldIdPattern.test(worldId)) return noSuchWorld(worldId);
  await db.world.updateMany({ where: { id: worldId }, data: { lastUsedAt: new Date() } });
  const world = await loadWorldView(worldId);
  return world ? Response.json(world, { headers }) : noSuchWorld(worldId);
}

/** DELETE /api/sim/worlds/{id} — 204; every row of the world is gone. */
export async function handleDeleteWorld(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  if (!worldIdPattern.test(worldId) || !(await deleteWorld(worldId))) return noSuchWorld(worldId);
  return new Response(null, { status: 204, headers });
}

/** POST /api/sim/worlds/{id}/clock — `{ "advanceDays": n }` or `{ "now": "<ISO>" }`; forward only. */
export async function handleMoveClock(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const parsed = clockBody.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidBody(parsed.error, '{ "advanceDays": integer } or { "now": "<ISO date-time>" }');
  if (!worldIdPattern.test(worldId)) return noSuchWorld(worldId);
  const outcome = await moveWorldClock(worldId, parsed.data);
  switch (outcome.status) {
    case "notFound":
      return noSuchWorld(worldId);
    case "backwards":
      return problem(
        409,
        "ClockMovesForwardOnly",
        `A world's clock only moves forward: it reads ${outcome.now.toISOString()}, and ${outcome.asked.toISOString()} is earlier.`,
        { now: outcome.now.toISOString() },
      );
    case "tooFar":
      return problem(
        422,
        "ClockMoveTooFar",
        `One move of the clock may cover at most ${MAX_ADVANCE_DAYS} days; move it in several steps.`,
        { now: outcome.now.toISOString() },
      );
    case "moved":
      return Response.json(
        {
          id: worldId,
          from: outcome.from.toISOString(),
          now: outcome.now.toISOString(),
          issuedInvoices: outcome.issued.map((invoice) => ({ ...invoice, dueDate: invoice.dueDate.toISOString() })),
          pastDueInvoices: outcome.pastDue,
        },
        { headers },
      );
  }
}
