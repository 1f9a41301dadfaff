import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { accountIdFromParam } from "@/features/access/paths";
import { InvoiceDetailsBlade } from "@/features/invoices/components/invoice-details-blade";
import { InvoicesBlade } from "@/features/invoices/components/invoices-blade";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("title") };
}

/** Billing › Invoices; `?invoice=…&blade=details|pay` opens that invoice's blade over the grid. */
export default async function InvoicesPage({ params, searchParams }: PageProps<"/billing/[accountId]/invoices">) {
  const accountId = accountIdFromParam((await params).accountId);
  const query = await searchParams;
  const invoiceId = typeof query.invoice === "string" ? query.invoice : undefined;
  const blade = invoiceId ? query.blade : undefined;
  return (
    <InvoicesBlade
      accountId={accountId}
      searchParams={query}
      renderBlade={(closeHref) => {
        if (!invoiceId) return null;
        if (blade === "details") return <InvoiceDetailsBlade accountId={accountId} invoiceId={invoiceId} closeHref={closeHref} />;
        return null;
      }}
    />
  );
}
