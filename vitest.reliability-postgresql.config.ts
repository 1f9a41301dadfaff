import { defineConfig } from "vitest/config";

import { resolveAliases } from "./vitest.config";

/**
 * Several `next start` servers on one PostgreSQL database (tests/reliability/postgresql/),
 * and the SQLite reliability suite (tests/reliability/server/) again on PostgreSQL, after the
 * build: each file creates throwaway databases on TEST_POSTGRES_URL's server and drops them.
 * `npm test` runs it when that server answers (in CI it must).
 *
 *   npx vitest run --config vitest.reliability-postgresql.config.ts
 */
export default defineConfig({
  resolve: resolveAliases,
  test: {
    name: "reliability-postgresql",
    environment: "node",
    include: ["tests/reliability/postgresql/**/*.test.ts", "tests/reliability/server/**/*.test.ts"],
    env: { TEST_ENGINE: "postgresql" },
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
