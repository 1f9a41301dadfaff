import { z } from "zod";

/**
 * The IDs a URL or a form hands the portal (accounts, invoices, billing profiles,
 * cards). A NUL character names nothing the portal stores, and PostgreSQL's text
 * cannot even hold one (it fails the whole query, where SQLite just finds no row):
 * such an ID is refused like any other malformed one.
 */
export function isIdText(value: string): boolean {
  return !value.includes("\u0000");
}

/** A non-empty ID of at most `max` characters, without NUL. */
export function idText(max: number) {
  return z.string().min(1).max(max).refine(isIdText, "contains a NUL character");
}

/** The billing model's IDs as a form or a request body hands them: one rule for each, wherever it is read. */
export const accountIdText = idText(200);
export const profileIdText = idText(64);
export const cardIdText = idText(64);
export const invoiceIdText = idText(40);

/** An invoice number in a path or a token: letters, digits and dashes (the demo's G0…, a world's own). */
export const invoiceNumberSchema = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);
