import "server-only";
import { createHash } from "node:crypto";
import { cardFingerprint } from "../card-fingerprint";
import { testCards, type TestCard } from "./test-cards";
import type { CardProcessor, ChargeRequest, ChargeResult } from "./types";

/**
 * The simulated card processor: the outcome is chosen by the card (its
 * fingerprint matched against the test cards), approved for any other card.
 * A small delay (PAYMENT_DELAY_MS, default 1200 ms; 0 in tests) makes the
 * blade's progress visible.
 */
export class SimulatedProcessor implements CardProcessor {
  private readonly outcomes: Map<string, TestCard["outcome"]>;

  constructor(private readonly delayMs = Number(process.env.PAYMENT_DELAY_MS ?? 1200)) {
    this.outcomes = new Map(testCards.map((card) => [cardFingerprint(card.number), card.outcome]));
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const outcome = this.outcomes.get(request.card.fingerprint) ?? "approved";
    if (outcome !== "approved") return { outcome: "declined", code: outcome };
    // The same request always gets the same reference, as a gateway's idempotent API does.
    const reference = `SIM-${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 12).toUpperCase()}`;
    return { outcome: "approved", reference };
  }
}

let processor: CardProcessor | undefined;

export function cardProcessor(): CardProcessor {
  processor ??= new SimulatedProcessor();
  return processor;
}

/** Tests swap the processor (e.g. one that counts calls or fails). */
export function setCardProcessor(next: CardProcessor | undefined): void {
  processor = next;
}
