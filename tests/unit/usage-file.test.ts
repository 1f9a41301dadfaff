import { describe, expect, it } from "vitest";

import { csvField, USAGE_FILE_COLUMNS, usageFileCsv, usageFileName } from "@/features/invoices/usage-file";

const invoice = {
  id: "G012345678",
  currency: "EUR",
  periodStart: new Date("2026-09-01T00:00:00Z"),
  periodEnd: new Date("2026-09-30T00:00:00Z"),
  billingAccount: { id: "acc:1", name: "Fabrikam, Inc." },
  billingProfile: { id: "BP-1", name: "Fabrikam Pay-As-You-Go" },
  lines: [
    {
      serviceFamily: "Compute",
      description: "Virtual Machines D4s v5 — hours",
      quantity: 3,
      unitPriceMinor: 1_050,
      amountMinor: 3_150,
    },
    { serviceFamily: "Storage", description: '=HYPERLINK("x")', quantity: 1, unitPriceMinor: -5, amountMinor: -5 },
  ],
};

describe("usageFileCsv", () => {
  it("starts with Azure's column names, then one row per line with Azure's date format and decimal amounts", () => {
    const [header, first, second, end] = usageFileCsv(invoice).split("\r\n");
    expect(header.split(",")).toEqual([...USAGE_FILE_COLUMNS]);
    expect(first).toBe(
      'G012345678,acc:1,"Fabrikam, Inc.",BP-1,Fabrikam Pay-As-You-Go,09/30/2026,09/01/2026,09/01/2026,Compute,' +
        "Virtual Machines D4s v5 — hours,Virtual Machines D4s v5,3,EUR,31.50,10.50",
    );
    // A formula stays text; a negative amount stays a number.
    expect(second).toContain(`"'=HYPERLINK(""x"")"`);
    expect(second.endsWith(",EUR,-0.05,-0.05")).toBe(true);
    expect(end).toBe("");
  });

  it("writes only the header for an invoice without lines", () => {
    expect(usageFileCsv({ ...invoice, lines: [] })).toBe(`${USAGE_FILE_COLUMNS.join(",")}\r\n`);
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["+33 1 23", "'+33 1 23"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-12.50", "-12.50"],
    ["-x", "'-x"],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

it("names the file after the invoice", () => {
  expect(usageFileName("G012345678")).toBe("AzureUsage_G012345678.csv");
});
