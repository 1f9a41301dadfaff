import { getTranslations } from "next-intl/server";

import { DismissibleToast } from "@/components/ui/toast";
import { intlLocaleOf } from "@/i18n/format";
import { formatMoney } from "@/lib/money";

import { getSucceededPayment } from "../queries";

/** The portal notification shown when Pay now closes after paying in full (`?paid=<payment>`). */
export async function PaymentSucceededToast({
  paymentId,
  userId,
  accountId,
}: {
  paymentId: string;
  userId: string;
  accountId: string;
}) {
  const payment = await getSucceededPayment(accountId, userId, paymentId);
  if (!payment) return null;
  const [t, locale] = await Promise.all([getTranslations("payments.toast"), intlLocaleOf()]);
  return (
    <DismissibleToast
      message={t("succeeded", {
        amount: formatMoney(payment.amountMinor, payment.currency, locale),
        invoice: payment.invoiceId,
      })}
    />
  );
}
