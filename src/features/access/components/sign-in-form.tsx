"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";

import { signIn, type SignInState } from "../actions";

const fieldClass =
  "h-9 w-full border-0 border-b border-[#666] bg-transparent px-0 text-[15px] outline-none focus:border-b-2 focus:border-brand";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("access.signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {state.error && (
        <p id="signin-error" role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("email")}</span>
        <input
          className={fieldClass}
          name="email"
          type="email"
          autoComplete="username"
          placeholder={t("emailPlaceholder")}
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "signin-error" : undefined}
          required
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("password")}</span>
        <input
          className={fieldClass}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "signin-error" : undefined}
        />
      </label>
      <div className="flex justify-end">
        <Button variant="primary" type="submit" disabled={pending} className="min-w-28">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
