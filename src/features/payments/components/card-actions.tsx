"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { removePaymentMethodAction, setDefaultPaymentMethodAction, type MethodActionState } from "../method-actions";

export function CardActions({ accountId, paymentMethodId, label, canSetDefault, canRemove }: { accountId: string; paymentMethodId: string; label: string; canSetDefault: boolean; canRemove: boolean }) {
  const t = useTranslations("payments.methods");
  const [defaultState, setDefault, settingDefault] = useActionState<MethodActionState, FormData>(setDefaultPaymentMethodAction, { status: "idle" });
  const [removeState, remove, removing] = useActionState<MethodActionState, FormData>(removePaymentMethodAction, { status: "idle" });
  const message = [defaultState, removeState].find((state) => state.status === "error")?.message;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {canSetDefault && (
        <form action={setDefault}>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="paymentMethodId" value={paymentMethodId} />
          <button type="submit" disabled={settingDefault} aria-label={t("setDefaultLabel", { card: label })} className="text-brand hover:underline">{t("setDefault")}</button>
        </form>
      )}
      {canRemove && (
        <form action={remove}>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="paymentMethodId" value={paymentMethodId} />
          <button type="submit" disabled={removing} aria-label={t("removeLabel", { card: label })} className="text-danger hover:underline">{t("remove")}</button>
        </form>
      )}
      {message && <p role="alert" className="text-xs text-danger">{message}</p>}
    </div>
  );
}
