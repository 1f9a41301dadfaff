// What the proxy does to every ARM and identity request (src/lib/arm-manners.ts): provider paths in any
// case, ARM's request and correlation IDs, and which paths are JSON APIs exempt from the page rules.
import { describe, expect, it } from "vitest";

import { armTraceHeaders, canonicalArmPath, isApiPath, isArmPath } from "@/lib/arm-manners";

describe("canonicalArmPath", () => {
  it("spells provider namespaces and resource types as the routes do, names as sent", () => {
    expect(canonicalArmPath("/providers/microsoft.billing/billingaccounts")).toBe(
      "/providers/Microsoft.Billing/billingAccounts",
    );
    expect(canonicalArmPath("/providers/MICROSOFT.BILLING/BILLINGACCOUNTS/Ab:Cd_2019/INVOICES/G0123/DOWNLOAD")).toBe(
      "/providers/Microsoft.Billing/billingAccounts/Ab:Cd_2019/invoices/G0123/download",
    );
    expect(canonicalArmPath("/providers/microsoft.billing/billingAccounts/x/billingprofiles/P-1/invoices")).toBe(
      "/providers/Microsoft.Billing/billingAccounts/x/billingProfiles/P-1/invoices",
    );
  });

  it("leaves the routes' own spelling and other namespaces alone", () => {
    expect(canonicalArmPath("/providers/Microsoft.Billing/billingAccounts")).toBeNull();
    expect(canonicalArmPath("/providers/microsoft.compute/virtualmachines")).toBeNull();
  });
});

describe("armTraceHeaders", () => {
  it("answers a new request ID and echoes the client's correlation ID", () => {
    const headers = armTraceHeaders(
      new Headers({ "x-ms-correlation-request-id": "6f1d2c3b-aaaa-4bbb-8ccc-0123456789ab" }),
    );
    expect(headers["x-ms-correlation-request-id"]).toBe("6f1d2c3b-aaaa-4bbb-8ccc-0123456789ab");
    expect(headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(armTraceHeaders(new Headers())["x-ms-request-id"]).not.toBe(headers["x-ms-request-id"]);
  });

  it("does not echo a correlation ID that could smuggle anything into the answer", () => {
    const headers = armTraceHeaders(new Headers({ "x-ms-correlation-request-id": "a b<script>" }));
    expect(headers["x-ms-correlation-request-id"]).toBe(headers["x-ms-request-id"]);
  });
});

describe("isApiPath / isArmPath", () => {
  it("knows the identity endpoints Microsoft's clients post to (no cookie, so no same-origin write check)", () => {
    for (const path of [
      "/oauth2/token",
      "/adfs/oauth2/token",
      "/adfs/.well-known/openid-configuration",
      "/5f0c1a2e-7b3d-4c8e-9a1f-2d3c4b5a6e7f/oauth2/v2.0/token",
      "/organizations/v2.0/.well-known/openid-configuration",
      "/metadata/endpoints",
      "/subscriptions",
      "/tenants",
      "/providers/microsoft.billing/billingaccounts",
    ])
      expect(isApiPath(path), path).toBe(true);
    for (const path of ["/billing/x/invoices", "/signin", "/a/oauth2/v2.0/token/extra", "/subscriptionsx"])
      expect(isApiPath(path), path).toBe(false);
    expect(isArmPath("/subscriptions")).toBe(true);
    expect(isArmPath("/adfs/oauth2/token")).toBe(false);
  });
});
