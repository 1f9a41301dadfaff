import "server-only";

import { securityNow } from "@/server/clock";
import { db, type Db } from "@/server/db";

/**
 * Card-testing protection: after too many declined payments in a window, a
 * billing account (or a user) cannot try again until the window passes. The
 * count comes from the payments table, so it holds across restarts and
 * server processes.
 *
 * Every attempt still in flight (PENDING) counts too, as it may be a decline:
 * card testing fires its attempts in bursts, and counted only once settled,
 * twenty simultaneous attempts would all pass the check. That holds for saved
 * cards as well — saving twenty stolen cards and paying with all of them at
 * once is the same burst (review finding 3). The one exception is a saved card
 * the processor has already approved for this account: it teaches a card
 * tester nothing, and paying many invoices at once with the profile's proven
 * card is never refused.
 *
 * On real time (securityNow), like sign-in lockouts and tokens: each payment's
 * recordedAt, never its customer-visible createdAt. A clock that stands still
 * (SIM_NOW, a world between moves) stamps every payment with the same "now",
 * so a window on that clock would never pass and the limit would never lift.
 */
export const DECLINE_WINDOW_MS = 60 * 60 * 1000;
export const MAX_DECLINES_PER_ACCOUNT = 10;
export const MAX_DECLINES_PER_USER = 10;

/** The database, or the transaction a payment is being recorded in. */
type PaymentReader = { payment: Pick<Db["payment"], "count" | "findFirst"> };

export async function declineLimitReached(
  accountId: string,
  userId: string,
  client: PaymentReader = db,
): Promise<boolean> {
  const since = new Date(securityNow().getTime() - DECLINE_WINDOW_MS);
  const risky = {
    recordedAt: { gte: since },
    OR: [
      { status: "FAILED" },
      { status: "PENDING", paymentMethodId: null },
      { status: "PENDING", paymentMethod: { payments: { none: { status: "SUCCEEDED" } } } },
    ],
  };
  const [byAccount, byUser] = await Promise.all([
    client.payment.count({ where: { billingAccountId: accountId, ...risky } }),
    client.payment.count({ where: { userId, ...risky } }),
  ]);
  return byAccount >= MAX_DECLINES_PER_ACCOUNT || byUser >= MAX_DECLINES_PER_USER;
}

/** The name under which risky attempts of one account (or user) take turns to be counted (see takeTurns). */
export function declineTurn(scope: "account" | "user", id: string): string {
  return `declines:${scope}:${id}`;
}

/**
 * Whether a saved card has been approved before (a SUCCEEDED payment with it): paying with it is
 * no decline risk, so it is not counted (see above) and need not take its turn with the risky
 * attempts — on PostgreSQL, a lock every payment of the account would otherwise queue on. Once
 * proven, a card stays proven, so checking before the payment's transaction is safe.
 */
export async function provenCard(paymentMethodId: string | null, client: PaymentReader = db): Promise<boolean> {
  if (!paymentMethodId) return false;
  // Read through the (paymentMethodId, status) index: one seek however many payments there are.
  const approved = await client.payment.findFirst({
    where: { paymentMethodId, status: "SUCCEEDED" },
    select: { id: true },
  });
  return approved !== null;
}
