import "server-only";

import { listBillingScopes } from "@/features/access/scope";
import { db } from "@/server/db";
import { tenantIdOf } from "@/server/demo/app-registrations";

import { armJson, armRequest } from "./request";

/**
 * ARM's Microsoft.Resources subscriptions and tenants lists, which the Azure
 * CLI reads at `az login` (api-version 2019-11-01 in CLI 2.45, later ones in
 * newer CLIs): the subscriptions of the billing accounts the caller holds a
 * role on — the MOSP account's pay-as-you-go subscription; an MCA account has
 * none here, so the CLI then needs `--allow-no-subscriptions` — and the one
 * directory of the caller's world.
 */
export const RESOURCE_API_VERSIONS = [
  "2016-06-01",
  "2019-06-01",
  "2019-11-01",
  "2020-01-01",
  "2021-01-01",
  "2022-01-01",
  "2022-12-01",
] as const;

export async function listSubscriptions(request: Request): Promise<Response> {
  const arm = await armRequest(request, RESOURCE_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountIds = (await listBillingScopes(arm.user.id)).map((scope) => scope.id);
  const tenantId = tenantIdOf(arm.user.worldId);
  const subscriptions = await db.subscription.findMany({
    where: { billingAccountId: { in: accountIds } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true },
  });
  return armJson({
    value: subscriptions.map((subscription) => ({
      id: `/subscriptions/${subscription.id}`,
      authorizationSource: "RoleBased",
      subscriptionId: subscription.id,
      tenantId,
      displayName: subscription.displayName,
      state: "Enabled",
      subscriptionPolicies: {
        locationPlacementId: "Public_2014-09-01",
        quotaId: "PayAsYouGo_2014-09-01",
        spendingLimit: "Off",
      },
    })),
  });
}

export async function listTenants(request: Request): Promise<Response> {
  const arm = await armRequest(request, RESOURCE_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const tenantId = tenantIdOf(arm.user.worldId);
  return armJson({
    value: [
      {
        id: `/tenants/${tenantId}`,
        tenantId,
        tenantCategory: "Home",
        displayName: arm.user.worldId === null ? "Azure billing portal simulator" : `World ${arm.user.worldId}`,
        defaultDomain: "billing-sim.invalid",
        tenantType: "AAD",
      },
    ],
  });
}
