import "server-only";

import { invoiceStatus, invoiceStatuses, pendingMinorOf, type InvoiceStatus } from "@/lib/invoice-status";
import { minorUnitDigits } from "@/lib/money";
import type { Db, Tx } from "@/server/db";

/**
 * An invoice as the control API answers it: everything a test needs to act on
 * it (pay it, find its row, check it) without guessing from a bare number.
 */
export type WorldInvoice = {
  number: string;
  billingAccount: string;
  billingAccountName: string;
  billingProfileId: string;
  billingProfileName: string;
  status: InvoiceStatus;
  /** What is left to pay; `value` in major units (USD 1,234.56 → 1234.56). */
  amountDue: { value: number; currency: string };
  amountDueMinor: number;
  total: { value: number; currency: string };
  totalMinor: number;
  currency: string;
  invoiceDate: string;
  dueDate: string;
};

export { invoiceStatuses };

const major = (minor: number, currency: string) => ({ value: minor / 10 ** minorUnitDigits(currency), currency });

/**
 * The world's invoices as objects, in a stable order (billing account name, profile name, newest first, then
 * number), their statuses by the world's clock `now`; only `numbers` when given, only `statuses` when given.
 */
export async function worldInvoices(
  client: Db | Tx,
  worldId: string,
  now: Date,
  filter: { statuses?: readonly InvoiceStatus[]; numbers?: readonly string[] } = {},
): Promise<WorldInvoice[]> {
  const rows = await client.invoice.findMany({
    where: {
      billingAccount: { worldId },
      documentType: "INVOICE",
      ...(filter.numbers ? { id: { in: [...filter.numbers] } } : {}),
    },
    select: {
      id: true,
      currency: true,
      totalMinor: true,
      amountDueMinor: true,
      voided: true,
      invoiceDate: true,
      dueDate: true,
      billingAccount: { select: { id: true, name: true } },
      billingProfile: { select: { id: true, name: true } },
      payments: { where: { status: "PENDING" }, select: { status: true, amountMinor: true } },
    },
  });
  const invoices = rows.map((row): WorldInvoice => ({
    number: row.id,
    billingAccount: row.billingAccount.id,
    billingAccountName: row.billingAccount.name,
    billingProfileId: row.billingProfile.id,
    billingProfileName: row.billingProfile.name,
    status: invoiceStatus({ ...row, pendingMinor: pendingMinorOf(row.payments) }, now),
    amountDue: major(row.amountDueMinor, row.currency),
    amountDueMinor: row.amountDueMinor,
    total: major(row.totalMinor, row.currency),
    totalMinor: row.totalMinor,
    currency: row.currency,
    invoiceDate: row.invoiceDate.toISOString(),
    dueDate: row.dueDate.toISOString(),
  }));
  return invoices
    .filter((invoice) => !filter.statuses || filter.statuses.includes(invoice.status))
    .sort(
      (a, b) =>
        a.billingAccountName.localeCompare(b.billingAccountName) ||
        a.billingProfileName.localeCompare(b.billingProfileName) ||
        b.invoiceDate.localeCompare(a.invoiceDate) ||
        a.number.localeCompare(b.number),
    );
}
