import { isPayableStatus, type InvoiceStatus } from "@/lib/invoice-status";
import { mospHasPayNow } from "@/lib/mosp-pay-now";
import { exceedsCardLimit } from "@/lib/payment-rules";

import type { AgreementType, Role } from "./roles";

/**
 * The one authorization policy (deny by default). Pages ask it what to render;
 * every server action and route handler asks it again before reading or
 * writing. `role` is the user's role on the billing account, or null.
 */
export type BillingAccess = {
  role: Role | null;
  agreementType: AgreementType;
  /** MOSP: the country of the account's subscription, which decides Pay now or Settle balance. */
  country?: string | null;
};

export function canViewBillingAccount(access: BillingAccess): boolean {
  return access.role === "BILLING_ACCOUNT_ADMIN" || access.role === "BILLING_ACCOUNT_READER";
}

/** Invoices, their details, PDFs and the payment methods list are visible to every role. */
export const canViewInvoices = canViewBillingAccount;

export type PayDenial =
  | "notFound" // no role: the account is not revealed
  | "notAdmin" // a reader: told who can pay
  | "agreement" // MOSP / EA: invoices are not paid with Pay now
  | "notPayable" // void, paid, or its payment is being processed
  | "aboveCardLimit"; // the balance is above the card limit: wire transfer only

/** What the policy needs to know of an invoice: its status (lib/invoice-status) and its balance. */
export type InvoiceToPay = { status: InvoiceStatus; amountDueMinor: number; currency: string };

/**
 * May this user pay this invoice by card, and if not, why — the one answer
 * the Invoices grid, the Pay now blade and payInvoice all use. Null: they may.
 */
export function payDenial(
  access: BillingAccess,
  invoice: InvoiceToPay,
  via: "payNow" | "settleBalance" = "payNow",
): PayDenial | null {
  if (!canViewBillingAccount(access)) return "notFound";
  if (access.role !== "BILLING_ACCOUNT_ADMIN") return "notAdmin";
  if (via === "settleBalance" ? !settlesBalance(access) : !hasPayNow(access)) return "agreement";
  if (!isPayableStatus(invoice.status)) return "notPayable";
  if (exceedsCardLimit(invoice.amountDueMinor, invoice.currency)) return "aboveCardLimit";
  return null;
}

/**
 * Pay now belongs to MCA accounts, and to MOSP (pay-as-you-go) accounts in the countries Microsoft
 * lists; elsewhere a MOSP account settles its past-due balance instead (docs/fidelity.md).
 */
export function hasPayNow(access: BillingAccess): boolean {
  return access.agreementType === "MCA" || (access.agreementType === "MOSP" && mospHasPayNow(access.country));
}

/**
 * Partial payments after a failed Pay now payment: pay-bill's "Partial payments" offers them to pay-as-you-go
 * (MOSP) customers only, who have Pay now where hasPayNow says; never on an MCA account (docs/fidelity.md).
 */
export function offersPartialPayments(access: BillingAccess): boolean {
  return access.agreementType === "MOSP" && hasPayNow(access);
}

/** Settle balance: a MOSP account outside the Pay now countries. Who may use it is payDenial's question. */
export function settlesBalance(access: BillingAccess): boolean {
  return access.agreementType === "MOSP" && !mospHasPayNow(access.country);
}

/**
 * Whether Pay now is offered for the invoice: the user may pay it, by card or —
 * above the card limit — by wire transfer, whose instructions the blade shows.
 */
export function offersPayNow(denial: PayDenial | null): boolean {
  return denial === null || denial === "aboveCardLimit";
}

/** Card management belongs to the billing account admin of an account paid by card (MCA, MOSP); EA accounts have no cards. */
export function canManagePaymentMethods(access: BillingAccess): boolean {
  return access.role === "BILLING_ACCOUNT_ADMIN" && (access.agreementType === "MCA" || access.agreementType === "MOSP");
}
