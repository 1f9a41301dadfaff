import "server-only";

/**
 * The idempotency key a payment is stored under. A world's keys are its own:
 * one key sent in two worlds (parallel tests) is two payments, not a reuse, so
 * inside a world the key is prefixed with the world's ID. Every read and write
 * of Payment.idempotencyKey goes through this one function — storing a key one
 * way and looking it up another is how a retry stops replaying.
 */
export function storedPaymentKey(worldId: string | null, key: string): string {
  return worldId ? `${worldId}:${key}` : key;
}
