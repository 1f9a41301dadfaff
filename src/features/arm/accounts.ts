import "server-only";

import { accountIdFromParam } from "@/features/access/paths";
import { listBillingScopes, loadBillingScope } from "@/features/access/scope";
import { listBillingProfilesWithDefaultPayment } from "@/features/billing-profiles/queries";

import { READ_API_VERSIONS } from "./api-version";
import { armNotFound } from "./errors";
import { armJson, armRequest } from "./request";
import { billingAccountResource, billingProfileResource } from "./resources";

/**
 * Billing accounts and billing profiles (BillingAccounts_List / _Get,
 * BillingProfiles_ListByBillingAccount / _Get). The caller sees exactly the
 * accounts where they hold a role — the policy the blade asks — and any
 * other account does not exist for them. Small lists: one page, no nextLink.
 */
export async function listBillingAccounts(request: Request): Promise<Response> {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const scopes = await listBillingScopes(arm.user.id);
  return armJson({ value: scopes.map(billingAccountResource) });
}

export async function getBillingAccount(request: Request, accountParam: string): Promise<Response> {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const scope = await loadBillingScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  return armJson(billingAccountResource({ ...scope.account, role: scope.role }));
}

export async function listBillingProfiles(request: Request, accountParam: string): Promise<Response> {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const scope = await loadBillingScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  const profiles = await listBillingProfilesWithDefaultPayment(scope.account.id);
  return armJson({ value: profiles.map((profile) => billingProfileResource(scope.account.id, profile)) });
}

export async function getBillingProfile(request: Request, accountParam: string, profileParam: string) {
  const arm = await armRequest(request, READ_API_VERSIONS);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const profileId = accountIdFromParam(profileParam);
  const scope = await loadBillingScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  const profile = (await listBillingProfilesWithDefaultPayment(scope.account.id)).find((p) => p.id === profileId);
  if (!profile) return armNotFound("billingProfile", profileId);
  return armJson(billingProfileResource(scope.account.id, profile));
}
