// Hostile values for the properties (fast-check arbitraries): strings, amounts, card fields, whole
// Pay now requests built around one "poison" each.
import fc from "fast-check";

import { parseMajorAmount } from "@/lib/money";

import { goodCard, w } from "./world";

// ---------------------------------------------------------------- hostile values

export const fragments = [
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  "javascript:alert(1)",
  "' OR '1'='1",
  `'; DROP TABLE "Payment"; --`,
  "1; DELETE FROM Invoice",
  '" UNION SELECT * FROM "User" --',
  "../../../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "%",
  "\u0000",
  "\r\nSet-Cookie: x=1",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "[object Object]",
  `{"$gt":""}`,
  "\u202e\u0661\u0662",
  "\ufeff",
  " ",
  "",
];
export const unicodeDigits = fc
  .array(fc.constantFrom("٠", "١", "٢", "٣", "४", "५", "০", "๑", "０", "１", "９", "𝟘", "𝟙", "߁", "²", "½", "Ⅻ"), {
    minLength: 1,
    maxLength: 20,
  })
  .map((chars) => chars.join(""));
export const controlChars = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom("4", "2", "\u007f", "\u2028"),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((chars) => chars.join(""));
export const oversized = fc
  .tuple(fc.constantFrom("9", "A", "<", "'", "é", "💳"), fc.integer({ min: 300, max: 200_000 }))
  .map(([char, n]) => char.repeat(n));
export const percentJunk = fc.constantFrom(
  "%",
  "%E0%A4%A",
  "%ZZ",
  "%%",
  "%u0041",
  "%C0%AF",
  "%25E0",
  "G0%E0",
  "%2F..%2F",
);
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  percentJunk,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...fragments),
  unicodeDigits,
  controlChars,
  oversized,
);
/** Anything JSON can carry, for the route's wrong types. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Amounts that can never be paid: unparseable, zero, negative, NaN, too many decimals, above any amount due. */
export const badAmount: fc.Arbitrary<string> = fc
  .oneof(
    fc.double().map(String),
    fc.integer({ min: -1e9, max: 0 }).map(String),
    fc.double({ min: 0, max: 1, noNaN: true }).map((value) => value.toFixed(5)),
    fc.bigInt({ min: BigInt(10) ** BigInt(11), max: BigInt(10) ** BigInt(30) }).map(String),
    fc.constantFrom(
      "NaN",
      "-1",
      "-0.01",
      "0",
      "0.00",
      "1e3",
      "1.005",
      "12,345.67",
      "1 000",
      "+5",
      "0x20",
      "Infinity",
      "-Infinity",
      "5-",
      "٣٠٠",
    ),
    unicodeDigits,
    hostileString,
  )
  .filter((text) => {
    // An empty field is no amount at all: the form pays the whole amount due (a valid request, not a poison).
    if (text === "") return false;
    const value = parseMajorAmount(text, "USD");
    return value === null || value <= 0 || value > w.dueAmount;
  });

export const isIntegerIn = (text: string, min: number, max: number) =>
  text.trim() !== "" && Number.isInteger(Number(text)) && Number(text) >= min && Number(text) <= max;

/** Values each card field never accepts. */
export const badCard: Record<string, fc.Arbitrary<string>> = {
  cardNumber: fc.oneof(
    fc.constantFrom(
      "4242424242424241",
      "1234567890123456",
      "0000",
      "4242 4242 4242 424",
      "4242-4242-4242-4243",
      "４２４２４２４２４２４２４２４２",
    ),
    unicodeDigits,
    fc.string({ maxLength: 30 }).filter((text) => /[^\d\s-]/.test(text)),
    oversized,
  ),
  // z.coerce.number() reads "+12", "0xC" or "1.2e1" as 12: such values are left out, not "bad".
  expMonth: fc
    .oneof(
      fc.constantFrom("0", "13", "-1", "1.5", "NaN", "", "１２", "99999999999999999999"),
      unicodeDigits,
      fc.string({ maxLength: 8 }),
    )
    .filter((text) => !isIntegerIn(text, 1, 12)),
  expYear: fc
    .oneof(
      fc.constantFrom("1999", "2101", "20", "-2030", "2030.5", "２０３０", "", "NaN", "1e309", "2025"),
      unicodeDigits,
      fc.string({ maxLength: 6 }),
    )
    .filter((text) => !isIntegerIn(text, 2026, 2100)),
  cvc: fc
    .oneof(fc.constantFrom("", "12", "12345", "abc", "1 2 3", "١٢٣", "0x1", "73"), controlChars, oversized)
    .filter((text) => !/^\d{3}$/.test(text.trim())),
  holderName: fc.oneof(
    fc.constantFrom("", "   ", "a\u0000b", "tab\there", "new\nline"),
    fc.string({ minLength: 101, maxLength: 300 }).filter((text) => text.trim().length > 100),
    controlChars.map((text) => `x${text}\u0001`),
  ),
  country: fc.oneof(
    fc.constantFrom("", "XX", "us", "USA", "<script>", "ZZ"),
    fc.string({ maxLength: 4 }).filter((text) => !/^[A-Z]{2}$/.test(text)),
  ),
  postalCode: fc.oneof(
    fc.constantFrom("", " ", "-123", "<script>", "98052;--", "12345678901234567"),
    fc.string({ maxLength: 30 }).filter((text) => /[^A-Za-z0-9 -]/.test(text.trim()) || text.trim() === ""),
  ),
};
export const cardFieldNames = Object.keys(goodCard) as Array<keyof typeof goodCard>;

