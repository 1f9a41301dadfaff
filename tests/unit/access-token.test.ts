import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";

import {
  ACCESS_TOKEN_TTL_SECONDS,
  accessTokenKey,
  issueAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  verifyAccessToken,
} from "@/features/access/access-token";

const KEY = accessTokenKey("unit-test-session-secret-unit-test-session-secret");
const OTHER_KEY = accessTokenKey("another-portal-secret-another-portal-secret-0000");
const NOW = new Date("2026-11-20T09:00:00Z");
const user = { id: "user-1", email: "admin@contoso.com", sessionVersion: 3 };

describe("access tokens", () => {
  it("are accepted for their user during their lifetime (the simulator clock)", async () => {
    const issued = await issueAccessToken(user, NOW, KEY);
    expect(issued.expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(await verifyAccessToken(issued.accessToken, NOW, KEY)).toEqual({
      ok: true,
      userId: "user-1",
      sessionVersion: 3,
    });
    const nearlyOver = new Date(NOW.getTime() + (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000);
    expect(await verifyAccessToken(issued.accessToken, nearlyOver, KEY)).toEqual({
      ok: true,
      userId: "user-1",
      sessionVersion: 3,
    });
  });

  it("expire", async () => {
    const issued = await issueAccessToken(user, NOW, KEY);
    const later = new Date(NOW.getTime() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await verifyAccessToken(issued.accessToken, later, KEY)).toEqual({ ok: false, reason: "expired" });
  });

  it("are refused when signed with another key, or altered", async () => {
    const forged = await issueAccessToken(user, NOW, OTHER_KEY);
    expect(await verifyAccessToken(forged.accessToken, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });

    const [header, , signature] = (await issueAccessToken(user, NOW, KEY)).accessToken.split(".");
    const otherPayload = Buffer.from(
      JSON.stringify({ sub: "someone-else", iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: 1, exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(await verifyAccessToken(`${header}.${otherPayload}.${signature}`, NOW, KEY)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it('refuses alg "none" and any algorithm but HS256', async () => {
    const unsecured = new UnsecuredJWT({})
      .setSubject("user-1")
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600)
      .encode();
    expect(await verifyAccessToken(unsecured, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });

    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("user-1")
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600)
      .sign(new Uint8Array(64).fill(7));
    expect(await verifyAccessToken(hs512, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a token for another audience or issuer, or without a subject", async () => {
    const sign = (claims: { iss?: string; aud?: string; sub?: string }) => {
      let jwt = new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt(Math.floor(NOW.getTime() / 1000))
        .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600);
      if (claims.iss) jwt = jwt.setIssuer(claims.iss);
      if (claims.aud) jwt = jwt.setAudience(claims.aud);
      if (claims.sub) jwt = jwt.setSubject(claims.sub);
      return jwt.sign(KEY);
    };
    for (const token of [
      await sign({ iss: TOKEN_ISSUER, aud: "https://graph.microsoft.com/", sub: "user-1" }),
      await sign({ iss: "https://login.microsoftonline.com/", aud: TOKEN_AUDIENCE, sub: "user-1" }),
      await sign({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE }),
      // No session version (sv): not one of ours.
      await sign({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: "user-1" }),
      "not.a.jwt",
      "",
    ])
      expect(await verifyAccessToken(token, NOW, KEY)).toEqual({ ok: false, reason: "invalid" });
  });

  it("uses a key derived from the session secret, not the secret itself", () => {
    const secret = "unit-test-session-secret-unit-test-session-secret";
    expect(Buffer.from(accessTokenKey(secret)).toString("utf8")).not.toContain(secret);
    expect(accessTokenKey(secret)).toEqual(KEY);
    expect(accessTokenKey(secret)).not.toEqual(OTHER_KEY);
  });
});
