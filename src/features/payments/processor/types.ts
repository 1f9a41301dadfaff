import type { DeclineCode } from "./test-cards";

/**
 * What the portal gives a card processor: never the full number or the
 * security code beyond the request that carries them; the processor here
 * identifies a card by its fingerprint, as a gateway's token would.
 */
export type ChargeRequest = {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  card: { fingerprint: string; brand: string; last4: string; expMonth: number; expYear: number };
  /** Shown on the bank statement; always names the invoice number. */
  description: string;
};

export type ChargeResult = { outcome: "approved"; reference: string } | { outcome: "declined"; code: DeclineCode };

/** One interface, so a real gateway could replace the simulator. */
export interface CardProcessor {
  /** Charges once per idempotency key: the same key again returns the first result. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** What became of a charge, or null if the processor never received it. */
  lookup(idempotencyKey: string): Promise<ChargeResult | null>;
  /**
   * Gives up on a charge for good: if the processor never received it, any
   * later charge with this key is refused (declined, `processing_error`).
   * Returns the key's final result — the charge's own if it got there first.
   */
  abandon(charge: AbandonedCharge): Promise<ChargeResult>;
}

export type AbandonedCharge = { idempotencyKey: string; amountMinor: number; currency: string };
