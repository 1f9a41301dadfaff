// Hostile input, property-based (fast-check): every server action and route
// handler of the portal, called as Next calls them (faked next/headers), with
// random and oversized strings, Unicode digits, control characters, HTML and
// SQL fragments, negative/fractional/huge/NaN amounts, wrong types, missing
// fields and other accounts' IDs. Each case is built around one "poison" — a
// field that makes the request invalid or not allowed — while the other fields
// are valid or hostile at random, so the cases come close to real requests.
//
// Promise checked for every case: a clear refusal (an error state with a
// message, or a 4xx JSON answer), never a throw or a 5xx, and no database
// change (SQLite's total_changes() before and after each case, and a full
// snapshot of every table around each property). The suite prints how many
// cases it ran (and writes test-results/reliability/figures-hostile-input.json).
import fc from "fast-check";
import { sealData } from "iron-session";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as paymentsRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/payments/route";
import { GET as pdfRoute } from "@/app/api/billing/[accountId]/invoices/[invoiceId]/pdf/route";
import { signIn } from "@/features/access/actions";
import { SESSION_COOKIE } from "@/features/access/session";
import { PAGE_SIZE, parseInvoiceFilters, sortColumns, timespans } from "@/features/invoices/filters";
import { payInvoiceAction } from "@/features/payments/actions";
import {
  addPaymentMethodAction,
  removePaymentMethodAction,
  setDefaultPaymentMethodAction,
} from "@/features/payments/method-actions";
import { setCardProcessor } from "@/features/payments/processor/simulated";
import type { CardProcessor } from "@/features/payments/processor/types";
import { markNotificationsRead } from "@/features/portal/actions";
import { invoiceStatuses } from "@/lib/invoice-status";
import { parseMajorAmount } from "@/lib/money";

import { databaseSnapshot } from "../support/db-snapshot";
import { cookieJar, resetNextRequest } from "../support/next-request";
import { useTestDatabase as seededTestDatabase, TEST_NOW } from "../support/test-db";
import { Figures } from "./support/figures";
import { scanDatabaseFiles, scanDatabaseRows } from "./support/secrets";

const testDb = seededTestDatabase({ seed: true });
const SECRET = "hostile-input-session-secret-0123456789abcdef0123456789";
const figures = new Figures("hostile-input");
const ranCases: Record<string, number> = {};
/** Runs per property: bounded for 2 cores; HOSTILE_RUNS scales them (e.g. HOSTILE_RUNS=5 for a long soak). */
const scale = Number(process.env.HOSTILE_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));

// ---------------------------------------------------------------- the world, found by querying

let w: {
  contoso: string;
  fabrikam: string;
  admin: string;
  reader: string;
  fabrikamAdmin: string;
  dueInvoice: string;
  dueAmount: number;
  paidInvoice: string;
  fabrikamInvoice: string;
  contosoProfile: string;
  fabrikamProfile: string;
  usableCard: string;
  expiredCard: string;
  defaultCard: string;
  fabrikamCard: string;
};

/** The processor must never be reached: every case here is refused before it. */
const processorCalls: string[] = [];
const refusingProcessor: CardProcessor = {
  async charge(request) {
    processorCalls.push(request.idempotencyKey);
    throw new Error("the processor was called for a hostile request");
  },
  async lookup() {
    return null;
  },
};

