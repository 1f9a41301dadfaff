import "server-only";

import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";

import { intlLocaleOf } from "@/i18n/format";
import { formatMoney } from "@/lib/money";
import { db, type Tx } from "@/server/db";

const paymentParams = z.object({
  amountMinor: z.number().int(),
  currency: z.string(),
  invoiceId: z.string(),
  reason: z.string().optional(),
});
export type PaymentNotificationParams = z.infer<typeof paymentParams>;
/** One notification as the bell shows it, in the reader's language. */
export type BellNotification = {
  id: string;
  title: string;
  body: string;
  when: string;
  unread: boolean;
  intent: "success" | "error" | "info";
};

export type NotificationKind = "PAYMENT_SUCCEEDED" | "PAYMENT_FAILED" | "INVOICE_ISSUED" | "INVOICE_PAST_DUE";
const kinds: readonly string[] = ["PAYMENT_SUCCEEDED", "PAYMENT_FAILED", "INVOICE_ISSUED", "INVOICE_PAST_DUE"];
/** How the bell colours a kind: a payment's outcome, a new invoice (neutral), an invoice past due. */
const intents: Record<NotificationKind, BellNotification["intent"]> = {
  PAYMENT_SUCCEEDED: "success",
  PAYMENT_FAILED: "error",
  INVOICE_ISSUED: "info",
  INVOICE_PAST_DUE: "error",
};

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
    if (!parsed.success || !kinds.includes(row.kind)) return [];
    const kind = row.kind as NotificationKind;
    const p = parsed.data;
    const values = {
      amount: formatMoney(p.amountMinor, p.currency, locale),
      invoice: p.invoiceId,
      reason: p.reason ? tReasons(p.reason as "generic_decline") : "",
    };
    return [
      {
        id: row.id,
        title: t(`${kind}.title`),
        body: t(`${kind}.body`, values),
        when: format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }),
        unread: row.readAt === null,
        intent: intents[kind],
      } satisfies BellNotification,
    ];
  });
}

/** Opening the bell: the user's unread notifications are read as of `at` (their own only). */
export async function markNotificationsReadFor(userId: string, at: Date): Promise<void> {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
}
