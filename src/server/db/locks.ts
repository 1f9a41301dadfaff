import "server-only";

import type { Tx } from "./client";
import { databaseEngine } from "./url";

/**
 * Makes transactions about the same thing take turns, for checks that count
 * or look for rows before writing (the decline limit, "is this card already
 * saved?"): without it, simultaneous transactions on PostgreSQL each miss the
 * rows the others have not committed yet, and all pass the check.
 *
 * PostgreSQL: one transaction-level advisory lock per name, taken in sorted
 * order (so two transactions never wait for each other in a circle) and
 * released at commit or rollback; statements after it see every row the
 * previous holder committed (READ COMMITTED takes a new snapshot per statement).
 *
 * SQLite: nothing to do. Its one writer at a time already orders these
 * transactions, as long as the transaction writes before it counts.
 *
 *   await db.$transaction(async (tx) => {
 *     await takeTurns(tx, `account:${accountId}`, `user:${userId}`);
 *     …count, then write…
 *   });
 */
export async function takeTurns(tx: Tx, ...names: string[]): Promise<void> {
  if (databaseEngine() !== "postgresql") return;
  for (const name of [...new Set(names)].sort())
    // $executeRaw: the function returns `void`, a column type Prisma's adapter cannot read.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
}
