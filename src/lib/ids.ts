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
