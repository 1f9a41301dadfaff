import type { ClientNamespace } from "@/i18n/client-messages";

/**
 * The parts of the invoices catalog that the grid's client components read (InvoiceGridControls:
 * the selection and Download; InvoiceRowMenu: the "…" menu): all the browser gets of it with the
 * grid. The rows' words are formatted on the server (InvoicesGrid).
 */
export const gridClientWords = [
  "invoices.commands",
  "invoices.select",
  "invoices.rowMenu",
  "invoices.rowDownload",
  "invoices.rowInvoice",
  "invoices.prepareUsage",
] as const satisfies readonly ClientNamespace[];

/** What the Overview's chart reads (InvoiceTotalsChart). */
export const chartClientWords = ["invoices.overview", "invoices.columns"] as const satisfies readonly ClientNamespace[];
