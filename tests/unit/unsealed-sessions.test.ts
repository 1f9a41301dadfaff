// The session cookie's unseal, kept per exact sealed value (unsealing cost ~7% of an empty page's CPU).
import { sealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";

import { sealExpiry, unsealSession } from "@/features/access/unsealed-sessions";

const password = "a-test-password-of-at-least-32-characters!";
const other = "another-password-of-at-least-32-characters";

afterEach(() => {
  vi.useRealTimers();
});

describe("unsealSession", () => {
  it("reads a seal, then the same seal again from what it kept", async () => {
    const seal = await sealData({ userId: "u1", sessionVersion: 2 }, { password, ttl: 3600 });
    expect(await unsealSession(seal, { password, ttl: 3600 })).toEqual({ userId: "u1", sessionVersion: 2 });
    expect(await unsealSession(seal, { password, ttl: 3600 })).toEqual({ userId: "u1", sessionVersion: 2 });
  });

  it("reads a tampered seal, or one sealed with another password, as no session", async () => {
    const seal = await sealData({ userId: "u1" }, { password, ttl: 3600 });
    const parts = seal.split("*");
    parts[4] = `${parts[4].slice(0, -2)}AA`;
    expect(await unsealSession(parts.join("*"), { password, ttl: 3600 })).toEqual({});
    const foreign = await sealData({ userId: "u1" }, { password: other, ttl: 3600 });
    expect(await unsealSession(foreign, { password, ttl: 3600 })).toEqual({});
  });

  it("stops trusting a kept seal once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-20T09:00:00Z"));
    const seal = await sealData({ userId: "u2" }, { password, ttl: 120 });
    expect(await unsealSession(seal, { password, ttl: 120 })).toEqual({ userId: "u2" });
    vi.setSystemTime(new Date("2026-11-20T09:10:00Z"));
    expect(await unsealSession(seal, { password, ttl: 120 })).toEqual({});
  });
});

describe("sealExpiry", () => {
  it("reads the expiry iron wrote into the seal", async () => {
    const before = Date.now();
    const seal = await sealData({ userId: "u1" }, { password, ttl: 3600 });
    const expiry = sealExpiry(seal)!;
    expect(expiry).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expiry).toBeLessThan(before + 3600_000 + 60_000);
    expect(sealExpiry("not-a-seal")).toBeNull();
  });
});
