import "server-only";

const released = Symbol.for("azure-billing-portal.abortReasonStacks");

/**
 * Formats an abort reason's stack before the signal keeps it, so that the reason no longer holds
 * the frames it was created in.
 *
 * Why: V8 keeps a new Error's stack as structured frames until `.stack` is first read, and those
 * frames hold the objects they ran on. React aborts each render's cache signal with an Error when
 * the render ends (React 19.2's `cacheSignal`). On PostgreSQL a billing account's page ends its
 * render inside a `setImmediate` callback (its queries are real I/O), so that Error held the
 * `Immediate`, and a run `Immediate` still links to the ones queued after it, each holding its own
 * request's context. Under sustained load every response stayed reachable: the heap reached its
 * 256 MB cap after ~2,000 requests of the Invoices blade and the server died (docs/performance.md,
 * "a PostgreSQL server's memory under sustained load"; tests/reliability/postgresql/sustained-load.test.ts).
 * Reading `.stack` turns the frames into a string (a few microseconds once per render); the reason,
 * its message and its stack text are unchanged.
 */
export function releaseAbortReasonStacks(): void {
  const prototype = AbortController.prototype as AbortController & { [released]?: true };
  if (prototype[released]) return;
  const abort = prototype.abort;
  prototype.abort = function (this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
  prototype[released] = true;
}
