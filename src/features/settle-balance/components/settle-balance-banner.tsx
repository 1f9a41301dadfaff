import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { MessageBar } from "@/components/ui/message-bar";
import { settlesBalance } from "@/features/access/policy";
import { requireBillingScope } from "@/features/access/scope";
import { intlLocaleOf } from "@/i18n/format";
import { formatMoney } from "@/lib/money";
import { worldNow } from "@/server/world-clock";

import { getPastDueBalance } from "../settle-balance";

/**
 * The banner of a pay-as-you-go (MOSP) account with a past-due balance, on its Overview and Invoices:
 * the amount and, for the admin, **Settle balance**. Nothing when nothing is past due, or when the
 * account's country has Pay now instead.
 */
export async function SettleBalanceBanner({ accountId, settleHref }: { accountId: string; settleHref: string }) {
  const { user, account, access } = await requireBillingScope(accountId);
  if (!settlesBalance(access)) return null;
  const { totals } = await getPastDueBalance(account.id, await worldNow(user.worldId));
  if (totals.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("payments.settle"), intlLocaleOf()]);
  const amount = totals.map((total) => formatMoney(total.amountMinor, total.currency, locale)).join(" + ");
  const admin = access.role === "BILLING_ACCOUNT_ADMIN";
  return (
    <MessageBar intent="warning">
      <p>{admin ? t("banner", { amount }) : t("bannerReader", { amount })}</p>
      {admin && (
        <Link href={settleHref} scroll={false} className="font-semibold text-brand hover:underline">
          {t("action")}
        </Link>
      )}
    </MessageBar>
  );
}
