import "server-only";

import { getTranslations } from "next-intl/server";

import { bearerChallenge, routeCaller } from "@/features/access/bearer";
import { canManagePaymentMethods } from "@/features/access/policy";
import { loadBillingScope } from "@/features/access/scope";
import { callerError, requestError } from "@/lib/request-errors";
import { userNow } from "@/server/world-clock";

import { getProfilePaymentMethods } from "./queries";

/**
 * GET /api/billing/{account}/billing-profiles/{profile}/payment-methods — the
 * cards on file of one billing profile, for a script that pays with
 * `method: "saved"`: the IDs the Pay now blade offers, under the same policy as
 * the profile's Payment methods page (the billing account admin of an account
 * paid by card; a reader 403, anyone without a role 404, as for an unknown
 * account). A saved card belongs to one billing profile and pays only its invoices.
 * A read changes nothing, so the session cookie needs no Origin check here.
 */
export async function handlePaymentMethodsRequest(
  request: Request,
  accountId: string,
  profileId: string,
): Promise<Response> {
  const t = await getTranslations("payments");
  const caller = await routeCaller(request);
  if (!caller.user)
    return callerError(
      caller.problem,
      caller.problem === "missing" ? t("errors.apiSignIn") : t("errors.apiBadToken"),
      bearerChallenge(caller.problem),
    );
  const scope = await loadBillingScope(caller.user.id, accountId);
  if (!scope) return requestError("profileNotFound", t("errors.apiProfileNotFound"));
  if (!canManagePaymentMethods(scope.access)) return requestError("forbidden", t("errors.apiMethodsForbidden"));
  const now = await userNow(caller.user.id);
  const profile = await getProfilePaymentMethods(accountId, profileId, now);
  if (!profile) return requestError("profileNotFound", t("errors.apiProfileNotFound"));
  const cards = [...(profile.defaultCard ? [profile.defaultCard] : []), ...profile.otherCards];
  return Response.json(
    {
      billingProfile: { id: profile.id, name: profile.name, currency: profile.currency },
      value: cards.map((card) => ({
        id: card.id,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        isDefault: card.isDefault,
        // What Pay now lets you choose: a card on file, not expired by the world's clock.
        usable: !card.expired,
        expired: card.expired,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