const savedEnv = {
  SESSION_SECRET: process.env.SESSION_SECRET,
  SIM_NOW: process.env.SIM_NOW,
  PAYMENT_DELAY_MS: process.env.PAYMENT_DELAY_MS,
};
beforeAll(async () => {
  process.env.SESSION_SECRET = SECRET;
  process.env.SIM_NOW = TEST_NOW.toISOString();
  process.env.PAYMENT_DELAY_MS = "0";
  setCardProcessor(refusingProcessor);
  const db = testDb.db;
  const contoso = await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MCA" } });
  const fabrikam = await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MOSP" } });
  const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  const due = await db.invoice.findFirstOrThrow({
    where: { billingAccountId: contoso.id, voided: false, amountDueMinor: { gt: 0, lt: 5_000_000 } },
    orderBy: { dueDate: "desc" },
  });
  const paid = await db.invoice.findFirstOrThrow({
    where: { billingAccountId: contoso.id, voided: false, amountDueMinor: 0 },
  });
  const fabrikamInvoice = await db.invoice.findFirstOrThrow({ where: { billingAccountId: fabrikam.id } });
  const profile = await db.billingProfile.findUniqueOrThrow({ where: { id: due.billingProfileId } });
  const cards = await db.paymentMethod.findMany({
    where: { billingProfile: { billingAccountId: contoso.id }, removedAt: null },
  });
  const expired = cards.find((card) => Date.UTC(card.expYear, card.expMonth, 1) <= TEST_NOW.getTime());
  const defaults = new Set(
    (await db.billingProfile.findMany({ select: { defaultPaymentMethodId: true } })).map(
      (row) => row.defaultPaymentMethodId,
    ),
  );
  const usable = cards.find(
    (card) => card.billingProfileId === profile.id && card !== expired && !defaults.has(card.id),
  );
  const defaultCard = cards.find((card) => defaults.has(card.id));
  const fabrikamCard = await db.paymentMethod.findFirstOrThrow({
    where: { billingProfile: { billingAccountId: fabrikam.id } },
  });
  if (!expired || !usable || !defaultCard)
    throw new Error("the demo world has no expired / usable / default Contoso card");
  w = {
    contoso: contoso.id,
    fabrikam: fabrikam.id,
    admin: await user("admin@contoso.com"),
    reader: await user("reader@contoso.com"),
    fabrikamAdmin: await user("admin@fabrikam.com"),
    dueInvoice: due.id,
    dueAmount: due.amountDueMinor,
    paidInvoice: paid.id,
    fabrikamInvoice: fabrikamInvoice.id,
    contosoProfile: profile.id,
    fabrikamProfile: fabrikamCard.billingProfileId,
    usableCard: usable.id,
    expiredCard: expired.id,
    defaultCard: defaultCard.id,
    fabrikamCard: fabrikamCard.id,
  };
});

afterAll(async () => {
  // Card numbers and security codes were typed into every form above: none may have reached the file.
  await testDb.db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
  const typed = ["4242424242424242"];
  expect([
    ...scanDatabaseFiles(testDb.file, typed),
    ...scanDatabaseRows(testDb.file, typed, [goodCard.cvc]).findings,
  ]).toEqual([]);
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  setCardProcessor(undefined);
  const total = Object.values(ranCases).reduce((sum, n) => sum + n, 0);
  figures.set("casesPerTarget", ranCases);
  figures.set("casesTotal", total);
  figures.write();
  console.log(`hostile input: ${total} cases ran to completion over ${Object.keys(ranCases).length} targets`);
});

async function signInAs(userId: string | null): Promise<void> {
  resetNextRequest();
  if (userId)
    cookieJar.set(SESSION_COOKIE, await sealData({ userId }, { password: SECRET, ttl: 3600 }), {
      httpOnly: true,
      path: "/",
      sameSite: "lax",
    });
}

/** Writes on the test database's connection so far (every INSERT/UPDATE/DELETE counts, even one that changes nothing). */
async function totalChanges(): Promise<number> {
  const rows = await testDb.db.$queryRawUnsafe<{ n: number | bigint }[]>("SELECT total_changes() AS n");
  return Number(rows[0].n);
}

/** Runs a property; each case must leave total_changes() as it was, and the whole run every table's snapshot. */
async function check<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  body: (value: T) => Promise<void>,
): Promise<void> {
  const before = await databaseSnapshot(testDb.db);
  let count = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      count++;
      const changes = await totalChanges();
      await body(value);
      expect(await totalChanges(), "a write happened").toBe(changes);
    }),
    { numRuns },
  );
  expect(await databaseSnapshot(testDb.db), "the database changed").toEqual(before);
  expect(processorCalls).toEqual([]);
  ranCases[target] = (ranCases[target] ?? 0) + count;
}

