import { redirect } from "next/navigation";
import { accountIdFromParam, billingAccountPath } from "@/features/access/paths";

// Placeholder until the Overview blade lands: the account opens on its invoices.
export default async function BillingAccountOverviewPage({ params }: PageProps<"/billing/[accountId]">) {
  redirect(`${billingAccountPath(accountIdFromParam((await params).accountId))}/invoices`);
}
