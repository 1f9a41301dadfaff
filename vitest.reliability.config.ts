import { defineConfig } from "vitest/config";

import { resolveAliases } from "./vitest.config";

/**
 * The reliability suite against production servers (tests/reliability/server/):
 * it needs `next build` first, so `npm test` runs it after the build, apart from
 * `vitest run` (vitest.config.ts excludes it). One file, one worker, in order.
 *
 *   npx vitest run --config vitest.reliability.config.ts
 */
export default defineConfig({
  resolve: resolveAliases,
  test: {
    name: "reliability",
    environment: "node",
    include: ["tests/reliability/server/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
