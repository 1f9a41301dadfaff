import type { AgreementType, Role } from "@/features/access/roles";
import { invoicePdfPath } from "@/features/invoices/pdf-path";
import { startOfUtcDay } from "@/lib/dates";
import { invoiceStatus, pendingMinorOf, type InvoiceStatusInput } from "@/lib/invoice-status";
import { toMajorString } from "@/lib/money";

/**
 * The portal's rows as ARM resources of Microsoft.Billing, 2020-05-01 (the
 * shapes of Azure/azure-rest-api-specs and of @azure/arm-billing's mappers):
 * `{ id, name, type, properties }`.
 */
export const PROVIDER = "/providers/Microsoft.Billing";

export const billingAccountResourceId = (accountId: string) => `${PROVIDER}/billingAccounts/${accountId}`;
export const billingProfileResourceId = (accountId: string, profileId: string) =>
  `${billingAccountResourceId(accountId)}/billingProfiles/${profileId}`;
export const invoiceResourceId = (accountId: string, invoiceId: string) =>
  `${billingAccountResourceId(accountId)}/invoices/${invoiceId}`;
/** A payment method's own ID in 2024-04-01 (payment method links and invoice payments name it). */
export const paymentMethodResourceId = (paymentMethodId: string) => `${PROVIDER}/paymentMethods/${paymentMethodId}`;

/**
 * `{currency, value}` with the value an exact decimal of the stored minor
 * units. JSON has one number type: the value is the decimal string's number,
 * which JSON.stringify writes back as that same shortest decimal ("1234.5",
 * "72450") for every amount below 10^13 minor units, so no binary rounding
 * reaches the wire.
 */
export function armAmount(amountMinor: number, currency: string) {
  return { currency, value: Number(toMajorString(amountMinor, currency)) };
}

const agreementTypeNames: Record<AgreementType, string> = {
  MCA: "MicrosoftCustomerAgreement",
  MOSP: "MicrosoftOnlineServicesProgram",
  EA: "EnterpriseAgreement",
};

export function billingAccountResource(account: {
  id: string;
  name: string;
  agreementType: AgreementType;
  role: Role;
}) {
  return {
    id: billingAccountResourceId(account.id),
    name: account.id,
    type: "Microsoft.Billing/billingAccounts",
    properties: {
      displayName: account.name,
      agreementType: agreementTypeNames[account.agreementType],
      accountStatus: "Active",
      // Every role the simulator knows (admin, reader) reads the account.
      hasReadAccess: true,
    },
  };
}

export function billingProfileResource(accountId: string, profile: { id: string; name: string; currency: string }) {
  return {
    id: billingProfileResourceId(accountId, profile.id),
    name: profile.id,
    type: "Microsoft.Billing/billingAccounts/billingProfiles",
    properties: {
      displayName: profile.name,
      currency: profile.currency,
      hasReadAccess: true,
      billingRelationshipType: "Direct",
      status: "Active",
      spendingLimit: "Off",
    },
  };
}

export type ArmInvoiceStatus = "Due" | "OverDue" | "Paid" | "Void";

/**
 * The blade's status in ARM's four words. ARM has no "Partially paid": such
 * an invoice is Due, or OverDue once its due date has passed (amountDue <
 * totalAmount says it was partly paid). Nor "Payment processing": until the
 * processor's answer settles the payment, ARM says what it said before it —
 * Due or OverDue — and turns Paid with the blade (docs/api.md, Status mapping).
 */
export function armInvoiceStatus(invoice: ArmInvoiceInput, now: Date): ArmInvoiceStatus {
  switch (invoiceStatus({ ...invoice, pendingMinor: pendingMinorOf(invoice.payments) }, now)) {
    case "due":
      return "Due";
    case "pastDue":
      return "OverDue";
    case "paid":
      return "Paid";
    case "void":
      return "Void";
    case "partiallyPaid":
    case "processing":
      return startOfUtcDay(now) > startOfUtcDay(invoice.dueDate) ? "OverDue" : "Due";
  }
}

export type ArmInvoiceInput = Omit<InvoiceStatusInput, "pendingMinor"> & {
  id: string;
  billingAccountId: string;
  billingProfileId: string;
  documentType: string;
  invoiceDate: Date;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  payments: Array<{
    paymentMethodId?: string | null;
    declineCode?: string | null;
    amountMinor: number;
    currency: string;
    kind: string;
    status: string;
    cardBrand: string | null;
    createdAt: Date;
    settledAt: Date | null;
  }>;
};

