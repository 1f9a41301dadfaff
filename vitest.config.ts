import path from "node:path";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/** `@/` → src/, and `server-only` → its empty module; shared with vitest.reliability.config.ts. */
export const resolveAliases = {
  alias: [
    { find: /^@\//, replacement: `${path.join(root, "src")}/` },
    { find: /^server-only$/, replacement: path.join(root, "node_modules", "server-only", "empty.js") },
  ],
};

/**
 * Two projects:
 * - "node": tests/**\/*.test.ts — unit and integration tests (server code, Prisma on a throwaway SQLite file).
 * - "dom":  tests/**\/*.test.tsx — React components under jsdom with @testing-library/jest-dom matchers.
 *
 * `server-only` is aliased to its empty module so server modules can be imported
 * (Next resolves it with the react-server condition; vitest does not).
 */
export default defineConfig({
  resolve: resolveAliases,
  test: {
    // 2 cores: one fork per core. Each test file still runs in its own isolated module graph.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          // Against production servers, after the build: vitest.reliability.config.ts (npm test runs it).
          // tests/integration/postgresql: PostgreSQL only (vitest.postgresql.config.ts).
          exclude: [...configDefaults.exclude, "tests/reliability/server/**", "tests/integration/postgresql/**"],
          // setup-node: DATABASE_URL → a per-file throwaway SQLite path, before any test module is imported.
          // setup-next: next/headers, next/navigation, next/cache and next-intl/server → tests/support doubles.
          setupFiles: ["tests/support/setup-node.ts", "tests/support/setup-next.ts"],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["tests/**/*.test.tsx"],
          setupFiles: ["tests/support/setup-dom.ts", "tests/support/setup-next.ts"],
        },
      },
    ],
  },
});
