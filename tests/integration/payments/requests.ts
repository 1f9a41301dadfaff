// Request builders and expectations of the payments integration tests.
import { randomUUID } from "node:crypto";

import { expect } from "vitest";

import { newCardSchema } from "@/features/payment-methods/card-schema";
import { payInvoiceAction } from "@/features/payments/actions";
import { payInvoice, type PayMethod, type PayOutcome, type PayRequest } from "@/features/payments/pay-invoice";
import type { PayNowState } from "@/features/payments/pay-now-state";

import { expectNoDatabaseChange } from "../../support/db-snapshot";
import { RedirectError } from "../../support/next-request";
import { clock, idle, processor, testDb, world } from "./world";

// ---------------------------------------------------------------- request builders

export function cardFields(number: string, cvc = number.length === 15 ? "1234" : "123") {
  return {
    cardNumber: number,
    expMonth: "12",
    expYear: "2030",
    cvc,
    holderName: "Adele Vance",
    country: "US",
    postalCode: "98052",
  };
}

export function payForm(fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
  return form;
}

export function savedCardForm(
  invoiceId: string,
  paymentMethodId: string,
  extra: Record<string, string | undefined> = {},
): FormData {
  return payForm({
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method: "saved",
    paymentMethodId,
    ...extra,
  });
}

export function newCardForm(
  invoiceId: string,
  number: string,
  extra: Record<string, string | undefined> = {},
): FormData {
  return payForm({
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method: "new",
    ...cardFields(number),
    ...extra,
  });
}

export const newCard = (number: string, cvc?: string): PayMethod => ({
  kind: "new",
  card: newCardSchema(clock).parse(cardFields(number, cvc)),
});
export const savedCard = (paymentMethodId: string): PayMethod => ({ kind: "saved", paymentMethodId });

export function request(invoiceId: string, method: PayMethod, extra: Partial<PayRequest> = {}): PayRequest {
  return {
    userId: world.users.contosoAdmin,
    accountId: world.contoso,
    invoiceId,
    idempotencyKey: randomUUID(),
    method,
    ...extra,
  };
}

/** Runs the action and returns the redirect it ended with (paying in full closes the blade). */
export async function expectRedirect(run: Promise<unknown>): Promise<{ url: string; paid: string }> {
  const error = await run.then(
    (value) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(value)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RedirectError);
  const url = (error as RedirectError).url;
  const paid = new URL(url, "http://portal.invalid").searchParams.get("paid");
  expect(paid, url).toBeTruthy();
  return { url, paid: paid! };
}

/** The action refuses with this message and writes nothing; the processor is not called. */
export async function expectActionRefused(form: FormData, message: string): Promise<PayNowState> {
  const outcome = await expectNoDatabaseChange(testDb.db, () => payInvoiceAction(idle, form));
  expect(outcome.error).toBeUndefined();
  expect(outcome.value).toMatchObject({ status: "error", message });
  expect(processor.calls).toHaveLength(0);
  return outcome.value!;
}

/** payInvoice refuses for this reason and writes nothing; the processor is not called. */
export async function expectRefused(payRequest: PayRequest, reason: string): Promise<void> {
  const outcome = await expectNoDatabaseChange(testDb.db, () => payInvoice(payRequest));
  expect(outcome.error).toBeUndefined();
  expect(outcome.value).toEqual({ status: "refused", reason });
  expect(processor.calls).toHaveLength(0);
}

export function succeeded(outcome: PayOutcome): Extract<PayOutcome, { status: "succeeded" }> {
  expect(outcome.status, JSON.stringify(outcome)).toBe("succeeded");
  return outcome as Extract<PayOutcome, { status: "succeeded" }>;
}