function armPayment(payment: ArmInvoiceInput["payments"][number], version: string) {
  const card = payment.kind === "CARD";
  return {
    // 2024-04-01 names the payment method (the card's ID, as the profile's payment methods list it).
    ...(version === "2024-04-01" && payment.paymentMethodId
      ? { paymentMethodId: paymentMethodResourceId(payment.paymentMethodId) }
      : {}),
    // "credited" as in Azure's examples; a payment still with the processor is "pending".
    paymentType: payment.status === "SUCCEEDED" ? "credited" : "pending",
    amount: armAmount(payment.amountMinor, payment.currency),
    date: (payment.settledAt ?? payment.createdAt).toISOString(),
    paymentMethodFamily: card ? "CreditCard" : "CheckWire",
    ...(card && payment.cardBrand ? { paymentMethodType: payment.cardBrand } : {}),
  };
}

/** 2024-04-01's FailedPaymentReason for the processor's decline code. */
function failedPaymentReason(code: string | null | undefined): string {
  if (code === "expired_card") return "CardExpired";
  if (code === "incorrect_cvc" || code === "incorrect_number" || code === "invalid_expiry")
    return "IncorrectCardDetails";
  return code ? "BankDeclined" : "Other";
}

/**
 * An invoice as ARM returns it in `version`; `origin` makes the document's URL
 * absolute. 2024-04-01 renamed `AzureService` to `AzureServices` and added
 * the document's `name` (what its download asks for), the payment method of a
 * payment and the failed attempts.
 */
export function invoiceResource(
  invoice: ArmInvoiceInput,
  profileName: string,
  origin: string,
  now: Date,
  version: string = "2020-05-01",
) {
  const zero = armAmount(0, invoice.currency);
  const creditNote = invoice.documentType === "CREDIT_NOTE";
  const v2024 = version === "2024-04-01";
  return {
    id: invoiceResourceId(invoice.billingAccountId, invoice.id),
    name: invoice.id,
    type: "Microsoft.Billing/billingAccounts/invoices",
    properties: {
      dueDate: invoice.dueDate.toISOString(),
      invoiceDate: invoice.invoiceDate.toISOString(),
      status: armInvoiceStatus(invoice, now),
      amountDue: armAmount(invoice.amountDueMinor, invoice.currency),
      billedAmount: armAmount(invoice.subtotalMinor, invoice.currency),
      subTotal: armAmount(invoice.subtotalMinor, invoice.currency),
      taxAmount: armAmount(invoice.taxMinor, invoice.currency),
      totalAmount: armAmount(invoice.totalMinor, invoice.currency),
      // The simulator has no credits or prepayments: they are zero, not unknown.
      azurePrepaymentApplied: zero,
      creditAmount: zero,
      freeAzureCreditApplied: zero,
      invoicePeriodStartDate: invoice.periodStart.toISOString(),
      invoicePeriodEndDate: invoice.periodEnd.toISOString(),
      invoiceType: v2024 ? "AzureServices" : "AzureService",
      isMonthlyInvoice: true,
      billingProfileId: billingProfileResourceId(invoice.billingAccountId, invoice.billingProfileId),
      billingProfileDisplayName: profileName,
      documentType: creditNote ? "CreditNote" : "Invoice",
      documents: [
        {
          kind: creditNote ? "CreditNote" : "Invoice",
          url: origin + invoicePdfPath(invoice.billingAccountId, invoice.id),
          source: "DRS",
          ...(v2024 ? { name: invoice.id } : {}),
        },
      ],
      payments: invoice.payments
        .filter((p) => p.status === "SUCCEEDED" || p.status === "PENDING")
        .map((p) => armPayment(p, version)),
      ...(v2024
        ? {
            failedPayments: invoice.payments
              .filter((p) => p.status === "FAILED")
              .map((p) => ({
                date: (p.settledAt ?? p.createdAt).toISOString(),
                failedPaymentReason: failedPaymentReason(p.declineCode),
              })),
          }
        : {}),
    },
  };
}

/** The download token of an invoice's document: its source and document ID, as Azure forms it ("DRS_…"). */
export const invoiceDownloadToken = (invoiceId: string) => `DRS_${invoiceId}`;