// ---------------------------------------------------------------- hostile values

const fragments = [
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
const unicodeDigits = fc
  .array(fc.constantFrom("٠", "١", "٢", "٣", "४", "५", "০", "๑", "０", "１", "９", "𝟘", "𝟙", "߁", "²", "½", "Ⅻ"), {
    minLength: 1,
    maxLength: 20,
  })
  .map((chars) => chars.join(""));
const controlChars = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom("4", "2", "\u007f", "\u2028"),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((chars) => chars.join(""));
const oversized = fc
  .tuple(fc.constantFrom("9", "A", "<", "'", "é", "💳"), fc.integer({ min: 300, max: 200_000 }))
  .map(([char, n]) => char.repeat(n));
const percentJunk = fc.constantFrom("%", "%E0%A4%A", "%ZZ", "%%", "%u0041", "%C0%AF", "%25E0", "G0%E0", "%2F..%2F");
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  percentJunk,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...fragments),
  unicodeDigits,
  controlChars,
  oversized,
);
/** Anything JSON can carry, for the route's wrong types. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Amounts that can never be paid: unparseable, zero, negative, NaN, too many decimals, above any amount due. */
const badAmount: fc.Arbitrary<string> = fc
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
    const value = parseMajorAmount(text, "USD");
    return value === null || value <= 0 || value > w.dueAmount;
  });

const isIntegerIn = (text: string, min: number, max: number) =>
  text.trim() !== "" && Number.isInteger(Number(text)) && Number(text) >= min && Number(text) <= max;

/** Values each card field never accepts. */
const badCard: Record<string, fc.Arbitrary<string>> = {
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
const goodCard = {
  cardNumber: "4242424242424242",
  expMonth: "12",
  expYear: "2030",
  cvc: "123",
  holderName: "Ada Lovelace",
  country: "US",
  postalCode: "98052",
};
const cardFieldNames = Object.keys(goodCard) as Array<keyof typeof goodCard>;

/** A field: its valid value, or a hostile one. */
const validOrHostile = (valid: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: hostileString });

// ---------------------------------------------------------------- Pay now (action and route): one request shape, many poisons

type PayCase = { fields: Record<string, unknown>; poison: string; session: "admin" | "reader" | "fabrikam" | "none" };

