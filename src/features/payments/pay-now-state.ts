/** What the Pay now action answers; `nextKey` is the idempotency key for the next attempt. */
export type PayNowState =
  | { status: "idle"; nextKey: string }
  | { status: "succeeded"; paymentId: string; amountMinor: number; paidInFull: boolean; nextKey: string }
  | { status: "declined"; message: string; retryable: boolean; nextKey: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string>; nextKey: string };
