import "server-only";

import { db } from "./db";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable"; migration: string | null };

export async function databaseHealth(): Promise<Health> {
  try {
    // _prisma_migrations is Prisma's own table, the same on every database it supports.
    const rows = await db.$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`;
    return { status: "ok", database: "ok", migration: rows[0]?.migration_name ?? null };
  } catch {
    return { status: "unavailable", database: "unreachable", migration: null };
  }
}
