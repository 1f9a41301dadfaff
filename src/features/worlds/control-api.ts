import "server-only";

import { z } from "zod";

import { LATEST_MOMENT } from "@/lib/dates";
import { db } from "@/server/db";
import { readSmallBody, SMALL_BODY_LIMIT } from "@/server/request-body";

import { controlRefusal } from "./control-access";
import { createWorld } from "./create-world";
import { isWorldClockInRange, MAX_ADVANCE_DAYS } from "./cycle-rules";
import { deleteIdleWorlds, deleteWorld } from "./expiry";
import { WorldFull, worldIdPattern } from "./identity";
import { moveWorldClock } from "./move-clock";
import { scenarioNames, scenarios } from "./scenarios";
import { invoiceStatuses, worldInvoices, type WorldInvoice } from "./world-invoices";
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
  now: isoDateTime
    .refine(isWorldClockInRange, { message: `A world's clock cannot start past ${LATEST_MOMENT.toISOString()}.` })
    .optional(),
  scenario: z.enum(scenarioNames).optional(),
});
const statusQuery = z.array(z.enum(invoiceStatuses));
const clockBody = z.union([
  z.strictObject({ advanceDays: z.number().int().min(-MAX_ADVANCE_DAYS).max(MAX_ADVANCE_DAYS) }),
  z.strictObject({ now: isoDateTime }),
]);

const TOO_LARGE = Symbol("body too large");

/**
 * The JSON body, `{}` when there is none, null when it is not JSON, or
 * TOO_LARGE over SMALL_BODY_LIMIT, refused before it is read (request-body.ts):
 * the bodies here are a few fields.
 */
async function jsonBody(request: Request): Promise<unknown> {
  const body = await readSmallBody(request);
  if (!body.ok) return body.problem === "tooLarge" ? TOO_LARGE : null;
  if (!body.text.trim()) return {};
  try {
    return JSON.parse(body.text) as unknown;
  } catch {
    return null;
  }
}

const bodyTooLarge = () => problem(413, "BodyTooLarge", `The body must be at most ${SMALL_BODY_LIMIT / 1024} KiB.`);

function invalidBody(error: z.ZodError | null, expected: string) {
  return problem(400, "InvalidBody", `The body must be JSON: ${expected}.`, {
    issues: error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? [],
  });
}

/** POST /api/sim/worlds — 201 with the new world; idle worlds are swept first. */
export async function handleCreateWorld(request: Request): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const body = await jsonBody(request);
  if (body === TOO_LARGE) return bodyTooLarge();
  const parsed = newWorldBody.safeParse(body);
  if (!parsed.success)
    return invalidBody(
      parsed.error,
      `{ "seed"?: integer, "now"?: "<ISO date-time>", "scenario"?: ${scenarioNames.map((name) => `"${name}"`).join(" | ")} }, or no body`,
    );
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

/**
 * DELETE /api/sim/worlds/{id} — 204; every row of the world is gone. 409 while a payment of the world is
 * in flight: nothing is deleted, and the caller asks again after Retry-After.
 */
export async function handleDeleteWorld(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  if (!worldIdPattern.test(worldId)) return noSuchWorld(worldId);
  const deletion = await deleteWorld(worldId);
  if (deletion.status === "notFound") return noSuchWorld(worldId);
  if (deletion.status === "paymentsInProgress")
    return Response.json(
      {
        error: "PaymentsInProgress",
        message: `World ${worldId} has ${deletion.pending} payment(s) still being processed; nothing was deleted. Delete it again once they have settled (usually within seconds).`,
        pending: deletion.pending,
      },
      { status: 409, headers: { ...headers, "Retry-After": "1" } },
    );
  return new Response(null, { status: 204, headers });
}

/** POST /api/sim/worlds/{id}/clock — `{ "advanceDays": n }` or `{ "now": "<ISO>" }`; forward only. */
export async function handleMoveClock(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const body = await jsonBody(request);
  if (body === TOO_LARGE) return bodyTooLarge();
  const parsed = clockBody.safeParse(body);
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
    case "outOfRange":
      return problem(
        400,
        "ClockOutOfRange",
        `A world's clock cannot go past ${LATEST_MOMENT.toISOString()}; ${outcome.asked.toISOString()} is later.`,
        { now: outcome.now.toISOString() },
      );
    case "tooFar":
      return problem(
        422,
        "ClockMoveTooFar",
        `One move of the clock may cover at most ${MAX_ADVANCE_DAYS} days; move it in several steps.`,
        { now: outcome.now.toISOString() },
      );
    case "moved": {
      const numbers = [...outcome.issued.map((invoice) => invoice.id), ...outcome.pastDue];
      const objects = new Map(
        (await worldInvoices(db, worldId, outcome.now, { numbers })).map((invoice) => [invoice.number, invoice]),
      );
      const byNumber = (number: string) => objects.get(number)!;
      return Response.json(
        {
          id: worldId,
          from: outcome.from.toISOString(),
          now: outcome.now.toISOString(),
          // Each issued invoice keeps the fields it had before invoices were objects (id, billingProfile: the
          // profile's name, totalMinor, currency, dueDate) beside the object's own.
          issuedInvoices: outcome.issued.map((invoice) => ({
            ...byNumber(invoice.id),
            ...invoice,
            dueDate: invoice.dueDate.toISOString(),
          })),
          pastDue: outcome.pastDue.map(byNumber),
          // The numbers alone, as the API answered before `pastDue`; kept for older clients.
          pastDueInvoices: outcome.pastDue,
        },
        { headers },
      );
    }
  }
}

/** GET /api/sim/scenarios — the starting shapes a world may be made in, with what each guarantees. */
export function handleListScenarios(request: Request): Response {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  return Response.json(
    { value: scenarios.map(({ name, summary, guarantees }) => ({ name, summary, guarantees })) },
    { headers },
  );
}

/** GET /api/sim/worlds/{id}/invoices?status=due,pastDue — the world's invoices as objects, by its clock. */
export async function handleWorldInvoices(request: Request, worldId: string): Promise<Response> {
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const asked = new URL(request.url).searchParams
    .getAll("status")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  const statuses = statusQuery.safeParse(asked);
  if (!statuses.success)
    return problem(400, "InvalidQuery", `status must be one or more of ${invoiceStatuses.join(", ")}.`);
  if (!worldIdPattern.test(worldId)) return noSuchWorld(worldId);
  const world = await db.world.findUnique({ where: { id: worldId }, select: { now: true } });
  if (!world) return noSuchWorld(worldId);
  await db.world.updateMany({ where: { id: worldId }, data: { lastUsedAt: new Date() } });
  const value: WorldInvoice[] = await worldInvoices(db, worldId, world.now, {
    statuses: statuses.data.length ? statuses.data : undefined,
  });
  return Response.json({ now: world.now.toISOString(), value }, { headers });
}
