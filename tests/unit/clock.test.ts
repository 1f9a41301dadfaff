import { afterEach, describe, expect, it, vi } from "vitest";

import { now } from "@/server/clock";

describe("now()", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns SIM_NOW when it is set", () => {
    expect(now({ SIM_NOW: "2026-11-20T09:00:00.000Z" }).toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(now({ SIM_NOW: "  2026-11-27T09:00:00Z \n" }).toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(now({ SIM_NOW: "2026-11-20T10:00:00+01:00" }).toISOString()).toBe("2026-11-20T09:00:00.000Z");
  });

  it("stays fixed: two calls give the same instant", () => {
    const env = { SIM_NOW: "2026-11-20T09:00:00.000Z" };
    expect(now(env).getTime()).toBe(now(env).getTime());
  });

  it("reads process.env by default", () => {
    vi.stubEnv("SIM_NOW", "2030-01-05T00:00:00.000Z");
    expect(now().toISOString()).toBe("2030-01-05T00:00:00.000Z");
  });

  it("explains an invalid SIM_NOW in one sentence naming the value", () => {
    expect(() => now({ SIM_NOW: "tomorrow" })).toThrow(
      new Error('SIM_NOW must be an ISO date-time such as 2026-11-27T09:00:00Z (got "tomorrow").'),
    );
    expect(() => now({ SIM_NOW: "2026-13-45T99:00:00Z" })).toThrow(
      /^SIM_NOW must be an ISO date-time .*\(got "2026-13-45T99:00:00Z"\)\.$/,
    );
  });

  it("is the real time when SIM_NOW is unset or blank", () => {
    for (const env of [{}, { SIM_NOW: "" }, { SIM_NOW: "   " }]) {
      const before = Date.now();
      const value = now(env).getTime();
      expect(value).toBeGreaterThanOrEqual(before);
      expect(value).toBeLessThanOrEqual(Date.now());
    }
  });

  it("follows the system clock when SIM_NOW is unset", () => {
    vi.stubEnv("SIM_NOW", undefined);
    vi.useFakeTimers({ now: new Date("2031-02-03T04:05:06.000Z") });
    expect(now().toISOString()).toBe("2031-02-03T04:05:06.000Z");
  });
});
