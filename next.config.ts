import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { contentSecurityPolicy } from "./src/lib/content-security-policy";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // The catalogs' ICU messages are compiled at build time (next-intl's catalog loader): a page
    // formats them without parsing them again on every request, and the browser gets no parser.
    messages: { path: "./src/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** Sent with every response: pages, route handlers, static files, errors. */
const securityHeaders = [
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
    return [
      { source: "/:path*", headers: securityHeaders },
      // The responses src/proxy.ts does not see (its matcher skips them) get the policy without a nonce;
      // every other response gets it from the proxy, with the request's nonce.
      {
        source: "/:path(_next/static/.*|_next/image.*|favicon\\.ico)",
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }],
      },
    ];
  },
  experimental: {
    // Next.js buffers the body of every request src/proxy.ts sees (all but static files), up to this size,
    // before the route runs; past it the rest is read and dropped. 10 MB by default: eight uploads at once
    // held 80 MB. Over 1 MB no request of ours is valid (server actions refuse it; the token endpoint and JSON
    // routes refuse over 16 KiB, src/server/request-body.ts); 2 MB keeps a whole chunk past that limit, so a
    // cut body still reads as too large, never as a shorter valid one.
    proxyClientMaxBodySize: "2mb",
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
