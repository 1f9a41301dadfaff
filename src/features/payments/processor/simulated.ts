import "server-only";

import { createHash } from "node:crypto";

import { cardFingerprint } from "@/server/card-fingerprint";
import { now } from "@/server/clock";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/errors";

import { declineCodes, testCards, type DeclineCode, type TestCard } from "./test-cards";
import type { AbandonedCharge, CardProcessor, ChargeRequest, ChargeResult } from "./types";

/**
 * Fault injection for reliability tests (SIM_PROCESSOR_FAULT):
 * - "fail-after-charge": records the charge, then the connection "drops" (throws);
 * - "crash-after-charge": records the charge, then kills the server process;
 * - "timeout": records the charge, then answers only after a long time;
 * - "slow": answers after SIM_PROCESSOR_SLOW_MS (default 3000 ms).
 */
export type ProcessorFault = "none" | "fail-after-charge" | "crash-after-charge" | "timeout" | "slow";

function faultFromEnv(): ProcessorFault {
  const value = process.env.SIM_PROCESSOR_FAULT;
  return value === "fail-after-charge" || value === "crash-after-charge" || value === "timeout" || value === "slow"
    ? value
    : "none";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ledger's outcome for a charge given up on before it reached the processor; read back as a processing error. */
const ABANDONED = "abandoned";

function toResult(row: { outcome: string; reference: string | null }): ChargeResult {
  if (row.outcome === "approved") return { outcome: "approved", reference: row.reference ?? "" };
  if (row.outcome === ABANDONED) return { outcome: "declined", code: "processing_error" };
  const code = (declineCodes as readonly string[]).includes(row.outcome)
    ? (row.outcome as DeclineCode)
    : "generic_decline";
  return { outcome: "declined", code };
}

/**
 * The simulated card processor: the outcome is chosen by the card (its
 * fingerprint matched against the test cards), approved for any other card.
 * Its ledger (the SimulatedCharge table) plays the gateway's own records: a
 * charge is made once per idempotency key and can be looked up afterwards;
 * an abandoned key is written there too, so a late charge on it is refused.
 * PAYMENT_DELAY_MS (default 1200 ms; 0 in tests) makes progress visible.
 */
export class SimulatedProcessor implements CardProcessor {
  private readonly outcomes: Map<string, TestCard["outcome"]>;

  constructor(
    private readonly delayMs = Number(process.env.PAYMENT_DELAY_MS ?? 1200),
    private readonly fault: ProcessorFault = faultFromEnv(),
  ) {
    this.outcomes = new Map(testCards.map((card) => [cardFingerprint(card.number), card.outcome]));
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const earlier = await this.lookup(request.idempotencyKey);
    if (earlier) return earlier;
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.fault === "slow") await sleep(Number(process.env.SIM_PROCESSOR_SLOW_MS ?? 3000));

    const outcome = this.outcomes.get(request.card.fingerprint) ?? "approved";
    // The same request always gets the same reference, as a gateway's idempotent API does.
    const reference =
      outcome === "approved"
        ? `SIM-${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 12).toUpperCase()}`
        : null;
    const { idempotencyKey, amountMinor, currency } = request;
    const { result, first } = await this.record({ idempotencyKey, amountMinor, currency, outcome, reference });
    // Abandoned (or charged by a concurrent request) while this one was on its way: that answer stands.
    if (!first) return result;

    if (this.fault === "fail-after-charge")
      throw new Error("Simulated processor: connection lost after the charge was made");
    if (this.fault === "crash-after-charge") process.kill(process.pid, "SIGKILL");
    if (this.fault === "timeout") await sleep(Number(process.env.SIM_PROCESSOR_TIMEOUT_MS ?? 60_000));
    return result;
  }

  async abandon(charge: AbandonedCharge): Promise<ChargeResult> {
    // The ledger's key is the charge's: whichever of the charge and its abandonment is written
    // first is final, and the other one reads it back.
    const { idempotencyKey, amountMinor, currency } = charge;
    return (await this.record({ idempotencyKey, amountMinor, currency, outcome: ABANDONED, reference: null })).result;
  }

  async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    const row = await db.simulatedCharge.findUnique({ where: { idempotencyKey } });
    return row ? toResult(row) : null;
  }

  /** Writes a charge (or an abandonment) to the ledger once per key; returns what the key's first write says. */
  private async record(entry: {
    idempotencyKey: string;
    amountMinor: number;
    currency: string;
    outcome: string;
    reference: string | null;
  }): Promise<{ result: ChargeResult; first: boolean }> {
    try {
      await db.simulatedCharge.create({ data: { ...entry, createdAt: now() } });
      return { result: toResult(entry), first: true };
    } catch (error) {
      // A concurrent charge or abandonment with the same key was recorded first: answer as it did.
      if (!isUniqueViolation(error)) throw error;
      const earlier = await this.lookup(entry.idempotencyKey);
      if (earlier) return { result: earlier, first: false };
      throw error;
    }
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
