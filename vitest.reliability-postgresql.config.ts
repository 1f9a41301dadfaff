import { defineConfig } from "vitest/config";

import { resolveAliases } from "./vitest.config";

/**
 * Several `next start` servers on one PostgreSQL database (tests/reliability/postgresql/),
 * after the build: each case creates a throwaway database on TEST_POSTGRES_URL's server
 * and drops it. `npm test` runs it when that server answers (in CI it must).
 *
 *   npx vitest run --config vitest.reliability-postgresql.config.ts
 */
export default defineConfig({
  resolve: resolveAliases,
  test: {
    name: "reliability-postgresql",
    environment: "node",
    include: ["tests/reliability/postgresql/**/*.test.ts"],
    env: { TEST_ENGINE: "postgresql" },
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
