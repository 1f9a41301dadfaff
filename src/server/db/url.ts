import path from "node:path";

import { dataDir } from "../data-dir";

/**
 * Where the database lives. `DATABASE_URL` wins; the default is the embedded
 * SQLite file under the repo's data/ folder (ignored by git). A
 * `postgresql://` (or `postgres://`) URL runs the portal on PostgreSQL instead.
 * Shared by the app, the CLI config and the scripts, so it must not import
 * `server-only` (scripts run outside the React server environment).
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) return fromEnv;
  return `file:${path.join(dataDir(env), "portal.db")}`;
}

/** The two engines the portal runs on: the embedded default and the shared one. */
export type DatabaseEngine = "sqlite" | "postgresql";

export function databaseEngine(url: string = databaseUrl()): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be an SQLite file URL (file:…) or a PostgreSQL URL (postgresql://…), not "${url.split(":")[0]}:".`,
  );
}

/** The file path behind a `file:` URL, made absolute against the working directory. */
export function databaseFile(url: string = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`Only SQLite file URLs name a file (got "${url.split(":")[0]}:").`);
  }
  const raw = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  return path.resolve(process.cwd(), raw);
}

/** How a database is named in messages: its file, or its PostgreSQL URL without the password. */
export function databaseLabel(url: string = databaseUrl()): string {
  if (databaseEngine(url) === "sqlite") return databaseFile(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
