/** What the Settle balance blade's action answers; shared by the action and the form. */
export type SettleInvoiceResult = {
  invoiceId: string;
  amountMinor: number;
  currency: string;
  status: "succeeded" | "declined" | "inProgress" | "refused";
  /** Why it was not paid, in the user's language. */
  message?: string;
};

export type SettleState = {
  status: "idle" | "settled" | "error";
  /** The next attempt's ID: the same after an error that charged nothing, a fresh one after a settle. */
  nextAttemptId: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  results?: SettleInvoiceResult[];
};
