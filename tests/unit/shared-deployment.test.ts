import { describe, expect, it } from "vitest";

import { leaseExpired, paymentLeaseExpiresAt } from "@/features/payments/lease";
import { sharedDeploymentWarnings } from "@/server/deployment";

describe("sharedDeploymentWarnings", () => {
  it("warns when PostgreSQL runs without a shared SESSION_SECRET", () => {
    const warnings = sharedDeploymentWarnings({ DATABASE_URL: "postgresql://u:p@db:5432/portal" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: .*SESSION_SECRET/);
  });

  it("is quiet with a SESSION_SECRET, on SQLite, and with no DATABASE_URL", () => {
    expect(sharedDeploymentWarnings({ DATABASE_URL: "postgres://db/portal", SESSION_SECRET: "x".repeat(32) })).toEqual(
      [],
    );
    expect(sharedDeploymentWarnings({ DATABASE_URL: "file:/tmp/portal.db" })).toEqual([]);
    expect(sharedDeploymentWarnings({})).toEqual([]);
  });
});

describe("payment leases", () => {
  it("outlast the payment timeout by the margin", () => {
    const saved = { timeout: process.env.PAYMENT_TIMEOUT_MS, margin: process.env.PAYMENT_LEASE_MARGIN_MS };
    process.env.PAYMENT_TIMEOUT_MS = "15000";
    process.env.PAYMENT_LEASE_MARGIN_MS = "10000";
    try {
      expect(paymentLeaseExpiresAt(1_000).getTime()).toBe(26_000);
    } finally {
      for (const [name, value] of [
        ["PAYMENT_TIMEOUT_MS", saved.timeout],
        ["PAYMENT_LEASE_MARGIN_MS", saved.margin],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  it("expire at their time, and a payment without one counts as expired", () => {
    expect(leaseExpired({ leaseExpiresAt: new Date(2_000) }, 1_999)).toBe(false);
    expect(leaseExpired({ leaseExpiresAt: new Date(2_000) }, 2_000)).toBe(true);
    expect(leaseExpired({ leaseExpiresAt: null }, 0)).toBe(true);
  });
});
