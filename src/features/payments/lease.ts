import "server-only";

/**
 * How long a server may take to settle a payment it recorded, and after which
 * another server may settle (or abandon) it instead. Real time on purpose, not
 * the simulator's clock (SIM_NOW freezes that): a lease is about processes.
 * And the database's real time, not each server's (databaseNow): the lease is
 * written by one server and judged by another, and two hosts' clocks may
 * differ by more than the margin below — one running ahead would abandon a
 * payment its owner is still waiting on.
 *
 * The lease outlasts the payment timeout (the longest a request waits for the
 * processor) by PAYMENT_LEASE_MARGIN_MS, so a live server is never overtaken
 * while it still waits; a late charge after that is refused by the processor,
 * because abandoning writes to the processor's ledger first.
 */

/** How long Pay now waits for the processor before telling the user the payment is being checked. */
export function paymentTimeoutMs(): number {
  return Number(process.env.PAYMENT_TIMEOUT_MS ?? 15_000);
}

function leaseMarginMs(): number {
  return Number(process.env.PAYMENT_LEASE_MARGIN_MS ?? 10_000);
}

/** The lease of a payment recorded at `from` (ms, the database's clock: databaseNow inside its transaction). */
export function paymentLeaseExpiresAt(from: number): Date {
  return new Date(from + paymentTimeoutMs() + leaseMarginMs());
}

/**
 * Whether no live server can still be settling this payment itself (no lease: recorded before leases
 * existed), at `at` (ms, the database's clock, like the lease).
 */
export function leaseExpired(payment: { leaseExpiresAt: Date | null }, at: number): boolean {
  return payment.leaseExpiresAt === null || payment.leaseExpiresAt.getTime() <= at;
}

/** The processor's answer, or a rejection after `ms` (the payment then stays PENDING: pay-invoice.ts). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
