// The production server's Node flags: scripts/lib/launch-server.mjs starts every `next start`
// with them (`npm start`, the e2e servers, the reliability suite, `npm run bench`), so what is
// tested and measured is what runs.
//
// V8 sizes its heap from the machine's memory and, under load, lets the old space grow
// to several times what is live before a full collection: 600–800 MB of RSS under the
// benchmark for ~55 MB of live objects (docs/performance.md). Two flags bound that:
//   --max-old-space-size=256  the old space stops growing at 256 MB (≈4.5× the live set);
//   --max-semi-space-size=32  a young generation twice the default, so a request's
//                             short-lived objects die young instead of being promoted and
//                             filling the capped old space (without it, the cap alone cost
//                             ~40% more CPU per request in full collections).
// And glibc's malloc keeps up to 8 arenas per core for V8's and libuv's threads, each
// holding freed memory: MALLOC_ARENA_MAX=2 returns ~50 MB of peak RSS under the bench.
// Measured together: peak RSS ~350–400 MB instead of ~750 under the bench, at the cost of
// more time in garbage collection (most on the grid, which allocates the most).
export const serverNodeFlags = ["--max-old-space-size=256", "--max-semi-space-size=32"];
export const serverEnv = { MALLOC_ARENA_MAX: "2" };

// Loaded into every production server whatever its other flags (launch-server.mjs puts it first, so a
// bench run with BENCH_NODE_OPTIONS keeps it): forwarded headers are believed only from TRUSTED_PROXIES,
// and the app learns the socket's address (scripts/forwarded-headers.mjs).
export const serverPreloadFlags = ["--import", new URL("./forwarded-headers.mjs", import.meta.url).href];

// With HTTPS_PORT set, the same server also answers over TLS on that port (scripts/https-listener.mjs:
// the local CA's certificate, no proxy hop). Decided by the server's own environment, so every launcher
// (npm start, the reliability suite) gets it the same way.
/** @param {NodeJS.ProcessEnv} env the server's environment */
export const httpsPreloadFlags = (env) =>
  env.HTTPS_PORT ? ["--import", new URL("./https-listener.mjs", import.meta.url).href] : [];
