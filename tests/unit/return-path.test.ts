// safeReturnPath decides where the sign-in page sends the user afterwards; it
// must never send them to another site (open redirect) or back to sign-in.
import { describe, expect, it } from "vitest";

import { safeReturnPath } from "@/features/access/return-path";

const SITE = "https://portal.example";

/** What a browser would do with the Location header: stay on this site, with no raw control characters. */
function staysOnSite(path: string): void {
  expect(path.startsWith("/")).toBe(true);
  expect(path.startsWith("//")).toBe(false);
  expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
  expect(new URL(path, SITE).origin).toBe(SITE);
}

describe("safeReturnPath: hostile values fall back to the home page", () => {
  it.each([
    // other hosts, protocol-relative and backslash tricks
    ["//evil.com", "/"],
    ["//evil.com/billing", "/"],
    ["///evil.com", "/"],
    ["/\\evil.com", "/"],
    ["\\\\evil.com", "/"],
    ["\\/evil.com", "/"],
    ["/\\/evil.com", "/"],
    ["/billing\\..\\..\\/evil.com", "/"],
    // absolute URLs and schemes
    ["https://evil.com", "/"],
    ["http://evil.com/billing", "/"],
    ["HTTPS://evil.com", "/"],
    ["https:evil.com", "/"],
    ["javascript:alert(1)", "/"],
    ["JavaScript:alert(document.cookie)", "/"],
    [" javascript:alert(1)", "/"],
    ["data:text/html,<script>alert(1)</script>", "/"],
    ["vbscript:msgbox(1)", "/"],
    ["mailto:someone@evil.com", "/"],
    // relative paths and leading whitespace
    ["evil.com", "/"],
    ["billing", "/"],
    ["./billing", "/"],
    ["../billing", "/"],
    [" /billing", "/"],
    ["\t/billing", "/"],
    // encoded variants that are not a path on this site once decoded by the browser
    ["%2F%2Fevil.com", "/"],
    ["%2f%2fevil.com", "/"],
    ["%5C%5Cevil.com", "/"],
    ["https%3A%2F%2Fevil.com", "/"],
    // dot segments resolving to "//host"
    ["/..//evil.com", "/"],
    ["/./..//evil.com", "/"],
    ["/a/../..//evil.com", "/"],
    ["/%2e%2e//evil.com", "/"],
    ["/%2E%2E//evil.com", "/"],
    ["/.%2e//evil.com", "/"],
    // control characters (header splitting, browsers dropping tabs and newlines)
    ["/\t/evil.com", "/"],
    ["/\n/evil.com", "/"],
    ["/\r\n/evil.com", "/"],
    ["/billing\r\nSet-Cookie: portal_session=x", "/"],
    ["/billing\u0000", "/"],
    ["/\u0000/evil.com", "/"],
    ["/billing\u001b[0m", "/"],
    ["/billing\u007f", "/"],
    // back to the sign-in page itself (a loop)
    ["/signin", "/"],
    ["/signin?returnTo=%2Fbilling", "/"],
    ["/signin?returnTo=//evil.com", "/"],
    ["/signin/", "/"],
    ["/a/../signin", "/"],
    ["/%2e/signin", "/"],
    // nothing, or too long
    ["", "/"],
    ["/" + "a".repeat(2048), "/"],
    ["/billing?q=" + "x".repeat(5000), "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it("falls back to the home page for null and undefined", () => {
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});

describe("safeReturnPath: paths that look odd but stay on this site are kept (encoded)", () => {
  it.each([
    // Encoded slashes and backslashes stay encoded: the browser requests this
    // site's path "/%2F%2Fevil.com", it does not go to evil.com.
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/%5Cevil.com", "/%5Cevil.com"],
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
    ["/billing//evil.com", "/billing//evil.com"],
    ["/http://evil.com", "/http://evil.com"],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
    ["/@evil.com", "/@evil.com"],
    ["/ /evil.com", "/%20/evil.com"],
    ["/\u00a0/evil.com", "/%C2%A0/evil.com"],
    ["/\u2028", "/%E2%80%A8"],
    ["/billing?next=//evil.com", "/billing?next=//evil.com"],
    ["/billing#//evil.com", "/billing#//evil.com"],
    ["/signin-help", "/signin-help"],
  ])("%j → %j", (input, expected) => {
    const result = safeReturnPath(input);
    expect(result).toBe(expected);
    staysOnSite(result);
  });
});

describe("safeReturnPath: good paths come back unchanged", () => {
  const account =
    "/billing/" +
    encodeURIComponent("5e1a0c2b-1111-2222-3333-444455556666:7f3b9d10-aaaa-bbbb-cccc-ddddeeeeffff_2019-05-31");
  it.each([
    "/",
    "/billing",
    `${account}/invoices`,
    `${account}/invoices?status=due`,
    `${account}/invoices?profile=AB12-CD34-EF5-678&status=pastDue&sort=dueDate&dir=asc&page=2`,
    `${account}/invoices?invoice=G011000123&blade=details`,
    `${account}/invoices?q=G0110&timespan=custom&from=2025-01-01&to=2025-12-31`,
    `${account}/properties`,
    `${account}/billing-profiles`,
    "/billing?x=a%20b&y=%26",
    "/billing#section",
  ])("%s", (input) => {
    expect(safeReturnPath(input)).toBe(input);
    staysOnSite(input);
  });

  it("resolves dot segments that stay on this site", () => {
    expect(safeReturnPath("/billing/../billing/./x")).toBe("/billing/x");
  });

  it("accepts a path up to 2048 characters", () => {
    const long = "/billing?q=" + "x".repeat(2048 - "/billing?q=".length);
    expect(long).toHaveLength(2048);
    expect(safeReturnPath(long)).toBe(long);
  });
});

describe("safeReturnPath: whatever the input, the result stays on this site", () => {
  // A cheap fuzz: random strings built from the characters attacks are made of.
  const alphabet = [
    "/",
    "\\",
    ".",
    "%",
    "2",
    "F",
    "f",
    "5",
    "C",
    "e",
    ":",
    "@",
    "?",
    "#",
    "\t",
    "\n",
    "\r",
    "\u0000",
    " ",
    "evil.com",
    "http",
    "javascript",
    "signin",
    "%2e",
    "%2F",
    "%5C",
    "\u3000",
    "\u2028",
  ];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const samples = Array.from({ length: 2000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
      "",
    ),
  );

  it("never returns another host, a sign-in loop or raw control characters", () => {
    for (const sample of samples) {
      const result = safeReturnPath(sample);
      staysOnSite(result);
      expect(new URL(result, SITE).pathname === "/signin" && result !== "/").toBe(false);
    }
  });
});
