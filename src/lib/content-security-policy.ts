/**
 * The portal's Content-Security-Policy. Scripts: only this origin's files and
 * the inline scripts Next writes into a page (bootstrap, RSC payload), which
 * carry the request's nonce — no 'unsafe-inline' (review finding 8). The
 * proxy (src/proxy.ts) makes a nonce per request and Next adds it to every
 * script it renders; 'strict-dynamic' lets those scripts load the page's
 * chunks. Every portal page renders per request (session, roles, clock), so
 * no page loses static rendering to the nonce. Styles keep 'unsafe-inline':
 * React writes style attributes, which a nonce cannot cover, and styles cannot
 * run code. Nothing may frame the portal, post a form elsewhere, load plugins
 * or connect to another origin. `next dev` also needs 'unsafe-eval' (React's
 * dev tools) and its websocket.
 *
 * Without a nonce (static files, the favicon: responses that never hold an
 * inline script) the policy allows this origin's scripts only.
 */
export function contentSecurityPolicy(nonce?: string, dev = process.env.NODE_ENV === "development"): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
