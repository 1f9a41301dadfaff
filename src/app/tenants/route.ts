import { listTenants } from "@/features/arm/subscriptions";

/** Tenants_List (Microsoft.Resources): the caller's directory. */
export function GET(request: Request) {
  return listTenants(request);
}
