import { randomUUID } from "node:crypto";

import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Blade } from "@/components/ui/blade";
import { MessageBar } from "@/components/ui/message-bar";
import { PropertyRow } from "@/components/ui/property-row";
import { AgreementNotice, WhoCanPayNotice } from "@/features/access/components/pay-notices";
import { offersPartialPayments, payDenial } from "@/features/access/policy";
import { billingAccountAdmins, requireBillingScope } from "@/features/access/scope";
import { listCardsToPayWith } from "@/features/payment-methods/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { intlLocaleOf } from "@/i18n/format";
import { formatDate } from "@/lib/dates";
import { invoiceStatus } from "@/lib/invoice-status";
import { formatMoney } from "@/lib/money";
import { cardLimitFor, minimumPartialFor } from "@/lib/payment-rules";
import { worldNow } from "@/server/world-clock";

import { getInvoiceToPay } from "../queries";
import { PayNowForm } from "./pay-now-form";
import { WireTransferInstructions } from "./wire-transfer-instructions";

/**
 * The Pay now blade (the seed's steps 5–6): the invoice summary, then what the
 * policy's answer (payDenial) calls for — the payment form, wire-transfer
 * instructions above the card limit, or why this user cannot pay.
 */
export async function PayNowBlade({
  accountId,
  invoiceId,
  closeHref,
}: {
  accountId: string;
  invoiceId: string;
  closeHref: string;
}) {
  const { user, account, access } = await requireBillingScope(accountId);
  const invoice = await getInvoiceToPay(account.id, invoiceId);
  if (!invoice) notFound();
  const clock = await worldNow(user.worldId);
  const [t, locale] = await Promise.all([getTranslations("payments"), intlLocaleOf()]);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const status = invoiceStatus(invoice, clock);
  const denial = payDenial(access, { ...invoice, status });
  const limit = cardLimitFor(invoice.currency);

  let body: React.ReactNode;
  switch (denial) {
    case "notFound":
      notFound();
    case "notAdmin":
      body = <WhoCanPayNotice admins={await billingAccountAdmins(account.id)} refusal />;
      break;
    case "agreement":
      body = <AgreementNotice agreementType={access.agreementType} refusal />;
      break;
    case "notPayable":
      body = (
        <MessageBar intent="info" role="status">
          {status === "processing" ? t("payNow.invoiceProcessing") : t("refusals.notPayable")}
        </MessageBar>
      );
      break;
    case "aboveCardLimit":
      body = (
        <WireTransferInstructions
          invoiceId={invoice.id}
          amount={money(invoice.amountDueMinor)}
          limit={money(limit)}
          currency={invoice.currency}
        />
      );
      break;
    case null:
      // The form is the blade's one part with client words of its own: only it gets the payments catalog.
      body = (
        <ClientMessages namespaces={["payments"]}>
          <PayNowForm
            accountId={account.id}
            invoiceId={invoice.id}
            currency={invoice.currency}
            amountDueMinor={invoice.amountDueMinor}
            minimumPartialMinor={minimumPartialFor(invoice.currency)}
            partialPayments={offersPartialPayments(access)}
            cards={await listCardsToPayWith(
              invoice.billingProfileId,
              invoice.billingProfile.defaultPaymentMethodId,
              clock,
            )}
            initialKey={randomUUID()}
            closeHref={closeHref}
            nowIso={clock.toISOString()}
          />
        </ClientMessages>
      );
  }

  const row = (label: string, value: React.ReactNode) => (
    <PropertyRow label={label} labelWidth="144px" ruled={false} valueClassName="font-semibold">
      {value}
    </PropertyRow>
  );
  return (
    <Blade
      title={t("payNow.title")}
      subtitle={t("payNow.subtitle", { id: invoice.id })}
      closeHref={closeHref}
      width="narrow"
    >
      <section aria-labelledby="paynow-summary" className="mb-4">
        <h3 id="paynow-summary" className="sr-only">
          {t("payNow.summary")}
        </h3>
        <dl className="text-[13px]">
          {row(t("payNow.invoiceNumber"), invoice.id)}
          {row(t("payNow.billingProfile"), invoice.billingProfile.name)}
          {row(t("payNow.dueDate"), formatDate(invoice.dueDate, locale))}
          {row(t("payNow.amountDue"), money(invoice.amountDueMinor))}
          {row(t("payNow.currency"), invoice.currency)}
        </dl>
        <p className="mt-2 text-xs text-ink-muted">{t("payNow.cardLimit", { limit: money(limit) })}</p>
      </section>
      {body}
    </Blade>
  );
}
