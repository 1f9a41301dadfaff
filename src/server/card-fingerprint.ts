import "server-only";

import { createHmac } from "node:crypto";

/**
 * A keyed hash of the card number: lets the product recognise the same card
 * (and the simulator pick its outcome) without ever storing the number.
 * The key is not secret in a simulator, but a deployment can change it.
 */
export function cardFingerprint(
  cardNumber: string,
  key = process.env.CARD_FINGERPRINT_KEY ?? "azure-billing-sim/card-fingerprint/v1",
): string {
  return createHmac("sha256", key).update(cardNumber).digest("hex");
}
