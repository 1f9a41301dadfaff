import { randomUUID } from "node:crypto";

import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { Blade } from "@/components/ui/blade";
import { MessageBar } from "@/components/ui/message-bar";
import { PropertyRow } from "@/components/ui/property-row";
import { CHECK_ACCOUNT_TYPE_URL } from "@/features/access/components/billing-account-properties";
import { payDenial } from "@/features/access/policy";
import { billingAccountAdmins, requireBillingScope } from "@/features/access/scope";
import { intlLocaleOf } from "@/i18n/format";
import { formatDate } from "@/lib/dates";
import { invoiceStatus } from "@/lib/invoice-status";
import { formatMoney } from "@/lib/money";
import { cardLimitFor, exceedsCardLimit, minimumPartialFor } from "@/lib/payment-rules";
import { now } from "@/server/clock";
import { db } from "@/server/db";

import { isCardExpired } from "../card-schema";
import { PayNowForm } from "./pay-now-form";
import { WireTransferInstructions } from "./wire-transfer-instructions";

/**
 * The Pay now blade (the seed's steps 5–6): the invoice summary, then either
 * the payment form, wire-transfer instructions above the card limit, or the
 * reason this user cannot pay.
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
  const { account, access } = await requireBillingScope(accountId);
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, billingAccountId: account.id },
    include: { billingProfile: { select: { name: true, defaultPaymentMethodId: true } } },
  });
  if (!invoice) notFound();
  const clock = now();
  const [t, ta, locale] = await Promise.all([
    getTranslations("payments"),
    getTranslations("access.denied"),
    intlLocaleOf(),
  ]);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const denial = payDenial(access, invoiceStatus(invoice, clock));
  const limit = cardLimitFor(invoice.currency);

  let body: React.ReactNode;
  if (denial === "notAdmin") {
    const admins = await billingAccountAdmins(account.id);
    body = (
      <MessageBar intent="warning" role="alert">
        {ta("readerCannotPay", { admins: admins.map((admin) => `${admin.displayName} (${admin.email})`).join(", ") })}{" "}
        <a className="text-brand underline" href={CHECK_ACCOUNT_TYPE_URL} target="_blank" rel="noreferrer">
          {ta("checkAccess")}
        </a>
      </MessageBar>
    );
  } else if (denial) {
    body = (
      <MessageBar intent="info" role="status">
        {denial === "agreement" ? ta("agreement") : ta("notPayable")}
      </MessageBar>
    );
  } else if (exceedsCardLimit(invoice.amountDueMinor, invoice.currency)) {
    body = (
      <WireTransferInstructions
        invoiceId={invoice.id}
        amount={money(invoice.amountDueMinor)}
        limit={money(limit)}
        currency={invoice.currency}
      />
    );
  } else {
    const cards = await db.paymentMethod.findMany({
      where: { billingProfileId: invoice.billingProfileId, removedAt: null },
      orderBy: { createdAt: "asc" },
    });
    body = (
      <PayNowForm
        accountId={account.id}
        invoiceId={invoice.id}
        currency={invoice.currency}
        amountDueMinor={invoice.amountDueMinor}
        minimumPartialMinor={minimumPartialFor(invoice.currency)}
        cards={cards.map((card) => ({
          id: card.id,
          brand: card.brand,
          last4: card.last4,
          expMonth: card.expMonth,
          expYear: card.expYear,
          expired: isCardExpired(card, clock),
          isDefault: card.id === invoice.billingProfile.defaultPaymentMethodId,
        }))}
        initialKey={randomUUID()}
        closeHref={closeHref}
        nowIso={clock.toISOString()}
      />
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
