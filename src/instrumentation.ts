/**
 * Runs once when a server starts (Next's instrumentation hook), before it
 * serves: warnings about a shared deployment, and the payments reconciler.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { sharedDeploymentWarnings } = await import("@/server/deployment");
  for (const warning of sharedDeploymentWarnings()) console.warn(warning);
  const { startPaymentReconciler } = await import("@/features/payments/reconciler");
  startPaymentReconciler();
}
