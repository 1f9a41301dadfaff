/**
 * The Help pane's recommended documents, as the portal's "?" shows them for the
 * page in view. The four of the invoices context are the ones the seed article
 * (Pay your invoice in the Azure portal) recommends at its end; the addresses are
 * Microsoft Learn's, without a locale so Learn serves the reader's language.
 * The change-credit-card anchors are the headings of the article as revised in
 * July 2024 ("Manage Microsoft Customer Agreement credit cards").
 */
const LEARN = "https://learn.microsoft.com/azure/cost-management-billing";

export const helpDocuments = {
  payBill: `${LEARN}/understand/pay-bill`,
  changePaymentFaq: `${LEARN}/manage/change-credit-card#frequently-asked-questions`,
  mcaCreditCards: `${LEARN}/manage/change-credit-card#manage-microsoft-customer-agreement-credit-cards`,
  accountType: `${LEARN}/manage/change-credit-card#check-the-type-of-your-account`,
  // Not recommended on any page's Help pane, but found by the top bar's search (search.ts), which lists every one.
  pastDueBalance: `${LEARN}/manage/resolve-past-due-balance`,
  downloadInvoice: `${LEARN}/understand/download-azure-invoice`,
} as const;

export type HelpDocument = keyof typeof helpDocuments;
export type HelpContext = "invoices" | "paymentMethods" | "properties" | "billing" | "portal";

const documentsByContext: Record<HelpContext, HelpDocument[]> = {
  // Invoices and the Pay now blade (a blade of the invoices page): the seed's four.
  invoices: ["payBill", "changePaymentFaq", "mcaCreditCards", "accountType"],
  paymentMethods: ["mcaCreditCards", "changePaymentFaq", "accountType"],
  properties: ["accountType", "payBill"],
  billing: ["payBill", "accountType"],
  portal: ["payBill", "accountType"],
};

/** Which help the page at this path gets (the portal keys its Help pane to the blade in view). */
export function helpContextFor(pathname: string): HelpContext {
  const [first, , section] = pathname.split("/").filter(Boolean);
  if (first !== "billing") return "portal";
  if (section === "invoices") return "invoices";
  if (section === "payment-methods" || section === "billing-profiles") return "paymentMethods";
  if (section === "properties") return "properties";
  return "billing";
}

export function helpDocumentsFor(context: HelpContext): { id: HelpDocument; href: string }[] {
  return documentsByContext[context].map((id) => ({ id, href: helpDocuments[id] }));
}
