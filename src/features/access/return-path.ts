/**
 * Where to go after signing in. Only a path on this site is accepted — an
 * absolute URL, a protocol-relative "//host" or a backslash trick falls back
 * to the home page, so the sign-in page cannot be used as an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2048) return "/";
  if (!isSitePath(value)) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const parsed = new URL(value, "http://portal.invalid");
    if (parsed.origin !== "http://portal.invalid") return "/";
    // Resolving dot segments can turn "/..//evil.com" into "//evil.com", which a
    // browser reads as another host: check the result, not only the input.
    if (!isSitePath(parsed.pathname)) return "/";
    if (parsed.pathname === "/signin" || parsed.pathname.startsWith("/signin/")) return "/";
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return "/";
  }
}

/** A path starting with one "/" and not "//" or "/\" (both mean "another host" to browsers). */
function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
}