/** A field: its valid value, or a hostile one. */
export const validOrHostile = (valid: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: hostileString });

// ---------------------------------------------------------------- Pay now (action and route): one request shape, many poisons

export type PayCase = {
  fields: Record<string, unknown>;
  poison: string;
  session: "admin" | "reader" | "fabrikam" | "none";
};

export const payPoisons = [
  "accountId",
  "invoiceId",
  "idempotencyKey",
  "method",
  "savedCard",
  "amount",
  "foreignAccount",
  "foreignInvoice",
  "paidInvoice",
  "foreignCard",
  "expiredCard",
  "reader",
  "fabrikamAdmin",
  "signedOut",
  "missing",
  ...cardFieldNames,
] as const;
/** JSON only: a number, object, array… where text is expected. */
export const typePoisons = ["amountType", "cardFieldType"] as const;

export function payCase(wrongTypes: boolean): fc.Arbitrary<PayCase> {
  return fc.constantFrom(...payPoisons, ...(wrongTypes ? typePoisons : [])).chain((poison) =>
    fc
      .record({
        key: fc.uuid({ version: 4 }),
        card: fc.record(
          Object.fromEntries(cardFieldNames.map((name) => [name, validOrHostile(goodCard[name])])) as Record<
            keyof typeof goodCard,
            fc.Arbitrary<string>
          >,
        ),
        method: fc.constantFrom("new", "saved"),
        bad: fc.oneof(hostileString, ...(wrongTypes ? [wrongType] : [])),
        amount: badAmount,
        cardValue: poison in badCard ? badCard[poison] : fc.constant(""),
        missing: fc.constantFrom("accountId", "invoiceId", "idempotencyKey", "method"),
        // Not null, and not NaN or ±Infinity either: JSON writes those as null, which is "no amount" (the whole
        // amount due), a valid request rather than a poison.
        typed: wrongType.filter((value) => typeof value !== "string" && JSON.stringify(value) !== "null"),
        cardField: fc.constantFrom(...cardFieldNames),
      })
      .map(({ key, card, method, bad, amount, cardValue, missing, typed, cardField }): PayCase => {
        const fields: Record<string, unknown> = {
          accountId: w.contoso,
          invoiceId: w.dueInvoice,
          idempotencyKey: key,
          method,
          paymentMethodId: w.usableCard,
          ...card,
        };
        let session: PayCase["session"] = "admin";
        switch (poison) {
          case "accountId":
          case "invoiceId":
          case "idempotencyKey":
          case "method":
            // A hostile value that is not accidentally the valid one.
            fields[poison] =
              bad === fields[poison] || (poison === "method" && (bad === "new" || bad === "saved"))
                ? `${String(bad)}!`
                : bad;
            break;
          case "savedCard":
            Object.assign(fields, { method: "saved", paymentMethodId: bad === w.usableCard ? "x" : bad });
            break;
          case "amount":
            fields.amount = amount;
            break;
          case "foreignAccount":
            fields.accountId = w.fabrikam;
            break;
          case "foreignInvoice":
            fields.invoiceId = w.fabrikamInvoice;
            break;
          case "paidInvoice":
            fields.invoiceId = w.paidInvoice;
            break;
          case "foreignCard":
            Object.assign(fields, { method: "saved", paymentMethodId: w.fabrikamCard });
            break;
          case "expiredCard":
            Object.assign(fields, { method: "saved", paymentMethodId: w.expiredCard });
            break;
          case "reader":
            session = "reader";
            break;
          case "fabrikamAdmin":
            session = "fabrikam";
            break;
          case "signedOut":
            session = "none";
            break;
          case "missing":
            delete fields[missing];
            break;
          case "amountType":
            // 12.5 as a JSON number is not "no amount" (the whole amount due): it is refused.
            fields.amount = typed;
            break;
          case "cardFieldType":
            Object.assign(fields, { method: "new", [cardField]: typed });
            break;
          default:
            // A card field that is never valid, on a new card.
            Object.assign(fields, { method: "new", [poison]: cardValue });
        }
        return { fields, poison, session };
      }),
  );
}

export const sessionUser = (session: PayCase["session"]) =>
  ({ admin: w.admin, reader: w.reader, fabrikam: w.fabrikamAdmin, none: null })[session];
