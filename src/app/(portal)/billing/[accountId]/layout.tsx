import { accountIdFromParam, billingAccountPath } from "@/features/access/paths";
import { requireBillingScope } from "@/features/access/scope";
import { ServiceMenu } from "@/features/portal/components/service-menu";

export default async function BillingAccountLayout({ children, params }: LayoutProps<"/billing/[accountId]">) {
  const { account } = await requireBillingScope(accountIdFromParam((await params).accountId));
  return (
    <div className="flex flex-1 flex-col md:flex-row">
      <ServiceMenu basePath={billingAccountPath(account.id)} billingProfiles={account.agreementType !== "MOSP"} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
