/**
 * Runs once when a server starts (Next's instrumentation hook), before it
 * serves: abort reasons that let go of their stack frames (abort-reasons.ts),
 * warnings about a shared deployment, the payments reconciler, and — when the
 * control API is on (SIM_CONTROL_TOKEN) — the sweep of idle worlds.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { releaseAbortReasonStacks } = await import("@/server/abort-reasons");
  releaseAbortReasonStacks();
  const { sharedDeploymentWarnings } = await import("@/server/deployment");
  for (const warning of sharedDeploymentWarnings()) console.warn(warning);
  const { startPaymentReconciler } = await import("@/features/payments/reconciler");
  startPaymentReconciler();
  const { controlToken, controlTokenWarning } = await import("@/features/worlds/control-access");
  const warning = controlTokenWarning();
  if (warning) console.warn(`WARNING: ${warning}`);
  if (controlToken()) {
    const { startWorldSweeper } = await import("@/features/worlds/expiry");
    startWorldSweeper();
  }
}
