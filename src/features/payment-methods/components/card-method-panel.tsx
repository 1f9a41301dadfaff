"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { keepControlledValues } from "@/components/ui/form-reset";
import { MessageBar } from "@/components/ui/message-bar";
import { SidePane } from "@/components/ui/side-pane";

import type { MethodActionState } from "../method-access";

/**
 * The frame the payment-method forms share (add a card, Replace, Edit): a button that opens the form (in
 * place, or in a pane on the right), the form with its title, hidden fields, the server's error and
 * Save / Cancel, and the server's confirmation once it closed again.
 */
export function CardMethodPanel({
  open,
  opener,
  onClose,
  state,
  action,
  onSubmit,
  pending,
  title,
  intro,
  hidden,
  submitLabel,
  submitDisabled = false,
  className,
  asPane = false,
  children,
}: {
  open: boolean;
  /** What shows while the form is closed: the button that opens it. */
  opener: ReactNode;
  onClose: () => void;
  state: MethodActionState;
  action: (formData: FormData) => void;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  title: string;
  intro?: string;
  hidden: Record<string, string>;
  submitLabel: string;
  submitDisabled?: boolean;
  className: string;
  /** Open in a pane on the right (Edit, Add) rather than in place (Replace, whose picker has its own pane). */
  asPane?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("payments");
  const body = (
    <>
      {intro && <p className="text-xs text-ink-muted">{intro}</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "error" && (
        <MessageBar intent="error" role="alert">
          {state.message}
        </MessageBar>
      )}
      {children}
    </>
  );
  const buttons = (
    <div className="flex gap-2">
      <Button type="submit" variant="primary" disabled={pending || submitDisabled}>
        {pending ? t("methods.saving") : submitLabel}
      </Button>
      <Button type="button" onClick={onClose}>
        {t("payNow.cancel")}
      </Button>
    </div>
  );
  return (
    <>
      <div aria-live="polite">
        {state.status === "ok" && !open && (
          <MessageBar intent="success" role="status">
            {state.message}
          </MessageBar>
        )}
      </div>
      {!open ? (
        opener
      ) : asPane ? (
        <form action={action} onSubmit={onSubmit} onReset={keepControlledValues} noValidate aria-label={title}>
          <SidePane title={title} onClose={onClose} footer={buttons}>
            {body}
          </SidePane>
        </form>
      ) : (
        <form
          action={action}
          onSubmit={onSubmit}
          onReset={keepControlledValues}
          noValidate
          aria-label={title}
          className={`mt-2 flex max-w-md flex-col gap-3 ${className}`}
        >
          <h3 className="font-semibold">{title}</h3>
          {body}
          {buttons}
        </form>
      )}
    </>
  );
}
