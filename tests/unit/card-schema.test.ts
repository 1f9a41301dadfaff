// The new-card form's schema, run in the browser and again in the server
// action. Expiry is judged by the clock given to newCardSchema(now): a card is
// valid through the last day of its expiry month.
import { describe, expect, it } from "vitest";

import {
  cardEditSchema,
  cardFieldErrors,
  isCardExpired,
  newCardSchema,
  normaliseCardNumber,
  type NewCardInput,
} from "@/features/payment-methods/card-schema";
import { billingCountries } from "@/features/payment-methods/countries";
import enPayments from "@/i18n/messages/en/payments.json";

const NOW = new Date("2026-11-20T09:00:00.000Z");

const valid: NewCardInput = {
  cardNumber: "4242424242424242",
  expMonth: "12",
  expYear: "2028",
  cvc: "123",
  holderName: "Adele Vance",
  country: "US",
  postalCode: "98052",
};

function parse(overrides: Partial<Record<keyof NewCardInput, unknown>>, now = NOW) {
  return newCardSchema(now).safeParse({ ...valid, ...overrides });
}

/** The field → message key map of an invalid input (fails the test if it was valid). */
function errorsOf(overrides: Partial<Record<keyof NewCardInput, unknown>>, now = NOW) {
  const result = parse(overrides, now);
  expect(result.success, `expected ${JSON.stringify(overrides)} to be invalid`).toBe(false);
  return result.success ? {} : cardFieldErrors(result.error);
}

describe("newCardSchema: valid cards", () => {
  it("accepts a complete Visa card and derives brand and last four", () => {
    const result = parse({});
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      cardNumber: "4242424242424242",
      expMonth: 12,
      expYear: 2028,
      cvc: "123",
      holderName: "Adele Vance",
      country: "US",
      postalCode: "98052",
      brand: "visa",
      last4: "4242",
    });
  });

  it.each([
    ["spaces", "4242 4242 4242 4242"],
    ["dashes", "4242-4242-4242-4242"],
    ["both, and a tab", "4242 -4242\t4242-4242"],
    ["leading and trailing spaces", "  4242424242424242  "],
  ])("normalises %s out of the number", (_label, cardNumber) => {
    const result = parse({ cardNumber });
    expect(result.success).toBe(true);
    expect(result.data?.cardNumber).toBe("4242424242424242");
    expect(result.data?.last4).toBe("4242");
  });

  it("normaliseCardNumber removes spaces and dashes only", () => {
    expect(normaliseCardNumber(" 4242-4242 4242\t4242 ")).toBe("4242424242424242");
    expect(normaliseCardNumber("4242.4242")).toBe("4242.4242");
  });

  it.each([
    ["mastercard", "5555555555554444", "123", "4444"],
    ["american-express", "378282246310005", "1234", "0005"],
    ["visa", "4000056655665556", "999", "5556"],
  ])("accepts a %s card with its own code length", (brand, cardNumber, cvc, last4) => {
    const result = parse({ cardNumber, cvc });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ brand, last4, cvc });
  });

  it("accepts numbers as numbers for the expiry (a select may give either)", () => {
    expect(parse({ expMonth: 12, expYear: 2028 }).success).toBe(true);
  });

  it("trims the holder name, the code and the postal code", () => {
    const result = parse({ holderName: "  Adele Vance ", cvc: " 123 ", postalCode: " 98052 " });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ holderName: "Adele Vance", cvc: "123", postalCode: "98052" });
  });

  it("keeps HTML in the holder name as plain data, unchanged", () => {
    const holderName = `<script>alert("x")</script><img src=x onerror=alert(1)> & "O'Brien"`;
    const result = parse({ holderName });
    expect(result.success).toBe(true);
    expect(result.data?.holderName).toBe(holderName);
  });

  it("accepts accented and non-Latin holder names", () => {
    expect(parse({ holderName: "Zoë Lefèvre-Čapek" }).success).toBe(true);
    expect(parse({ holderName: "山田 太郎" }).success).toBe(true);
  });

  it("accepts a holder name of 100 characters", () => {
    expect(parse({ holderName: "A".repeat(100) }).success).toBe(true);
  });

  it.each([["98052"], ["98052-6399"], ["SW1A 1AA"], ["75008"], ["K1A 0B1"], ["1234567890123456"]])(
    "accepts the postal code %j",
    (postalCode) => {
      expect(parse({ postalCode }).success).toBe(true);
    },
  );

  it.each(billingCountries.map((country) => [country]))("accepts the billing country %s", (country) => {
    expect(parse({ country }).success).toBe(true);
  });
});

