// A security review's first finding: a stolen database file must not give card numbers back.
// The database keeps brand, last four, expiry and a fingerprint (HMAC of the number). With the issuer
// prefix known (the first six digits), a 16-digit card has 10^6 middle-digit candidates, 10^5 after the
// Luhn check: the attack below really runs them, with every key an attacker could know.
import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { cardFingerprint } from "@/server/card-fingerprint";
import { demoAccounts } from "@/server/demo/world";
import { cardFingerprintKey, installationSecretFile, PUBLISHED_CARD_FINGERPRINT_KEY } from "@/server/secret";

import { databaseContents } from "../support/db-snapshot";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase({ seed: true });

function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

type StolenRow = { brand: string; last4: string; fingerprint: string };

/** The attack: every number with this issuer prefix and these last four digits, hashed with `key`. */
function recoverNumber(row: StolenRow, issuerPrefix: string, key: string): { found: string[]; tried: number } {
  const length = row.brand === "american-express" ? 15 : 16;
  const middle = length - issuerPrefix.length - 4;
  const found: string[] = [];
  let tried = 0;
  for (let n = 0; n < 10 ** middle; n++) {
    const candidate = issuerPrefix + String(n).padStart(middle, "0") + row.last4;
    if (!luhnValid(candidate)) continue;
    tried++;
    if (cardFingerprint(candidate, key) === row.fingerprint) found.push(candidate);
  }
  return { found, tried };
}

/** What the attacker is assumed to know beyond the database: each card's issuer prefix (BIN). */
const demoCardNumbers = demoAccounts.flatMap((account) =>
  account.profiles.flatMap((profile) => profile.cards.map((card) => card.number)),
);
function issuerPrefixOf(row: StolenRow): string {
  const number = demoCardNumbers.find((candidate) => candidate.endsWith(row.last4));
  if (!number) throw new Error(`no demo card ends in ${row.last4}`);
  return number.slice(0, 6);
}

async function stolenRows(): Promise<StolenRow[]> {
  const rows = await testDb.db.paymentMethod.findMany({ where: { fingerprint: { not: null } } });
  return rows.map((row) => ({ brand: row.brand, last4: row.last4, fingerprint: row.fingerprint! }));
}

describe("card fingerprints (review finding 1)", () => {
  it("no card number can be recovered from the database with the published key: the brute force finds nothing", async () => {
    const rows = await stolenRows();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // One row per distinct card is enough: the same number has the same fingerprint.
    const distinct = [...new Map(rows.map((row) => [row.fingerprint, row])).values()];
    let tried = 0;
    for (const row of distinct) {
      const attack = recoverNumber(row, issuerPrefixOf(row), PUBLISHED_CARD_FINGERPRINT_KEY);
      expect(attack.found, `card ending ${row.last4}`).toEqual([]);
      tried += attack.tried;
    }
    // The attack really ran: ~10^5 Luhn-valid candidates per 16-digit card (10^4 for American Express).
    expect(tried).toBeGreaterThan(100_000);
  }, 60_000);

  it("the same attack does recover the number from a fingerprint made with the published key (the test can fail)", () => {
    const number = "4242424242424242";
    const row = { brand: "visa", last4: "4242", fingerprint: cardFingerprint(number, PUBLISHED_CARD_FINGERPRINT_KEY) };
    const attack = recoverNumber(row, "424242", PUBLISHED_CARD_FINGERPRINT_KEY);
    expect(attack.found).toEqual([number]);
    expect(attack.tried).toBe(100_000);
  }, 60_000);

  it("what protects the numbers is the installation's key, kept outside the database", async () => {
    const [row] = await stolenRows();
    const withTheKey = recoverNumber(row, issuerPrefixOf(row), cardFingerprintKey());
    expect(withTheKey.found).toHaveLength(1);

    const key = cardFingerprintKey();
    expect(key).not.toBe(PUBLISHED_CARD_FINGERPRINT_KEY);
    expect(key.length).toBeGreaterThanOrEqual(32);
    // In the data directory (DATA_DIR, default ./data), or where an older version wrote it.
    const file = installationSecretFile(".card-fingerprint-key");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(key);
    expect(fs.statSync(file).mode & 0o077, "readable by its owner only").toBe(0);
    const bytes = await databaseContents(testDb);
    expect(bytes.includes(Buffer.from(key)), "the key is not in the database files").toBe(false);
  }, 60_000);

  it("refuses the published key outside tests, and a short key anywhere", () => {
    expect(() =>
      cardFingerprintKey({ CARD_FINGERPRINT_KEY: PUBLISHED_CARD_FINGERPRINT_KEY, NODE_ENV: "production" }),
    ).toThrow(/published in the repository/);
    expect(() =>
      cardFingerprintKey({ CARD_FINGERPRINT_KEY: PUBLISHED_CARD_FINGERPRINT_KEY, NODE_ENV: "development" }),
    ).toThrow(/published in the repository/);
    expect(cardFingerprintKey({ CARD_FINGERPRINT_KEY: PUBLISHED_CARD_FINGERPRINT_KEY, NODE_ENV: "test" })).toBe(
      PUBLISHED_CARD_FINGERPRINT_KEY,
    );
    expect(() => cardFingerprintKey({ CARD_FINGERPRINT_KEY: "short" })).toThrow(/at least 32/);
    const chosen = "a-deployment-key-of-forty-characters-000";
    expect(cardFingerprintKey({ CARD_FINGERPRINT_KEY: chosen })).toBe(chosen);
  });
});
