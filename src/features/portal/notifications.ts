import "server-only";

import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";

import { intlLocaleOf } from "@/i18n/format";
import { formatMoney } from "@/lib/money";
import { db, type Tx } from "@/server/db";

import type { BellNotification } from "./components/notifications-bell";

const paymentParams = z.object({
  amountMinor: z.number().int(),
  currency: z.string(),
  invoiceId: z.string(),
  reason: z.string().optional(),
});
export type PaymentNotificationParams = z.infer<typeof paymentParams>;
export type NotificationKind = "PAYMENT_SUCCEEDED" | "PAYMENT_FAILED";

/** Stores the facts, not the sentence, so the bell speaks the reader's language. */
export async function addNotification(
  tx: Tx,
  input: { id: string; userId: string; kind: NotificationKind; params: PaymentNotificationParams; createdAt: Date },
) {
  await tx.notification.create({
    data: {
      id: input.id,
      userId: input.userId,
      kind: input.kind,
      params: JSON.stringify(input.params),
      createdAt: input.createdAt,
    },
  });
}

/** The bell's list: the user's latest notifications, in their language. */
export async function notificationsFor(userId: string): Promise<BellNotification[]> {
  const [rows, t, format, locale] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 20 }),
    getTranslations("portal.notifications"),
    getFormatter(),
    intlLocaleOf(),
  ]);
  const tReasons = await getTranslations("payments.declines");
  return rows.flatMap((row) => {
    const parsed = paymentParams.safeParse(JSON.parse(row.params));
    if (!parsed.success || (row.kind !== "PAYMENT_SUCCEEDED" && row.kind !== "PAYMENT_FAILED")) return [];
    const p = parsed.data;
    const values = {
      amount: formatMoney(p.amountMinor, p.currency, locale),
      invoice: p.invoiceId,
      reason: p.reason ? tReasons(p.reason as "generic_decline") : "",
    };
    return [
      {
        id: row.id,
        title: t(`${row.kind}.title`),
        body: t(`${row.kind}.body`, values),
        when: format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }),
        unread: row.readAt === null,
        intent: row.kind === "PAYMENT_SUCCEEDED" ? "success" : "error",
      } satisfies BellNotification,
    ];
  });
}
