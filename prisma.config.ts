import path from "node:path";

import { defineConfig } from "prisma/config";

import { databaseUrl } from "./src/server/db/url";

// Used by the Prisma CLI (generate). Migrations are applied by
// scripts/db-migrate.ts with the WebAssembly schema engine, which needs no download.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: databaseUrl() },
});
