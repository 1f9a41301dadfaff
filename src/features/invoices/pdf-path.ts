const invoicesApi = (accountId: string) => `/api/billing/${encodeURIComponent(accountId)}/invoices`;

/** The route that returns an invoice as a PDF (access-checked like the page). */
export function invoicePdfPath(accountId: string, invoiceId: string): string {
  return `${invoicesApi(accountId)}/${encodeURIComponent(invoiceId)}/pdf`;
}

/** The route that returns an invoice's Azure usage file (CSV). */
export function invoiceUsagePath(accountId: string, invoiceId: string): string {
  return `${invoicesApi(accountId)}/${encodeURIComponent(invoiceId)}/usage`;
}

/** The route that returns several invoices' PDFs in one ZIP, in the order given. */
export function invoicesZipPath(accountId: string, invoiceIds: string[]): string {
  const query = new URLSearchParams(invoiceIds.map((id) => ["invoice", id]));
  return `${invoicesApi(accountId)}/download?${query}`;
}
