import "server-only";

import { createHmac, randomUUID } from "node:crypto";

import { errors, jwtVerify, SignJWT } from "jose";

import { sessionSecret } from "@/server/secret";

/**
 * Bearer tokens for scripts and SDKs (POST /oauth2/token, then
 * `Authorization: Bearer …` on the ARM routes): a JWT signed with HS256 by a
 * key derived from the session secret, so whoever can seal session cookies can
 * sign tokens and nobody else; restarting with the same secret keeps tokens
 * valid, rotating it revokes them all. Only HS256 is accepted on the way in
 * (no "none", no algorithm chosen by the token).
 */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
export const TOKEN_ISSUER = "azure-billing-portal-sim";
/** ARM's resource identifier, the audience Azure AD puts in management tokens. */
export const TOKEN_AUDIENCE = "https://management.azure.com/";
const ALGORITHM = "HS256";

/** A key of its own for tokens, derived from the session secret (never the secret itself). */
export function accessTokenKey(secret: string = sessionSecret()): Uint8Array {
  return new Uint8Array(createHmac("sha256", secret).update("azure-billing-sim/arm-access-token/v1").digest());
}

export type IssuedToken = { accessToken: string; expiresIn: number; expiresOn: number };

/** A token for a user, valid from `now` (the real time: securityNow, never SIM_NOW) for an hour. */
export async function issueAccessToken(
  user: { id: string; email: string; sessionVersion: number },
  now: Date,
  key: Uint8Array = accessTokenKey(),
): Promise<IssuedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresOn = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  // sv: the user's session version, so "sign out everywhere" (endAllSessions) revokes tokens too.
  const accessToken = await new SignJWT({ upn: user.email, sv: user.sessionVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(expiresOn)
    .setJti(randomUUID())
    .sign(key);
  return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, expiresOn };
}

export type TokenCheck =
  | { ok: true; userId: string; sessionVersion: number; tenantId?: string }
  | { ok: false; reason: "expired" | "invalid" };

/** Checks signature, algorithm, issuer, audience and lifetime against `now` (the real time: securityNow). */
export async function verifyAccessToken(
  token: string,
  now: Date,
  key: Uint8Array = accessTokenKey(),
): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: now,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const sessionVersion = payload.sv;
    if (typeof payload.sub !== "string" || !payload.sub) return { ok: false, reason: "invalid" };
    if (typeof sessionVersion !== "number" || !Number.isSafeInteger(sessionVersion))
      return { ok: false, reason: "invalid" };
    // tid: the directory of an app's token (client-credentials.ts); the bearer check holds it to the app's world.
    if (payload.tid !== undefined && typeof payload.tid !== "string") return { ok: false, reason: "invalid" };
    return { ok: true, userId: payload.sub, sessionVersion, ...(payload.tid ? { tenantId: payload.tid } : {}) };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
