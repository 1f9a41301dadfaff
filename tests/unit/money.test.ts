import { describe, expect, it } from "vitest";

import { formatMoney, minorUnitDigits, money, parseMajorAmount, percentOf, toMajorString } from "@/lib/money";

// French formatting uses a narrow no-break space (U+202F) between digit groups
// and a no-break space (U+00A0) before the currency sign.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("minorUnitDigits", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["JPY", 0],
    ["KWD", 3],
  ])("%s has %i decimals", (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe("formatMoney", () => {
  it("formats en-US", () => {
    expect(formatMoney(123450, "USD", "en-US")).toBe("$1,234.50");
    expect(formatMoney(7_245_000, "USD", "en-US")).toBe("$72,450.00");
    expect(formatMoney(5, "USD", "en-US")).toBe("$0.05");
    expect(formatMoney(0, "USD", "en-US")).toBe("$0.00");
    expect(formatMoney(-1234, "USD", "en-US")).toBe("-$12.34");
    expect(formatMoney(123450, "EUR", "en-US")).toBe("€1,234.50");
  });

  it("uses en-US by default", () => {
    expect(formatMoney(100, "USD")).toBe("$1.00");
  });

  it("formats fr-FR with narrow no-break spaces and a comma", () => {
    expect(formatMoney(123450, "EUR", "fr-FR")).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney(7_245_000, "EUR", "fr-FR")).toBe(`72${NNBSP}450,00${NBSP}€`);
    expect(formatMoney(123456789, "USD", "fr-FR")).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}$US`);
    expect(formatMoney(-5, "EUR", "fr-FR")).toBe(`-0,05${NBSP}€`);
    // Not ordinary spaces: a test comparing with "1 234,50 €" typed on a keyboard would fail.
    expect(formatMoney(123450, "EUR", "fr-FR")).not.toContain(" ");
  });

  it("formats JPY without decimals", () => {
    expect(formatMoney(1234, "JPY", "en-US")).toBe("¥1,234");
    expect(formatMoney(1234, "JPY", "fr-FR")).toBe(`1${NNBSP}234${NBSP}JPY`);
  });

  it("formats three-decimal currencies", () => {
    expect(formatMoney(1234, "KWD", "en-US")).toBe(`KWD${NBSP}1.234`);
  });

  it("is exact beyond float precision (no binary rounding)", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en-US")).toBe("$90,071,992,547,409.91");
    expect(formatMoney(1_000_000_000_005, "USD", "en-US")).toBe("$10,000,000,000.05");
  });
});

describe("toMajorString", () => {
  it.each([
    [123450, "USD", "1234.50"],
    [5, "USD", "0.05"],
    [50, "USD", "0.50"],
    [0, "USD", "0.00"],
    [-5, "USD", "-0.05"],
    [-123450, "EUR", "-1234.50"],
    [1234, "JPY", "1234"],
    [-1234, "JPY", "-1234"],
    [1234, "KWD", "1.234"],
  ])("%i %s → %s", (amount, currency, text) => {
    expect(toMajorString(amount, currency)).toBe(text);
  });

  it("round-trips with parseMajorAmount", () => {
    for (const amount of [0, 1, 9, 10, 99, 100, 123456, 7_245_000, 99_999_999_999_999]) {
      expect(parseMajorAmount(toMajorString(amount, "USD"), "USD")).toBe(amount);
    }
  });
});

describe("parseMajorAmount", () => {
  it.each([
    ["1234.5", "USD", 123450],
    ["1234.56", "USD", 123456],
    ["1234,56", "USD", 123456], // decimal comma, as typed in French
    ["1234", "USD", 123400],
    ["12.", "USD", 1200],
    ["0.01", "USD", 1],
    ["0", "USD", 0],
    ["00012.30", "USD", 1230],
    ["  42.10  ", "USD", 4210],
    ["999999999999.99", "USD", 99_999_999_999_999],
    ["1234", "JPY", 1234],
    ["1234.", "JPY", 1234],
    ["1.234", "KWD", 1234],
  ])("%j %s → %i", (text, currency, expected) => {
    expect(parseMajorAmount(text, currency)).toBe(expected);
  });

  it.each([
    ["", "USD"],
    ["   ", "USD"],
    ["abc", "USD"],
    ["12.345", "USD"], // too many decimals: never rounded
    ["0.001", "USD"],
    [".5", "USD"],
    ["-5", "USD"],
    ["+5", "USD"],
    ["1e3", "USD"],
    ["1,234.56", "USD"], // grouping separators are not accepted
    ["1 234,56", "EUR"],
    ["$12", "USD"],
    ["12 USD", "USD"],
    ["1234567890123", "USD"], // more than 12 integer digits
    ["Infinity", "USD"],
    ["NaN", "USD"],
    ["０１２", "USD"], // full-width digits
    ["1234.5", "JPY"], // JPY has no minor unit
    ["1.2345", "KWD"],
  ])("%j %s → null", (text, currency) => {
    expect(parseMajorAmount(text, currency)).toBeNull();
  });
});

describe("arithmetic", () => {
  it("money() only takes safe integers of minor units", () => {
    expect(money(123, "USD")).toEqual({ amountMinor: 123, currency: "USD" });
    expect(() => money(1.5, "USD")).toThrow(RangeError);
    expect(() => money(Number.NaN, "USD")).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, "USD")).toThrow(RangeError);
  });

  it("percentOf applies basis points, rounding half away from zero", () => {
    expect(percentOf(money(10_000, "USD"), 650)).toEqual(money(650, "USD")); // 6.5 % of $100
    expect(percentOf(money(1, "USD"), 5_000)).toEqual(money(1, "USD")); // 0.5 → 1
    expect(percentOf(money(-1, "USD"), 5_000)).toEqual(money(-1, "USD")); // -0.5 → -1
    expect(percentOf(money(3, "USD"), 1_000)).toEqual(money(0, "USD")); // 0.3 → 0
    expect(percentOf(money(123_457, "EUR"), 2_000)).toEqual(money(24_691, "EUR")); // 24 691.4 → 24 691
    expect(percentOf(money(7, "USD"), 5_000)).toEqual(money(4, "USD")); // 3.5 → 4
    expect(percentOf(money(999, "JPY"), 10_000)).toEqual(money(999, "JPY"));
    expect(percentOf(money(999, "JPY"), 0)).toEqual(money(0, "JPY"));
  });
});
