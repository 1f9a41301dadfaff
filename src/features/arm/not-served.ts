import "server-only";

import { bearerUser } from "@/features/access/bearer";

import { armError, armNotImplemented, armUnauthorized } from "./errors";

/**
 * Resource types of Microsoft.Billing (2020-05-01) that the simulator does
 * not serve: asked for, they answer 501 NotImplemented in ARM's error shape;
 * anything else under /providers/ is ARM's 404 for an unknown type.
 */
const knownBillingTypes = new Set(
  [
    "agreements",
    "availableBalance",
    "billingAccounts",
    "billingPeriods",
    "billingPermissions",
    "billingProfiles",
    "billingProperty",
    "billingRoleAssignments",
    "billingRoleDefinitions",
    "billingSubscriptions",
    "createBillingRoleAssignment",
    "customers",
    "departments",
    "download",
    "downloadDocuments",
    "enrollmentAccounts",
    "instructions",
    "invoices",
    "invoiceSections",
    "listInvoiceSectionsWithCreateSubscriptionPermission",
    "operations",
    "policies",
    "products",
    "reservations",
    "transactions",
    "transfers",
    "validateAddress",
  ].map((type) => type.toLowerCase()),
);

/** The resource types named by a path under /providers/Microsoft.Billing: every other segment. */
function resourceTypes(segments: string[]): string[] {
  return segments.filter((_, index) => index % 2 === 0);
}

export async function notServed(request: Request, segments: string[]): Promise<Response> {
  const bearer = await bearerUser(request);
  if (bearer.kind !== "user") return armUnauthorized(bearer.kind === "missing" ? "missing" : bearer.reason);
  const [namespace = "", ...rest] = segments;
  if (namespace.toLowerCase() !== "microsoft.billing")
    return armError(404, "InvalidResourceNamespace", `The resource namespace '${namespace.slice(0, 80)}' is invalid.`);
  const types = resourceTypes(rest);
  const known = types.length > 0 && types.every((type) => knownBillingTypes.has(type.toLowerCase()));
  const path = `/providers/${segments.join("/")}`.slice(0, 300);
  if (known) return armNotImplemented(`${request.method} ${path}`);
  return armError(
    404,
    "InvalidResourceType",
    `The resource type '${types.join("/").slice(0, 200)}' could not be found in the namespace 'Microsoft.Billing'.`,
  );
}
