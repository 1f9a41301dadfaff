import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const dev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy of every response. Scripts and styles come from this
 * origin only; nothing may frame the portal, post a form elsewhere, load
 * plugins or connect to another origin.
 *
 * script-src keeps 'unsafe-inline' for the inline scripts Next writes into
 * every page (the RSC payload, bootstrap). Nonces (set per request in
 * src/proxy.ts) would remove it, but they only reach the pages the proxy
 * handles, and make every header depend on the proxy running; this portal's
 * protection against injected markup is React's escaping of all data, which
 * tests/reliability checks with <script> in card holder names, invoice
 * searches, receipts and PDFs. The CSP is the second line: no foreign script
 * source, no framing (frame-ancestors 'none'), no <base> hijack, no form
 * posting or fetching to another origin. `next dev` also needs 'unsafe-eval'
 * (React's dev tools) and its websocket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Sent with every response: pages, route handlers, static files, errors. */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // URLs name billing accounts and invoices: never send them to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // Every portal page is per-user and per-request (session, roles, the
  // simulator clock), so the portal renders dynamically; Cache Components'
  // prerendering would buy nothing here and complicate every page.
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pdf-lib"],
  turbopack: {
    rules: {
      "*.css": {
        loaders: ["@tailwindcss/turbopack"],
        as: "*.css",
      },
    },
  },
};

export default withNextIntl(nextConfig);
