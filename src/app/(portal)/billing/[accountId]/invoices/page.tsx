import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { accountIdFromParam, billingAccountPath } from "@/features/access/paths";
import { requireUser } from "@/features/access/session";
import { InvoiceDetailsBlade } from "@/features/invoices/components/invoice-details-blade";
import { InvoicesBlade } from "@/features/invoices/components/invoices-blade";
import { PayNowBlade } from "@/features/payments/components/pay-now-blade";
import { PaymentSucceededToast } from "@/features/payments/components/payment-succeeded-toast";
import { ReceiptBlade } from "@/features/payments/components/receipt-blade";
import { SettleBalanceBanner } from "@/features/settle-balance/components/settle-balance-banner";
import { SettleBalanceBlade } from "@/features/settle-balance/components/settle-balance-blade";
import { withQuery } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("title") };
}

/**
 * Billing › Invoices; `?invoice=…&blade=details|pay|receipt` opens that invoice's blade over the grid,
 * `?blade=settle` the account's Settle balance blade (MOSP).
 */
export default async function InvoicesPage({ params, searchParams }: PageProps<"/billing/[accountId]/invoices">) {
  const accountId = accountIdFromParam((await params).accountId);
  const query = await searchParams;
  const invoiceId = typeof query.invoice === "string" ? query.invoice : undefined;
  const blade = query.blade;
  const paid = typeof query.paid === "string" ? query.paid : undefined;
  const user = paid ? await requireUser() : null;
  const invoicesHref = `${billingAccountPath(accountId)}/invoices`;
  return (
    <>
      {paid && user && <PaymentSucceededToast paymentId={paid} userId={user.id} accountId={accountId} />}
      <InvoicesBlade
        accountId={accountId}
        searchParams={query}
        notices={
          <SettleBalanceBanner accountId={accountId} settleHref={withQuery(invoicesHref, { blade: "settle" })} />
        }
        renderBlade={(closeHref) => {
          if (blade === "settle") return <SettleBalanceBlade accountId={accountId} closeHref={closeHref} />;
          if (!invoiceId) return null;
          const withBlade = (extra: Record<string, string>) => withQuery(closeHref, { invoice: invoiceId, ...extra });
          if (blade === "details")
            return (
              <InvoiceDetailsBlade
                accountId={accountId}
                invoiceId={invoiceId}
                closeHref={closeHref}
                receiptHref={(payment) => withBlade({ blade: "receipt", payment })}
              />
            );
          if (blade === "receipt" && typeof query.payment === "string") {
            return (
              <ReceiptBlade
                accountId={accountId}
                invoiceId={invoiceId}
                paymentId={query.payment}
                closeHref={withBlade({ blade: "details" })}
              />
            );
          }
          if (blade === "pay") return <PayNowBlade accountId={accountId} invoiceId={invoiceId} closeHref={closeHref} />;
          return null;
        }}
      />
    </>
  );
}
