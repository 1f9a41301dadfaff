import { randomUUID } from "node:crypto";

import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Blade } from "@/components/ui/blade";
import { MessageBar } from "@/components/ui/message-bar";
import { TableHead } from "@/components/ui/table-head";
import { AgreementNotice, WhoCanPayNotice } from "@/features/access/components/pay-notices";
import { settlesBalance } from "@/features/access/policy";
import { billingAccountAdmins, requireBillingScope } from "@/features/access/scope";
import { listCardsToPayWith } from "@/features/payment-methods/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { intlLocaleOf } from "@/i18n/format";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { worldNow } from "@/server/world-clock";

import { getPastDueBalance, getSettleSubscription } from "../settle-balance";
import { SettleBalanceForm } from "./settle-balance-form";

/**
 * Settle balance (MOSP): the past-due invoices and their total, then Select a payment method (the
 * subscription's cards, or a new one) and Pay — one payment per invoice (settle-balance.ts).
 */
export async function SettleBalanceBlade({ accountId, closeHref }: { accountId: string; closeHref: string }) {
  const { user, account, access } = await requireBillingScope(accountId);
  const clock = await worldNow(user.worldId);
  const [t, locale, balance, subscription] = await Promise.all([
    getTranslations("payments"),
    intlLocaleOf(),
    getPastDueBalance(account.id, clock),
    getSettleSubscription(account.id),
  ]);
  if (!subscription && settlesBalance(access)) notFound();
  const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale);

  let body: React.ReactNode;
  // The form says "nothing past due" itself, or what it just paid: the blade says it only where no form shows.
  let formShown = false;
  if (!settlesBalance(access) || !subscription) body = <AgreementNotice agreementType={access.agreementType} refusal />;
  else if (access.role !== "BILLING_ACCOUNT_ADMIN")
    body = <WhoCanPayNotice admins={await billingAccountAdmins(account.id)} refusal />;
  else {
    formShown = true;
    // The form is the blade's one part with client words of its own: only it gets the payments catalog.
    body = (
      <ClientMessages namespaces={["payments"]}>
        <SettleBalanceForm
          accountId={account.id}
          pastDueCount={balance.invoices.length}
          cards={await listCardsToPayWith(subscription.billingProfileId, subscription.defaultPaymentMethodId, clock)}
          initialAttemptId={randomUUID()}
          nowIso={clock.toISOString()}
        />
      </ClientMessages>
    );
  }

  return (
    <Blade title={t("settle.title")} subtitle={account.name} closeHref={closeHref} width="narrow">
      {balance.invoices.length === 0 ? (
        !formShown && (
          <MessageBar intent="success" role="status">
            {t("settle.nothingPastDue")}
          </MessageBar>
        )
      ) : (
        <section aria-labelledby="settle-invoices" className="mb-4">
          <h3 id="settle-invoices" className="sr-only">
            {t("settle.title")}
          </h3>
          {subscription && (
            <p className="mb-2 text-[13px] text-ink-muted">
              {t("settle.intro", { subscription: subscription.displayName })}
            </p>
          )}
          <table className="w-full text-left text-[13px]">
            <TableHead
              columns={[t("settle.invoiceColumn"), t("settle.dueDateColumn"), t("settle.amountColumn")]}
              cell="py-1.5"
            />
            <tbody>
              {balance.invoices.map((invoice) => (
                <tr key={invoice.id} className="border-b border-stroke-subtle">
                  <td className="py-1.5 font-mono text-xs">{invoice.id}</td>
                  <td className="py-1.5">{formatDate(invoice.dueDate, locale)}</td>
                  <td className="py-1.5 tabular-nums">{money(invoice.amountDueMinor, invoice.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 flex justify-between text-sm font-semibold">
            <span>{t("settle.total")}</span>
            <span className="tabular-nums">
              {balance.totals.map((total) => money(total.amountMinor, total.currency)).join(" + ")}
            </span>
          </p>
        </section>
      )}
      {body}
    </Blade>
  );
}
