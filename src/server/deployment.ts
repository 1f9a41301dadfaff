import "server-only";

import { databaseEngine } from "./db/url";

/**
 * What a server says at start when it is likely one of several: on PostgreSQL
 * every server must seal session cookies with the same SESSION_SECRET, or a
 * user signed in on one server is signed out by the next request the load
 * balancer sends to another. Without SESSION_SECRET each checkout generates
 * its own (.session-secret), which only servers started from the same folder share.
 */
export function sharedDeploymentWarnings(env: Record<string, string | undefined> = process.env): string[] {
  const warnings: string[] = [];
  let engine: string;
  try {
    engine = databaseEngine(env.DATABASE_URL?.trim() || "file:");
  } catch {
    return warnings; // an unusable DATABASE_URL is reported by the database itself
  }
  if (engine === "postgresql" && !env.SESSION_SECRET?.trim())
    warnings.push(
      "WARNING: DATABASE_URL is PostgreSQL (several servers, likely) but SESSION_SECRET is not set: each server then seals sessions with its own key and users are signed out when the load balancer switches servers. Set the same SESSION_SECRET (32+ characters) on every server.",
    );
  return warnings;
}
