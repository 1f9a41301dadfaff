import "server-only";

// Translation glue for the invoice PDF: the request's locale and catalog texts in, the laid-out PDF out.

import { getTranslations } from "next-intl/server";

import { intlLocaleOf } from "@/i18n/format";
import { formatDate } from "@/lib/dates";
import { invoiceStatus } from "@/lib/invoice-status";

import { buildInvoicePdf, type InvoicePdfInput, type InvoicePdfTexts } from "./pdf-layout";

/** The file name a browser saves the PDF under. */
export function invoicePdfFileName(invoiceId: string): string {
  return `Invoice_${invoiceId.replace(/[^A-Za-z0-9_-]/g, "_")}.pdf`;
}

/**
 * The invoice as a PDF in the current request's language (texts from "invoices.pdf", money and dates per
 * locale); its status as of `clock`, the reader's world clock.
 */
export async function renderInvoicePdf(invoice: InvoicePdfInput, clock: Date): Promise<Uint8Array> {
  const [t, ts, ti, locale] = await Promise.all([
    getTranslations("invoices.pdf"),
    getTranslations("invoices.status"),
    getTranslations("invoices"),
    intlLocaleOf(),
  ]);
  const status = invoiceStatus(invoice, clock);
  const day = (date: Date) => formatDate(date, locale);
  const texts: InvoicePdfTexts = {
    title: t("title"),
    invoiceNumber: t("invoiceNumber"),
    billingAccount: t("billingAccount"),
    billingProfile: t("billingProfile"),
    invoiceDate: t("invoiceDate"),
    dueDate: t("dueDate"),
    billingPeriod: t("billingPeriod"),
    status: t("status"),
    description: t("description"),
    amount: t("amount"),
    subtotal: t("subtotal"),
    tax: t("tax"),
    total: t("total"),
    amountDue: t("amountDue"),
    howToPay: t("howToPay"),
    payInstructions: t("payInstructions", { number: invoice.id }),
    bank: t("bank"),
    simulator: t("simulator"),
    notice: status === "void" ? t("void") : status === "paid" ? t("paid") : undefined,
    period: ti("period", { start: day(invoice.periodStart), end: day(invoice.periodEnd) }),
    statusText: ts(status),
    page: (page, pages) => t("page", { page, pages }),
  };
  return buildInvoicePdf(invoice, texts, { locale, createdAt: clock });
}
