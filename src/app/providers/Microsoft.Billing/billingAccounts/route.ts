import { listBillingAccounts } from "@/features/arm/accounts";

/** BillingAccounts_List */
export function GET(request: Request) {
  return listBillingAccounts(request);
}
