/** The route that returns an invoice as a PDF (access-checked like the page). */
export function invoicePdfPath(accountId: string, invoiceId: string): string {
  return `/api/billing/${encodeURIComponent(accountId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`;
}
