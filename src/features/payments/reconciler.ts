import "server-only";

import { reconcilePendingPayments } from "./settle-payment";

/**
 * Each server's background reconciler: every few seconds it settles the
 * PENDING payments whose answer the processor has (a request that timed out,
 * a server that died after the charge) and abandons those whose lease has
 * expired without a charge — so no payment waits for a retry or a restart.
 * Every server runs one; they cannot settle a payment twice (settle-payment.ts).
 *
 * PAYMENT_RECONCILE_INTERVAL_MS: default 5000; 0 turns it off (tests that
 * watch a payment stay PENDING).
 */
export function startPaymentReconciler(intervalMs = Number(process.env.PAYMENT_RECONCILE_INTERVAL_MS ?? 5_000)): {
  stop: () => void;
} {
  if (!(intervalMs > 0)) return { stop: () => {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow pass (many payments, a slow database) is not stacked up
    running = true;
    reconcilePendingPayments()
      .then(({ settled, failed }) => {
        if (settled) console.log(`Reconciler: settled ${settled} pending payment(s).`);
        // The payment's ID and the error's first line only: what to look for, and no card data.
        for (const failure of failed)
          console.error(`Reconciler: payment ${failure.paymentId} could not be reconciled: ${failure.error}`);
      })
      .catch((error: unknown) => {
        console.error(`Reconciler: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref(); // never keeps a stopping server alive
  return { stop: () => clearInterval(timer) };
}
