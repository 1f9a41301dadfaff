// Runs `prisma generate` offline, for both engines: prisma/schema.prisma (SQLite)
// and its PostgreSQL variant (src/server/db/postgresql-schema.mjs), each into its own
// client under src/generated/. The Prisma CLI wants a native schema engine
// before generate, which it would download; generate never runs it, so any
// existing executable satisfies the check (see shared stack notes).
import { spawnSync } from "node:child_process";

import { writePostgresqlSchema } from "../src/server/db/postgresql-schema.mjs";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const schemaArgs of [[], ["--schema", writePostgresqlSchema()]]) {
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", ...schemaArgs], {
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
