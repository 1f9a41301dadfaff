import { configDefaults, defineConfig } from "vitest/config";

import { resolveAliases } from "./vitest.config";

/**
 * The integration tests again, on PostgreSQL: each test file gets a database
 * of its own on TEST_POSTGRES_URL's server (default
 * postgresql://postgres:postgres@127.0.0.1:5432/postgres), created in beforeAll
 * and dropped in afterAll (tests/support/test-db.ts). `npm test` runs it when
 * that server answers (in CI it must); on its own:
 *
 *   npx vitest run --config vitest.postgresql.config.ts
 *
 * Left out: the tests of SQLite files themselves (db-setup's file checks, the
 * per-file paths of test-db);
 * tests/integration/postgresql/ holds their PostgreSQL counterparts (migrations,
 * the migration lock, db:setup). The hostile-input properties
 * (tests/reliability/hostile-input) run here too: on PostgreSQL they count writes with triggers.
 */
export const sqliteOnly = ["tests/integration/db-setup/**", "tests/integration/test-db.test.ts"];

export default defineConfig({
  resolve: resolveAliases,
  test: {
    name: "node-postgresql",
    environment: "node",
    include: ["tests/integration/**/*.test.ts", "tests/reliability/hostile-input/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...sqliteOnly],
    setupFiles: ["tests/support/setup-node.ts", "tests/support/setup-next.ts"],
    env: { TEST_ENGINE: "postgresql" },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
