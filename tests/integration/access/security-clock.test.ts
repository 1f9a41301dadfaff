// Security runs on real time: with SIM_NOW fixed (as the README suggests for demos), a bearer token still
// expires an hour of real time after it was issued. Real time is this file's faked Date, moved by hand.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { POST as tokenEndpoint } from "@/app/oauth2/token/route";
import { ACCESS_TOKEN_TTL_SECONDS } from "@/features/access/access-token";
import { bearerUser } from "@/features/access/bearer";

import { useTestDatabase as migratedTestDatabase, TEST_NOW } from "../../support/test-db";

const testDb = migratedTestDatabase({ seed: false });

beforeAll(async () => {
  process.env.SESSION_SECRET = "security-clock-test-session-secret-0123456789";
  process.env.SIM_NOW = TEST_NOW.toISOString();
  await testDb.db.user.create({
    data: {
      id: "clock-user",
      email: "clock@contoso.test",
      displayName: "C",
      passwordHash: bcrypt.hashSync("Passw0rd!", 4),
    },
  });
});
afterAll(() => {
  vi.useRealTimers();
  delete process.env.SESSION_SECRET;
  delete process.env.SIM_NOW;
});

async function issueToken(): Promise<{ access_token: string; expires_on: number }> {
  const answer = await tokenEndpoint(
    new Request("http://127.0.0.1:3000/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", username: "clock@contoso.test", password: "Passw0rd!" }),
    }),
  );
  expect(answer.status).toBe(200);
  return answer.json();
}

const withBearer = (token: string) =>
  new Request("http://127.0.0.1:3000/providers/Microsoft.Billing/billingAccounts", {
    headers: { authorization: `Bearer ${token}` },
  });

describe("token lifetimes on real time, with SIM_NOW fixed", () => {
  it("a token is issued for an hour from the real time, and refused as expired once that hour has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const issuedAt = Date.parse("2027-03-01T12:00:00Z"); // months after SIM_NOW
    vi.setSystemTime(issuedAt);
    const token = await issueToken();
    expect(token.expires_on).toBe(issuedAt / 1000 + ACCESS_TOKEN_TTL_SECONDS);
    expect((await bearerUser(withBearer(token.access_token))).kind).toBe("user");

    vi.setSystemTime(issuedAt + (ACCESS_TOKEN_TTL_SECONDS - 60) * 1000);
    expect((await bearerUser(withBearer(token.access_token))).kind).toBe("user");
    vi.setSystemTime(issuedAt + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await bearerUser(withBearer(token.access_token))).toEqual({ kind: "invalid", reason: "expired" });
    // Weeks later, SIM_NOW still where it was: still expired.
    vi.setSystemTime(issuedAt + 21 * 24 * 60 * 60 * 1000);
    expect(await bearerUser(withBearer(token.access_token))).toEqual({ kind: "invalid", reason: "expired" });
  });
});