describe("newCardSchema: expiry by the given clock", () => {
  it("accepts a card expiring this month", () => {
    expect(parse({ expMonth: "11", expYear: "2026" }).success).toBe(true);
  });

  it("accepts a card expiring this month up to the month's last second", () => {
    expect(parse({ expMonth: "11", expYear: "2026" }, new Date("2026-11-30T23:59:59.999Z")).success).toBe(true);
  });

  it("refuses a card that expired last month", () => {
    expect(errorsOf({ expMonth: "10", expYear: "2026" })).toEqual({ expMonth: "expired" });
  });

  it("refuses this month's card once the next month starts", () => {
    expect(errorsOf({ expMonth: "11", expYear: "2026" }, new Date("2026-12-01T00:00:00.000Z"))).toEqual({
      expMonth: "expired",
    });
  });

  it("refuses a card from a past year, and accepts December and January around the year's end", () => {
    expect(errorsOf({ expMonth: "12", expYear: "2025" })).toEqual({ expMonth: "expired" });
    expect(parse({ expMonth: "12", expYear: "2026" }).success).toBe(true);
    expect(parse({ expMonth: "1", expYear: "2027" }).success).toBe(true);
    expect(errorsOf({ expMonth: "12", expYear: "2026" }, new Date("2027-01-01T00:00:00.000Z"))).toEqual({
      expMonth: "expired",
    });
  });

  it("follows the clock it is given, not the real time", () => {
    expect(parse({ expMonth: "1", expYear: "2020" }, new Date("2019-06-01T00:00:00Z")).success).toBe(true);
    expect(parse({ expMonth: "1", expYear: "2099" }, new Date("2100-01-01T00:00:00Z")).success).toBe(false);
  });

  it.each([
    ["month 0", { expMonth: "0" }, { expMonth: "expiryRequired" }],
    ["month 13", { expMonth: "13" }, { expMonth: "expiryRequired" }],
    ["a fractional month", { expMonth: "1.5" }, { expMonth: "expiryRequired" }],
    ["a two-digit year", { expYear: "28" }, { expYear: "expiryRequired" }],
    ["a year past 2100", { expYear: "2101" }, { expYear: "expiryRequired" }],
    ["letters", { expMonth: "ab", expYear: "cdef" }, { expMonth: "expiryRequired", expYear: "expiryRequired" }],
    ["nothing chosen", { expMonth: "", expYear: "" }, { expMonth: "expiryRequired", expYear: "expiryRequired" }],
    // The form shows the month's message first: a missing year must not read "This card has expired".
    ["a month without a year", { expMonth: "12", expYear: "" }, { expYear: "expiryRequired" }],
    ["a year without a month", { expMonth: "", expYear: "2028" }, { expMonth: "expiryRequired" }],
  ])("refuses %s", (_label, overrides, expected) => {
    expect(errorsOf(overrides)).toEqual(expected);
  });

  it("isCardExpired agrees for saved cards", () => {
    expect(isCardExpired({ expMonth: 11, expYear: 2026 }, NOW)).toBe(false);
    expect(isCardExpired({ expMonth: 10, expYear: 2026 }, NOW)).toBe(true);
    expect(isCardExpired({ expMonth: 1, expYear: 2025 }, NOW)).toBe(true);
    expect(isCardExpired({ expMonth: 12, expYear: 2026 }, NOW)).toBe(false);
    expect(isCardExpired({ expMonth: 11, expYear: 2026 }, new Date("2026-12-01T00:00:00.000Z"))).toBe(true);
  });
});

describe("newCardSchema: invalid cards", () => {
  it.each([
    ["an empty number", "", "cardNumberRequired"],
    ["only spaces and dashes", " - - ", "cardNumberRequired"],
    ["a bad Luhn check digit", "4242424242424241", "cardNumberInvalid"],
    ["another bad Luhn", "5555555555554445", "cardNumberInvalid"],
    ["letters", "4242abcd42424242", "cardNumberDigits"],
    ["all letters", "abcd", "cardNumberDigits"],
    ["dots", "4242.4242.4242.4242", "cardNumberDigits"],
    ["too short", "4242", "cardNumberInvalid"],
    ["one digit short", "424242424242424", "cardNumberInvalid"],
    ["far too long", "4".repeat(41), "cardNumberInvalid"],
  ])("refuses %s", (_label, cardNumber, key) => {
    expect(errorsOf({ cardNumber })).toMatchObject({ cardNumber: key });
  });

  it("refuses an Amex with a 3-digit code and asks for 4", () => {
    expect(errorsOf({ cardNumber: "378282246310005", cvc: "123" })).toEqual({ cvc: "cvcLength4" });
  });

  it("refuses a Visa with a 4-digit code and asks for 3", () => {
    expect(errorsOf({ cardNumber: "4242424242424242", cvc: "1234" })).toEqual({ cvc: "cvcLength3" });
  });

  it.each([
    ["empty", ""],
    ["two digits", "12"],
    ["five digits", "12345"],
    ["letters", "12a"],
    ["a sign", "-12"],
  ])("refuses a security code that is %s", (_label, cvc) => {
    expect(errorsOf({ cvc })).toEqual({ cvc: "cvcInvalid" });
  });

  it.each([
    ["empty", "", "holderRequired"],
    ["only spaces", "   ", "holderRequired"],
    ["a NUL character", "Adele\u0000Vance", "holderRequired"],
    ["a line break inside", "Adele\nVance", "holderRequired"],
    ["an escape character", "Adele\u001b[31mVance", "holderRequired"],
    ["DEL", "Adele\u007fVance", "holderRequired"],
    ["101 characters", "A".repeat(101), "holderTooLong"],
  ])("refuses a holder name that is %s", (_label, holderName, key) => {
    expect(errorsOf({ holderName })).toEqual({ holderName: key });
  });

  it.each([
    ["an unknown code", "XX"],
    ["lower case", "us"],
    ["a country name", "United States"],
    ["three letters", "USA"],
    ["empty", ""],
  ])("refuses a country that is %s", (_label, country) => {
    expect(errorsOf({ country })).toEqual({ country: "countryRequired" });
  });

  it.each([
    ["empty", "", "postalRequired"],
    ["only spaces", "   ", "postalRequired"],
    ["HTML", "<b>98052</b>", "postalInvalid"],
    ["punctuation", "98052;DROP", "postalInvalid"],
    ["a leading dash", "-98052", "postalInvalid"],
    ["17 characters", "12345678901234567", "postalInvalid"],
  ])("refuses a postal code that is %s", (_label, postalCode, key) => {
    expect(errorsOf({ postalCode })).toEqual({ postalCode: key });
  });

  it("refuses missing fields instead of throwing", () => {
    const result = newCardSchema(NOW).safeParse({});
    expect(result.success).toBe(false);
  });

  it("reports each bad field once, with its first problem", () => {
    const errors = errorsOf({
      cardNumber: "4242424242424241",
      cvc: "12",
      holderName: "",
      country: "ZZ",
      postalCode: "",
    });
    expect(errors).toEqual({
      cardNumber: "cardNumberInvalid",
      cvc: "cvcInvalid",
      holderName: "holderRequired",
      country: "countryRequired",
      postalCode: "postalRequired",
    });
  });
});

