import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

/** The shortest SIM_CONTROL_TOKEN the control API accepts: a shorter one leaves the API off. */
export const MIN_CONTROL_TOKEN_LENGTH = 32;

/** The control API's token, or null when the API is off (no SIM_CONTROL_TOKEN, or one too short to be safe). */
export function controlToken(env: Record<string, string | undefined> = process.env): string | null {
  const token = env.SIM_CONTROL_TOKEN?.trim();
  return token && token.length >= MIN_CONTROL_TOKEN_LENGTH ? token : null;
}

/** The start-up warning for a token that is set but too short (the API then stays off). */
export function controlTokenWarning(env: Record<string, string | undefined> = process.env): string | null {
  const token = env.SIM_CONTROL_TOKEN?.trim();
  return token && token.length < MIN_CONTROL_TOKEN_LENGTH
    ? `SIM_CONTROL_TOKEN is shorter than ${MIN_CONTROL_TOKEN_LENGTH} characters: the /api/sim/ control API stays off.`
    : null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

const json = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store", ...headers } });

/**
 * The control API's gate, before anything else is read: without SIM_CONTROL_TOKEN
 * the routes do not exist (404, as any unknown path); otherwise the request must
 * carry `Authorization: Bearer <that token>` (401 if not). Only the header
 * counts — a portal session cookie opens nothing here. The comparison is of two
 * SHA-256 digests in constant time, so neither the token nor its length leaks
 * through timing. Returns the refusal, or null to go on.
 */
export function controlRefusal(
  request: Request,
  env: Record<string, string | undefined> = process.env,
): Response | null {
  const token = controlToken(env);
  if (!token) return json(404, "NotFound", "This page could not be found.");
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (match && timingSafeEqual(digest(match[1]), digest(token))) return null;
  return json(401, "Unauthorized", "The control API needs Authorization: Bearer <SIM_CONTROL_TOKEN>.", {
    "WWW-Authenticate": 'Bearer realm="sim"',
  });
}
