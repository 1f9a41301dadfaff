import { isPayableStatus, type InvoiceStatus } from "@/lib/invoice-status";

import type { AgreementType, Role } from "./roles";

/**
 * The one authorization policy (deny by default). Pages ask it what to render;
 * every server action and route handler asks it again before reading or
 * writing. `role` is the user's role on the billing account, or null.
 */
export type BillingAccess = { role: Role | null; agreementType: AgreementType };

export function canViewBillingAccount(access: BillingAccess): boolean {
  return access.role === "BILLING_ACCOUNT_ADMIN" || access.role === "BILLING_ACCOUNT_READER";
}

/** Invoices, their details, PDFs and the payment methods list are visible to every role. */
export const canViewInvoices = canViewBillingAccount;
export const canViewPaymentMethods = canViewBillingAccount;

export type PayDenial =
  | "notFound" // no role: the account is not revealed
  | "notAdmin" // a reader: told who can pay
  | "agreement" // MOSP / EA: invoices are not paid with Pay now
  | "notPayable"; // void, paid

/** Why this user may not pay this invoice, or null when they may. */
export function payDenial(access: BillingAccess, status: InvoiceStatus): PayDenial | null {
  if (!canViewBillingAccount(access)) return "notFound";
  if (access.role !== "BILLING_ACCOUNT_ADMIN") return "notAdmin";
  if (access.agreementType !== "MCA") return "agreement";
  if (!isPayableStatus(status)) return "notPayable";
  return null;
}

export function canPayInvoice(access: BillingAccess, status: InvoiceStatus): boolean {
  return payDenial(access, status) === null;
}

/** Card management belongs to the billing account admin of an account paid by card (MCA, MOSP); EA accounts have no cards. */
export function canManagePaymentMethods(access: BillingAccess): boolean {
  return access.role === "BILLING_ACCOUNT_ADMIN" && (access.agreementType === "MCA" || access.agreementType === "MOSP");
}
