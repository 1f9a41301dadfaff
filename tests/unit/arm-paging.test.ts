import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { checkApiVersion, DOWNLOAD_API_VERSIONS, READ_API_VERSIONS } from "@/features/arm/api-version";
import { decodeSkipToken, encodeSkipToken, nextLinkFor, parsePeriodDate } from "@/features/arm/paging";

describe("skip tokens", () => {
  it("round-trips any invoice position", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/),
        (invoiceDate, id) => {
          expect(decodeSkipToken(encodeSkipToken({ invoiceDate, id }))).toEqual({ invoiceDate, id });
        },
      ),
    );
  });

  it("refuses what it did not issue", () => {
    const forged = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    for (const token of [
      "",
      "not base64!",
      "x".repeat(300),
      forged({ d: "yesterday", i: "G01" }),
      forged({ d: "2026-01-01T00:00:00.000Z", i: "G01'; DROP TABLE Invoice;--" }),
      forged({ d: "2026-01-01T00:00:00.000Z" }),
      forged([1, 2]),
      Buffer.from("{not json").toString("base64url"),
    ])
      expect(decodeSkipToken(token), token).toBeNull();
  });

  it("builds nextLink from the request's own URL, replacing the previous token", () => {
    const first = new URL(
      "http://127.0.0.1:3000/providers/Microsoft.Billing/billingAccounts/a%3Ab/invoices?api-version=2020-05-01&periodStartDate=2020-01-01&periodEndDate=2026-12-31",
    );
    const link = new URL(nextLinkFor(first, { invoiceDate: new Date("2025-03-05T00:00:00Z"), id: "G011" }));
    expect(link.origin + link.pathname).toBe(first.origin + first.pathname);
    expect(link.searchParams.get("api-version")).toBe("2020-05-01");
    expect(link.searchParams.get("periodEndDate")).toBe("2026-12-31");
    const second = new URL(nextLinkFor(link, { invoiceDate: new Date("2024-03-05T00:00:00Z"), id: "G010" }));
    expect(second.searchParams.getAll("$skiptoken")).toHaveLength(1);
    expect(decodeSkipToken(second.searchParams.get("$skiptoken")!)).toEqual({
      invoiceDate: new Date("2024-03-05T00:00:00Z"),
      id: "G010",
    });
  });
});

describe("period dates", () => {
  it("reads YYYY-MM-DD (the specification) and MM-DD-YYYY (the SDK's documentation)", () => {
    expect(parsePeriodDate("2026-02-28")).toBe("2026-02-28");
    expect(parsePeriodDate("02-28-2026")).toBe("2026-02-28");
    expect(parsePeriodDate(" 2024-02-29 ")).toBe("2024-02-29");
  });

  it("refuses other formats and days that do not exist", () => {
    for (const text of [null, "", "2026-02-30", "2025-02-29", "13-01-2026", "2026/01/01", "2026-1-1", "yesterday"])
      expect(parsePeriodDate(text), String(text)).toBeNull();
  });
});

describe("api-version", () => {
  it("answers 2020-05-01 and 2024-04-01 for reads and the download", () => {
    expect(checkApiVersion("2020-05-01", READ_API_VERSIONS)).toEqual({ ok: true, version: "2020-05-01" });
    expect(checkApiVersion("2024-04-01", READ_API_VERSIONS)).toEqual({ ok: true, version: "2024-04-01" });
    expect(checkApiVersion("2024-04-01", DOWNLOAD_API_VERSIONS)).toEqual({ ok: true, version: "2024-04-01" });
    expect(checkApiVersion("2021-10-01", DOWNLOAD_API_VERSIONS)).toMatchObject({
      ok: false,
      code: "InvalidApiVersionParameter",
    });
  });

  it("names the missing and the invalid version with ARM's codes", () => {
    expect(checkApiVersion(null, READ_API_VERSIONS)).toMatchObject({ ok: false, code: "MissingApiVersionParameter" });
    expect(checkApiVersion("2019-10-01-preview", READ_API_VERSIONS)).toMatchObject({
      ok: false,
      code: "InvalidApiVersionParameter",
      message: expect.stringContaining("'2020-05-01,2024-04-01'"),
    });
  });
});
