import "server-only";

import { cache } from "react";

import { now } from "./clock";
import { db } from "./db";

/** A world's last use is written at most this often (real time), not on every read of its clock. */
const TOUCH_EVERY_MS = 60_000;

/**
 * "Now" in a world: the one function every page, route and action asks for
 * the time a user sees. The default demo world (no world ID) keeps the
 * simulator clock of clock.ts — SIM_NOW or the real time — and costs no
 * query; a world made by the control API has its own frozen clock (World.now),
 * moved only by POST /api/sim/worlds/{id}/clock. Reading it also marks the
 * world as in use, for its idle expiry. One query per request (React cache).
 */
export const worldNow = cache(async (worldId: string | null | undefined): Promise<Date> => {
  if (!worldId) return now();
  const world = await db.world.findUnique({ where: { id: worldId }, select: { now: true, lastUsedAt: true } });
  if (!world) return now();
  const used = new Date();
  if (used.getTime() - world.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    // Best effort: a lost update only makes the world look idle a minute earlier.
    await db.world.updateMany({ where: { id: worldId }, data: { lastUsedAt: used } }).catch(() => {});
  return world.now;
});

/** The world a user belongs to (null: the default demo world). */
export const worldOfUser = cache(async (userId: string): Promise<string | null> => {
  const user = await db.user.findUnique({ where: { id: userId }, select: { worldId: true } });
  return user?.worldId ?? null;
});

/** "Now" for a user known by ID only (a payment being settled, a request by user ID). */
export async function userNow(userId: string): Promise<Date> {
  return worldNow(await worldOfUser(userId));
}
