import { toMajorString } from "@/lib/money";

/**
 * The columns of the Azure usage file ("Prepare Azure usage file"), named and
 * ordered as in Microsoft's Customer Agreement cost and usage details schema
 * (learn.microsoft.com/azure/cost-management-billing/dataset-schema/cost-usage-details-mca):
 * the subset the simulator has figures for. Names stay in English in every
 * language, as in Azure's files, so scripts that read them keep working.
 */
export const USAGE_FILE_COLUMNS = [
  "invoiceId",
  "billingAccountId",
  "billingAccountName",
  "billingProfileId",
  "billingProfileName",
  "billingPeriodEndDate",
  "billingPeriodStartDate",
  "date",
  "serviceFamily",
  "meterName",
  "meterCategory",
  "quantity",
  "billingCurrency",
  "costInBillingCurrency",
  "unitPrice",
] as const;

export type UsageFileInvoice = {
  id: string;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  billingAccount: { id: string; name: string };
  billingProfile: { id: string; name: string };
  lines: {
    serviceFamily: string;
    description: string;
    quantity: number;
    unitPriceMinor: number;
    amountMinor: number;
  }[];
};

/** Azure's usage files write dates as MM/DD/YYYY. */
function usageDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
}

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading quote;
 * numbers, negative ones included, stay numbers.
 */
export function csvField(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "Virtual Machines D4s v5 — hours" → category "Virtual Machines D4s v5": the part before the unit. */
function meterCategory(description: string): string {
  return description.split(" — ")[0];
}

/**
 * The invoice's usage lines as CSV (header row first, CRLF line ends as RFC
 * 4180 says). One row per invoice line: the simulator keeps a month's total per
 * meter, dated the first day of the billing period, where Azure writes a row per
 * day and meter.
 */
export function usageFileCsv(invoice: UsageFileInvoice): string {
  const rows = invoice.lines.map((line) =>
    [
      invoice.id,
      invoice.billingAccount.id,
      invoice.billingAccount.name,
      invoice.billingProfile.id,
      invoice.billingProfile.name,
      usageDate(invoice.periodEnd),
      usageDate(invoice.periodStart),
      usageDate(invoice.periodStart),
      line.serviceFamily,
      line.description,
      meterCategory(line.description),
      String(line.quantity),
      invoice.currency,
      toMajorString(line.amountMinor, invoice.currency),
      toMajorString(line.unitPriceMinor, invoice.currency),
    ].map(csvField),
  );
  return [USAGE_FILE_COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n") + "\r\n";
}

/** The file name a browser saves the usage file under. */
export function usageFileName(invoiceId: string): string {
  return `AzureUsage_${invoiceId.replace(/[^A-Za-z0-9_-]/g, "_")}.csv`;
}
