/**
 * Where to go after signing in. Only a path on this site is accepted — an
 * absolute URL, a protocol-relative "//host" or a backslash trick falls back
 * to the home page, so the sign-in page cannot be used as an open redirect.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(value)) return "/";
  try {
    const parsed = new URL(value, "http://portal.invalid");
    if (parsed.origin !== "http://portal.invalid") return "/";
    if (parsed.pathname.startsWith("/signin")) return "/";
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return "/";
  }
}
