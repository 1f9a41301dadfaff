/**
 * A cross-site request carries another site's Origin; the browser's own
 * requests carry ours or none. An Origin that is not a URL ("null" from a
 * sandboxed frame, say) counts as foreign. No imports: the proxy uses it too.
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
