import "server-only";
import { db } from "@/server/db";

/**
 * Card-testing protection: after too many declined payments in a window, a
 * billing account (or a user) cannot try again until the window passes. The
 * count comes from the payments table, so it holds across restarts and
 * server processes.
 */
export const DECLINE_WINDOW_MS = 60 * 60 * 1000;
export const MAX_DECLINES_PER_ACCOUNT = 10;
export const MAX_DECLINES_PER_USER = 10;

export async function declineLimitReached(accountId: string, userId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - DECLINE_WINDOW_MS);
  const [byAccount, byUser] = await Promise.all([
    db.payment.count({ where: { billingAccountId: accountId, status: "FAILED", createdAt: { gte: since } } }),
    db.payment.count({ where: { userId, status: "FAILED", createdAt: { gte: since } } }),
  ]);
  return byAccount >= MAX_DECLINES_PER_ACCOUNT || byUser >= MAX_DECLINES_PER_USER;
}