describe("cardFieldErrors", () => {
  const invalidInputs: Partial<Record<keyof NewCardInput, unknown>>[] = [
    { cardNumber: "" },
    { cardNumber: "abc" },
    { cardNumber: "4242424242424241" },
    { expMonth: "" },
    { expMonth: "10", expYear: "2026" },
    { cvc: "1" },
    { cardNumber: "378282246310005", cvc: "123" },
    { cvc: "1234" },
    { holderName: "" },
    { holderName: "x".repeat(101) },
    { country: "XX" },
    { postalCode: "" },
    { postalCode: "<>" },
  ];

  it("maps every field to a message key that exists under payments.cardErrors", () => {
    const catalog = enPayments.cardErrors as Record<string, string>;
    const seen = new Set<string>();
    for (const input of invalidInputs) {
      for (const [field, key] of Object.entries(errorsOf(input))) {
        expect(["cardNumber", "expMonth", "expYear", "cvc", "holderName", "country", "postalCode"]).toContain(field);
        expect(catalog, `payments.cardErrors.${key}`).toHaveProperty([key!]);
        expect(catalog[key!].trim()).not.toBe("");
        seen.add(key!);
      }
    }
    // Every message the catalog has is one the schema can produce, and the reverse.
    expect([...seen].sort()).toEqual(Object.keys(catalog).sort());
  });
});

describe("cardEditSchema: Edit on a saved card", () => {
  const edit = { expMonth: "3", expYear: "2031", holderName: " Megan Bowen ", country: "CA", postalCode: "K1A 0B1" };

  it("keeps only what a saved card may change, trimmed and typed", () => {
    const parsed = cardEditSchema(NOW).safeParse({ ...edit, cardNumber: "5555555555554444", cvc: "999" });
    expect(parsed.success && parsed.data).toEqual({
      expMonth: 3,
      expYear: 2031,
      holderName: "Megan Bowen",
      country: "CA",
      postalCode: "K1A 0B1",
    });
  });

  it("refuses an expiry already past by the given clock, and accepts the current month", () => {
    const expired = cardEditSchema(NOW).safeParse({ ...edit, expMonth: "10", expYear: "2026" });
    expect(!expired.success && cardFieldErrors(expired.error)).toEqual({ expMonth: "expired" });
    expect(cardEditSchema(NOW).safeParse({ ...edit, expMonth: "11", expYear: "2026" }).success).toBe(true);
    // The same date a month later is past.
    expect(
      cardEditSchema(new Date("2026-12-01T00:00:00.000Z")).safeParse({ ...edit, expMonth: "11", expYear: "2026" })
        .success,
    ).toBe(false);
  });

  it("gives the new-card form's message keys for bad details", () => {
    const bad = cardEditSchema(NOW).safeParse({
      expMonth: "",
      expYear: "x",
      holderName: "",
      country: "ZZ",
      postalCode: "!",
    });
    expect(!bad.success && cardFieldErrors(bad.error)).toEqual({
      expMonth: "expiryRequired",
      expYear: "expiryRequired",
      holderName: "holderRequired",
      country: "countryRequired",
      postalCode: "postalInvalid",
    });
  });
});
