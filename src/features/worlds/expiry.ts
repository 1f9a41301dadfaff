import "server-only";

import { db } from "@/server/db";

const DEFAULT_IDLE_MINUTES = 60;

/** SIM_WORLD_IDLE_MINUTES: how long a world may go unused before it is deleted (default 60). */
export function idleMinutes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SIM_WORLD_IDLE_MINUTES);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_MINUTES;
}

/**
 * Deletes a world and every row of it; returns whether it existed. Users and
 * billing accounts go with the World row (ON DELETE CASCADE), and with them their
 * roles, profiles, cards, invoices, lines, payments and notifications. Two tables
 * hold no foreign key and are cleared by value: the simulated processor's ledger
 * (by the world's payment keys) and the sign-in throttle's attempts (by the
 * world's addresses). One transaction: a world is gone whole or not at all.
 */
export async function deleteWorld(worldId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [users, payments] = await Promise.all([
      tx.user.findMany({ where: { worldId }, select: { email: true } }),
      tx.payment.findMany({ where: { billingAccount: { worldId } }, select: { idempotencyKey: true } }),
    ]);
    if (payments.length)
      await tx.simulatedCharge.deleteMany({ where: { idempotencyKey: { in: payments.map((p) => p.idempotencyKey) } } });
    if (users.length) await tx.signInAttempt.deleteMany({ where: { email: { in: users.map((user) => user.email) } } });
    const deleted = await tx.world.deleteMany({ where: { id: worldId } });
    return deleted.count > 0;
  });
}

/** Deletes the worlds nobody has used for SIM_WORLD_IDLE_MINUTES (real time); returns how many. */
export async function deleteIdleWorlds(at: Date = new Date()): Promise<number> {
  const cutoff = new Date(at.getTime() - idleMinutes() * 60_000);
  const idle = await db.world.findMany({ where: { lastUsedAt: { lt: cutoff } }, select: { id: true } });
  let deleted = 0;
  for (const world of idle) if (await deleteWorld(world.id)) deleted++;
  return deleted;
}

/** Each server's sweep of idle worlds, once a minute (the control API also sweeps before making a world). */
export function startWorldSweeper(intervalMs = 60_000): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deleteIdleWorlds()
      .catch((error: unknown) => {
        console.error(`World sweeper: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
