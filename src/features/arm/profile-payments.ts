import "server-only";

import { accountIdFromParam } from "@/features/access/paths";
import { canManagePaymentMethods } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { db } from "@/server/db";
import { worldNow } from "@/server/world-clock";

import { V2024_ONLY } from "./api-version";
import { armError, armNotFound } from "./errors";
import { armJson, armRequest } from "./request";
import { armAmount, billingProfileResourceId, paymentMethodResourceId } from "./resources";

/**
 * What a paying script needs from 2024-04-01 beside the invoices: the cards it
 * may pay with (PaymentMethods_ListByBillingProfile, the profile's payment
 * method links — the IDs the payments route takes as `paymentMethodId`) and
 * what the profile owes (AvailableBalances_GetByBillingProfile). The cards are
 * the billing account admin's, as on the profile's Payment methods page: a
 * reader is refused (403), anyone without a role gets not-found.
 */
async function profileScope(request: Request, accountParam: string, profileParam: string) {
  const arm = await armRequest(request, V2024_ONLY);
  if (arm instanceof Response) return arm;
  const accountId = accountIdFromParam(accountParam);
  const profileId = accountIdFromParam(profileParam);
  const scope = await loadBillingScope(arm.user.id, accountId);
  if (!scope) return armNotFound("billingAccount", accountId);
  const profile = await db.billingProfile.findFirst({
    where: { id: profileId, billingAccountId: scope.account.id },
    select: { id: true, currency: true },
  });
  if (!profile) return armNotFound("billingProfile", profileId);
  return { arm, scope, profile };
}

export async function listPaymentMethodLinks(request: Request, accountParam: string, profileParam: string) {
  const found = await profileScope(request, accountParam, profileParam);
  if (found instanceof Response) return found;
  const { arm, scope, profile } = found;
  if (!canManagePaymentMethods(scope.access))
    return armError(
      403,
      "AuthorizationFailed",
      "Only a billing account admin of an account paid by card sees its payment methods.",
    );
  const now = await worldNow(arm.user.worldId);
  const cards = await db.paymentMethod.findMany({
    where: { billingProfileId: profile.id, removedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, brand: true, last4: true, expMonth: true, expYear: true, holderName: true },
  });
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return armJson({
    value: cards.map((card) => ({
      id: `${billingProfileResourceId(scope.account.id, profile.id)}/paymentMethodLinks/${card.id}`,
      name: card.id,
      type: "Microsoft.Billing/billingAccounts/billingProfiles/paymentMethodLinks",
      properties: {
        paymentMethodId: paymentMethodResourceId(card.id),
        family: "CreditCard",
        paymentMethodType: card.brand,
        displayName: `${card.brand} ending in ${card.last4}`,
        accountHolderName: card.holderName,
        lastFourDigits: card.last4,
        expiration: `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`,
        // A card is usable through the last day of its expiry month (by the world's clock).
        status: card.expYear * 12 + card.expMonth - 1 >= month ? "active" : "inactive",
      },
    })),
  });
}

export async function getAvailableBalance(request: Request, accountParam: string, profileParam: string) {
  const found = await profileScope(request, accountParam, profileParam);
  if (found instanceof Response) return found;
  const { scope, profile } = found;
  const owed = await db.invoice.aggregate({
    where: { billingProfileId: profile.id, voided: false },
    _sum: { amountDueMinor: true },
  });
  const zero = armAmount(0, profile.currency);
  return armJson({
    id: `${billingProfileResourceId(scope.account.id, profile.id)}/availableBalance/default`,
    name: "default",
    type: "Microsoft.Billing/billingAccounts/billingProfiles/availableBalance",
    properties: {
      // What the profile's invoices still ask for (the blade's amount due); no payments on account.
      amount: armAmount(owed._sum.amountDueMinor ?? 0, profile.currency),
      paymentsOnAccount: [],
      totalPaymentsOnAccount: zero,
    },
  });
}
