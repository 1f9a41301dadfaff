import path from "node:path";

/**
 * Where the embedded SQLite database lives. `DATABASE_URL` wins; the default
 * is a file under the repo's data/ folder (ignored by git).
 * Shared by the app, the CLI config and the scripts, so it must not import
 * `server-only` (scripts run outside the React server environment).
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) return fromEnv;
  return `file:${path.join(process.cwd(), "data", "portal.db")}`;
}

/** The file path behind a `file:` URL, made absolute against the working directory. */
export function databaseFile(url: string = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`Only SQLite file URLs are supported (got "${url.split(":")[0]}:").`);
  }
  const raw = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  return path.resolve(process.cwd(), raw);
}
