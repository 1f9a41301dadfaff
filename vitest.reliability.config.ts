import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The reliability suite against production servers (tests/reliability/server/):
 * it needs `next build` first, so `npm test` runs it after the build, apart from
 * `vitest run` (vitest.config.ts excludes it). One file, one worker, in order.
 *
 *   npx vitest run --config vitest.reliability.config.ts
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.join(root, "src")}/` },
      { find: /^server-only$/, replacement: path.join(root, "node_modules", "server-only", "empty.js") },
    ],
  },
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
