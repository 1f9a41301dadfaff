import "server-only";

import { createPrismaClient, type Db } from "./client";

// One client per server process; the dev server's reloads would otherwise open a new one each time.
const globalForDb = globalThis as unknown as { portalDb?: Db };

export const db: Db = globalForDb.portalDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

export { sqlReader } from "./client";
export type { Db, Tx } from "./client";
