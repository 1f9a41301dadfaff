import path from "node:path";

/**
 * The one folder the portal writes at run time: the default SQLite database, the generated secrets
 * (`.session-secret`, `.card-fingerprint-key`) and the local CA. DATA_DIR when set (relative to the working
 * directory), else `./data`; so the application folder itself can be read-only (a container image, a read-only
 * install) when DATA_DIR points at a writable volume. No `server-only`: the scripts use it too.
 */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.DATA_DIR?.trim() || "data");
}
