import "server-only";

import { db } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

import { issueInvoices, noticePastDue, type IssuedInvoice } from "./billing-cycle";
import { clockMove, type ClockTarget } from "./cycle-rules";

export type ClockOutcome =
  | { status: "moved"; from: Date; now: Date; issued: IssuedInvoice[]; pastDue: string[] }
  | { status: "notFound" }
  | { status: "backwards" | "tooFar" | "outOfRange"; now: Date; asked: Date };

/**
 * Moves a world's clock forward and runs the billing cycle for the time
 * crossed (billing-cycle.ts), in one transaction. Moves of one world take
 * turns: on PostgreSQL an advisory lock, on SQLite the write lock, taken by
 * the first statement (a write) before the clock is read. So two moves at
 * once run one after the other, each from where the other left the clock, and
 * no month is ever issued twice.
 */
export async function moveWorldClock(worldId: string, target: ClockTarget): Promise<ClockOutcome> {
  return db.$transaction(async (tx) => {
    await takeTurns(tx, `world:${worldId}`);
    const touched = await tx.world.updateMany({ where: { id: worldId }, data: { lastUsedAt: new Date() } });
    if (touched.count === 0) return { status: "notFound" } as const;
    const world = await tx.world.findUniqueOrThrow({ where: { id: worldId } });
    const move = clockMove(world.now, target);
    if (!move.ok)
      return {
        status: move.reason,
        now: world.now,
        asked: "now" in target ? target.now : new Date(world.now.getTime() + target.advanceDays * 86_400_000),
      } as const;
    const { issued, invoiceSequence } = await issueInvoices(tx, world, world.now, move.to);
    const pastDue = await noticePastDue(tx, worldId, world.now, move.to);
    await tx.world.update({ where: { id: worldId }, data: { now: move.to, invoiceSequence } });
    return { status: "moved", from: world.now, now: move.to, issued, pastDue } as const;
  });
}
