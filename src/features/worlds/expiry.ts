import "server-only";

import { db } from "@/server/db";
import { takeTurns } from "@/server/db/locks";

const DEFAULT_IDLE_MINUTES = 60;

/** SIM_WORLD_IDLE_MINUTES: how long a world may go unused before it is deleted (default 60). */
export function idleMinutes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SIM_WORLD_IDLE_MINUTES);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_MINUTES;
}

export type WorldDeletion = { status: "deleted" | "notFound" } | { status: "paymentsInProgress"; pending: number };

/**
 * Deletes a world and every row of it, unless a payment of the world is still
 * in flight (PENDING): the processor may be charging it at this moment, and
 * deleting the world under it would leave its ledger row behind and fail the
 * payment's own request. Such a world is left whole ("paymentsInProgress");
 * the caller asks again once its payments have settled (seconds, or the
 * payment's lease when its server died: the reconciler settles it).
 *
 * Users and billing accounts go with the World row (ON DELETE CASCADE), and
 * with them their sessions, roles, profiles, cards, invoices, lines, payments
 * and notifications. Tables with no foreign key are cleared by value: the
 * simulated processor's ledger (by the world's payment keys, which all start
 * with the world's ID), the sign-in throttle's attempts and known addresses (by
 * the world's emails). One transaction: a world is gone whole or not at all.
 */
export async function deleteWorld(worldId: string): Promise<WorldDeletion> {
  return db.$transaction(async (tx) => {
    // Takes turns with a move of the world's clock (move-clock.ts).
    await takeTurns(tx, `world:${worldId}`);
    // A write to every invoice of the world before the count: a payment reserves its amount by updating
    // its invoice in the transaction that records it PENDING, so on PostgreSQL this waits for any such
    // transaction to commit (the count then sees its payment), and one that starts later waits for this
    // one and finds no invoice. On SQLite the write takes the database's write lock, with the same effect.
    await tx.invoice.updateMany({
      where: { billingAccount: { worldId } },
      data: { amountDueMinor: { increment: 0 } },
    });
    const pending = await tx.payment.count({ where: { status: "PENDING", billingAccount: { worldId } } });
    if (pending > 0) return { status: "paymentsInProgress", pending } as const;
    const [users, payments] = await Promise.all([
      tx.user.findMany({ where: { worldId }, select: { email: true } }),
      tx.payment.findMany({ where: { billingAccount: { worldId } }, select: { idempotencyKey: true } }),
    ]);
    await tx.simulatedCharge.deleteMany({
      where: {
        OR: [
          { idempotencyKey: { in: payments.map((payment) => payment.idempotencyKey) } },
          { idempotencyKey: { startsWith: `${worldId}:` } },
        ],
      },
    });
    const emails = users.map((user) => user.email);
    if (emails.length) {
      await tx.signInAttempt.deleteMany({ where: { email: { in: emails } } });
      await tx.knownSignInAddress.deleteMany({ where: { email: { in: emails } } });
    }
    const deleted = await tx.world.deleteMany({ where: { id: worldId } });
    return { status: deleted.count > 0 ? "deleted" : "notFound" } as const;
  });
}

/** Deletes the worlds nobody has used for SIM_WORLD_IDLE_MINUTES (real time); returns how many. */
export async function deleteIdleWorlds(at: Date = new Date()): Promise<number> {
  const cutoff = new Date(at.getTime() - idleMinutes() * 60_000);
  const idle = await db.world.findMany({ where: { lastUsedAt: { lt: cutoff } }, select: { id: true } });
  let deleted = 0;
  // A world with a payment in flight is left for a later sweep.
  for (const world of idle) if ((await deleteWorld(world.id)).status === "deleted") deleted++;
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
