import "server-only";

import { createHmac } from "node:crypto";

import { cardFingerprintKey } from "@/server/secret";

/**
 * A keyed hash of the card number: lets the product recognise the same card
 * (and the simulator pick its outcome) without ever storing the number.
 * The key is this installation's secret (src/server/secret.ts), never stored
 * beside the fingerprints: without it, the fingerprint cannot be brute-forced
 * back into the number.
 */
export function cardFingerprint(cardNumber: string, key = cardFingerprintKey()): string {
  return createHmac("sha256", key).update(cardNumber).digest("hex");
}
