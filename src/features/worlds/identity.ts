import "server-only";

import { createHash, randomBytes } from "node:crypto";

/** Crockford's base32 in lower case: no i, l, o or u to misread in an e-mail address. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const ID_LENGTH = 12;

/** A new world ID: 12 random base32 characters (60 bits), safe in an e-mail address and a URL. */
export function newWorldId(): string {
  return Array.from(randomBytes(ID_LENGTH), (byte) => ALPHABET[byte % 32]).join("");
}

export const worldIdPattern = /^[0-9a-hjkmnp-tv-z]{12}$/;

/** A demo user's address in a world: admin@contoso.com → admin+<world>@contoso.com. */
export function worldEmail(email: string, worldId: string): string {
  const at = email.indexOf("@");
  return `${email.slice(0, at)}+${worldId}${email.slice(at)}`;
}

/** How many worlds may exist at once: a world's number takes four digits of its invoice numbers. */
export const MAX_WORLDS = 9_999;
/** How many invoices one world may hold: the last four digits of its invoice numbers. */
export const MAX_WORLD_INVOICES = 9_999;

/**
 * A world's invoice number: G5, the world's number (4 digits), the invoice's
 * sequence in the world (4 digits) — ten characters like the demo world's
 * G0xxxxxxxx, and never one of them.
 */
export function worldInvoiceNumber(worldNumber: number, sequence: number): string {
  if (sequence > MAX_WORLD_INVOICES) throw new WorldFull("invoices");
  return `G5${String(worldNumber).padStart(4, "0")}${String(sequence).padStart(4, "0")}`;
}

/** The lowest world number no live world holds, or null when all are taken. */
export function freeWorldNumber(taken: number[]): number | null {
  const used = new Set(taken);
  for (let number = 1; number <= MAX_WORLDS; number++) if (!used.has(number)) return number;
  return null;
}

export class WorldFull extends Error {
  constructor(readonly what: "worlds" | "invoices") {
    super(
      what === "worlds"
        ? `${MAX_WORLDS} worlds exist already: delete some (DELETE /api/sim/worlds/{id}) or wait for idle ones to expire.`
        : `This world has used its ${MAX_WORLD_INVOICES} invoice numbers.`,
    );
  }
}

/**
 * The world's copy of an ID the demo generator drew: every hex digit replaced
 * from a hash of the world ID and the original, so the copy has the same shape
 * (a GUID stays a GUID, a profile ID keeps its dashes and case) but is the
 * world's own — the demo world and every other world keep theirs.
 */
export function worldScopedId(worldId: string): (generated: string) => string {
  return (generated) => {
    const key = createHash("sha256").update(`${worldId}:${generated}`).digest("hex");
    const upper = generated === generated.toUpperCase();
    let index = 0;
    return generated.replace(/[0-9a-f]/gi, () => {
      const digit = key[index++ % key.length];
      return upper ? digit.toUpperCase() : digit;
    });
  };
}