const payPoisons = [
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
const typePoisons = ["amountType", "cardFieldType"] as const;

function payCase(wrongTypes: boolean): fc.Arbitrary<PayCase> {
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
        typed: wrongType.filter((value) => typeof value !== "string" && value !== null),
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

const sessionUser = (session: PayCase["session"]) =>
  ({ admin: w.admin, reader: w.reader, fabrikam: w.fabrikamAdmin, none: null })[session];

describe("hostile input: every case refused clearly, nothing written", () => {
  it("payInvoiceAction (the Pay now form)", async () => {
    await check("payInvoiceAction", payCase(false), runs(220), async ({ fields, session }) => {
      await signInAs(sessionUser(session));
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
      const state = await payInvoiceAction({ status: "idle", nextKey: "x" }, form);
      expect(state.status, JSON.stringify(state)).toBe("error");
      expect(state.status === "error" && state.message.length > 0).toBe(true);
    });
  });

  it("payInvoiceAction with files and repeated fields in the form", async () => {
    const arbitrary = fc.record({
      fileField: fc.constantFrom("accountId", "invoiceId", "idempotencyKey", "method", "amount", "cardNumber", "cvc"),
      repeated: fc.constantFrom("accountId", "invoiceId", "amount", "paymentMethodId"),
      content: hostileString,
    });
    await check("payInvoiceAction (files)", arbitrary, runs(40), async ({ fileField, repeated, content }) => {
      await signInAs(w.admin);
      const form = new FormData();
      const fields: Record<string, string> = {
        accountId: w.contoso,
        invoiceId: w.dueInvoice,
        idempotencyKey: crypto.randomUUID(),
        method: "new",
        ...goodCard,
      };
      for (const [name, value] of Object.entries(fields)) if (name !== fileField) form.append(name, value);
      form.append(fileField, new Blob([content]), "x.txt");
      form.append(repeated, "'; DROP TABLE x; --");
      const state = await payInvoiceAction({ status: "idle", nextKey: "x" }, form);
      expect(state.status).toBe("error");
    });
  });

  it("POST /api/billing/{account}/invoices/{invoice}/payments (JSON, wrong types included)", async () => {
    const arbitrary = fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(payCase(true), fc.boolean())
          .map(([value, encode]) => ({ ...value, encode, raw: undefined as string | undefined })),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constantFrom("", "{", "[]", "null", "42", '"x"', '{"__proto__":{"admin":true}}', "{".repeat(5000)),
            fc.string({ maxLength: 200 }),
          )
          .map((raw) => ({
            fields: { accountId: w.contoso, invoiceId: w.dueInvoice } as Record<string, unknown>,
            poison: "body",
            session: "admin" as const,
            encode: true,
            raw,
          })),
      },
    );
    await check("payments route", arbitrary, runs(220), async ({ fields, session, raw, encode }) => {
      await signInAs(sessionUser(session));
      // The account and invoice are path segments: whatever was generated, as text (missing: empty).
      const segment = (value: unknown) =>
        value === undefined ? "" : typeof value === "string" ? value : (JSON.stringify(value) ?? "");
      const body = raw ?? JSON.stringify({ ...fields, accountId: undefined, invoiceId: undefined });
      // As Next hands them to the handler: decoded, or still percent-encoded, possibly malformed.
      const [accountId, invoiceId] = [segment(fields.accountId), segment(fields.invoiceId)].map((value) =>
        encode ? encodeURIComponent(value) : value,
      );
      const params = { accountId, invoiceId };
      const request = new NextRequest("http://127.0.0.1:3000/api/billing/x/invoices/y/payments", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" },
      });
      const response = await paymentsRoute(request, { params: Promise.resolve(params) });
      expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const json = (await response.json()) as { message?: unknown };
      expect(typeof json.message === "string" && json.message.length > 0).toBe(true);
    });
  });

  it("addPaymentMethodAction", async () => {
    const poisons = [
      "accountId",
      "billingProfileId",
      "foreignAccount",
      "foreignProfile",
      "reader",
      "signedOut",
      ...cardFieldNames,
    ] as const;
    const arbitrary = fc.constantFrom(...poisons).chain((poison) =>
      fc.record({
        poison: fc.constant(poison),
        bad: hostileString,
        cardValue: poison in badCard ? badCard[poison] : fc.constant(""),
        card: fc.record(
          Object.fromEntries(cardFieldNames.map((name) => [name, validOrHostile(goodCard[name])])) as Record<
            keyof typeof goodCard,
            fc.Arbitrary<string>
          >,
        ),
      }),
    );
    await check("addPaymentMethodAction", arbitrary, runs(150), async ({ poison, bad, cardValue, card }) => {
      const fields: Record<string, string> = { accountId: w.contoso, billingProfileId: w.contosoProfile, ...card };
      let user: string | null = w.admin;
      if (poison === "accountId") fields.accountId = bad === w.contoso ? "x" : bad;
      else if (poison === "billingProfileId") fields.billingProfileId = bad === w.contosoProfile ? "x" : bad;
      else if (poison === "foreignAccount") fields.accountId = w.fabrikam;
      else if (poison === "foreignProfile") fields.billingProfileId = w.fabrikamProfile;
      else if (poison === "reader") user = w.reader;
      else if (poison === "signedOut") user = null;
      else fields[poison] = cardValue;
      await signInAs(user);
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const state = await addPaymentMethodAction({ status: "idle" }, form);
      expect(state.status, JSON.stringify(state)).toBe("error");
      expect(state.message?.length).toBeGreaterThan(0);
    });
  });

  for (const [name, action, allowed] of [
    ["setDefaultPaymentMethodAction", setDefaultPaymentMethodAction, () => [w.usableCard, w.defaultCard]],
    ["removePaymentMethodAction", removePaymentMethodAction, () => [w.usableCard, w.expiredCard]],
  ] as const) {
    it(name, async () => {
      const arbitrary = fc.record({
        poison: fc.constantFrom(
          "accountId",
          "paymentMethodId",
          "foreignCard",
          "foreignAccount",
          "refusedCard",
          "reader",
          "fabrikamAdmin",
          "signedOut",
          "missing",
        ),
        bad: hostileString,
      });
      await check(name, arbitrary, runs(70), async ({ poison, bad }) => {
        // The one card each action refuses on its own terms: an expired card cannot become the default; the default cannot be removed.
        const refusedCard = name === "setDefaultPaymentMethodAction" ? w.expiredCard : w.defaultCard;
        const fields: Record<string, string> = { accountId: w.contoso, paymentMethodId: allowed()[0] };
        let user: string | null = w.admin;
        if (poison === "accountId") fields.accountId = bad === w.contoso ? "x" : bad;
        else if (poison === "paymentMethodId")
          fields.paymentMethodId = (allowed() as readonly string[]).includes(bad) ? "x" : bad;
        else if (poison === "foreignCard") fields.paymentMethodId = w.fabrikamCard;
        else if (poison === "foreignAccount") fields.accountId = w.fabrikam;
        else if (poison === "refusedCard") fields.paymentMethodId = refusedCard;
        else if (poison === "reader") user = w.reader;
        else if (poison === "fabrikamAdmin") user = w.fabrikamAdmin;
        else if (poison === "signedOut") user = null;
        else delete fields.paymentMethodId;
        await signInAs(user);
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        const state = await action({ status: "idle" }, form);
        expect(state.status, JSON.stringify(state)).toBe("error");
        expect(state.message?.length).toBeGreaterThan(0);
      });
    });
  }

  it("signIn (never a session for a wrong or hostile credential)", async () => {
    const arbitrary = fc.record({
      email: fc.oneof(
        fc.constantFrom(
          "admin@contoso.com",
          "ADMIN@contoso.com ",
          "nobody@contoso.com",
          "admin@contoso.com\u0000",
          "admin@contoso.com' --",
        ),
        hostileString,
      ),
      password: fc
        .oneof(fc.constantFrom("passw0rd!", "Passw0rd! ", "' OR '1'='1", ""), hostileString)
        .filter((password) => password !== "Passw0rd!"),
      returnTo: fc.option(hostileString, { nil: undefined }),
    });
    await check("signIn", arbitrary, runs(40), async ({ email, password, returnTo }) => {
      resetNextRequest();
      const form = new FormData();
      form.append("email", email);
      form.append("password", password);
      if (returnTo !== undefined) form.append("returnTo", returnTo);
      const state = await signIn({}, form);
      expect(state.error?.length).toBeGreaterThan(0);
      expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    });
  });

  let expiredSeal: string | undefined;
  it("markNotificationsRead (forged, expired, foreign and garbage session cookies)", async () => {
    const arbitrary = fc.oneof(
      hostileString.map((value) => ({ kind: "garbage", value })),
      fc
        .constantFrom("Fe26.2**", "Fe26.2*1*a*b*c*d*e*f*g", "Fe26.2*1*" + "A".repeat(4000))
        .map((value) => ({ kind: "garbage", value })),
      fc.oneof(hostileString, fc.constant(w?.admin ?? "")).map((value) => ({ kind: "wrongKey", value })),
      fc.oneof(hostileString, wrongType).map((value) => ({ kind: "unknownUser", value })),
      fc.constant({ kind: "expired", value: "" }),
    );
    await check("markNotificationsRead", arbitrary, runs(60), async ({ kind, value }) => {
      resetNextRequest();
      let cookie = typeof value === "string" ? value : "";
      if (kind === "wrongKey")
        cookie = await sealData(
          { userId: w.admin },
          { password: "another-secret-entirely-0123456789abcdef0123456789", ttl: 3600 },
        );
      if (kind === "unknownUser")
        cookie = await sealData({ userId: value === w.admin ? "x" : value }, { password: SECRET, ttl: 3600 });
      if (kind === "expired") {
        if (!expiredSeal) {
          expiredSeal = await sealData({ userId: w.admin }, { password: SECRET, ttl: 1 });
          await new Promise((resolve) => setTimeout(resolve, 2_100));
        }
        cookie = expiredSeal;
      }
      cookieJar.set(SESSION_COOKIE, cookie);
      await expect(markNotificationsRead()).resolves.toBeUndefined();
    });
  });

  it("GET /api/billing/{account}/invoices/{invoice}/pdf", async () => {
    const arbitrary = fc.record({
      poison: fc.constantFrom(
        "accountId",
        "invoiceId",
        "foreignAccount",
        "foreignInvoice",
        "fabrikamAdmin",
        "signedOut",
      ),
      bad: hostileString,
      encode: fc.boolean(),
    });
    await check("pdf route", arbitrary, runs(150), async ({ poison, bad, encode }) => {
      let accountId = w.contoso;
      let invoiceId = w.dueInvoice;
      let user: string | null = w.admin;
      if (poison === "accountId") accountId = bad === w.contoso ? "x" : bad;
      else if (poison === "invoiceId") invoiceId = bad === w.dueInvoice ? "x" : bad;
      else if (poison === "foreignAccount") accountId = w.fabrikam;
      else if (poison === "foreignInvoice") invoiceId = w.fabrikamInvoice;
      else if (poison === "fabrikamAdmin") user = w.fabrikamAdmin;
      else user = null;
      await signInAs(user);
      const params = encode
        ? { accountId: encodeURIComponent(accountId), invoiceId: encodeURIComponent(invoiceId) }
        : { accountId, invoiceId };
      const response = await pdfRoute(new NextRequest("http://127.0.0.1/api/x"), { params: Promise.resolve(params) });
      expect([401, 404]).toContain(response.status);
      const json = (await response.json()) as { error?: { message?: string } };
      expect(json.error?.message?.length).toBeGreaterThan(0);
    });
  });

  it("parseInvoiceFilters (the Invoices blade's URL)", async () => {
    const value = fc.oneof(
      hostileString,
      fc.array(hostileString, { maxLength: 3 }),
      fc.constant(undefined),
      fc.constantFrom(
        ...timespans,
        ...sortColumns,
        ...invoiceStatuses,
        "asc",
        "desc",
        "2026-02-30",
        "2026-13-01",
        "0",
        "-1",
        "1e9",
      ),
    );
    const params = fc.record(
      {
        timespan: value,
        from: value,
        to: value,
        status: value,
        q: value,
        profile: value,
        sort: value,
        dir: value,
        page: value,
        ["__proto__"]: value,
        constructor: value,
      },
      { requiredKeys: [] },
    );
    await check("parseInvoiceFilters", params, runs(500), async (search) => {
      const filters = parseInvoiceFilters(search as Record<string, string | string[] | undefined>);
      expect(timespans).toContain(filters.timespan);
      expect(["all", ...invoiceStatuses]).toContain(filters.status);
      expect(sortColumns).toContain(filters.sort);
      expect(["asc", "desc"]).toContain(filters.dir);
      expect(Number.isInteger(filters.page) && filters.page >= 1 && filters.page <= 100_000).toBe(true);
      expect((filters.q ?? "").length).toBeLessThanOrEqual(40);
      for (const day of [filters.from, filters.to]) if (day !== undefined) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(PAGE_SIZE).toBeGreaterThan(0);
    });
  });
});
