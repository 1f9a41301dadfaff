import "server-only";

// Text cleaning for the invoice PDF: what a standard PDF font can print, and line wrapping.

import type { PDFFont } from "pdf-lib";

// Characters that locale formatting or the catalogs produce and that have a plain WinAnsi equivalent.
const replacements: Record<string, string> = {
  "\u00a0": " ", // no-break space (kept as a plain space so wrapping works)
  "\u202f": " ", // narrow no-break space (French thousands separator)
  "\u2007": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u200b": "",
  "\u200e": "",
  "\u200f": "",
  "\u2060": "",
  "\ufeff": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2192": "->",
  "\u203a": ">",
  "\u2039": "<",
};

/**
 * Makes any text printable with a standard PDF font, which only encodes
 * WinAnsi: known look-alikes are replaced, accents the font lacks are dropped
 * ("ő" → "o"), control characters become spaces and anything else becomes "?".
 * Text is only ever drawn as text, so markup in a name stays visible characters.
 */
export function toWinAnsi(text: string, font: PDFFont): string {
  const supported = characterSet(font);
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += " ";
      continue;
    }
    const replaced = replacements[char];
    if (replaced !== undefined && [...replaced].every((c) => supported.has(c.codePointAt(0) ?? 0))) {
      out += replaced;
      continue;
    }
    if (supported.has(code)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += base && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : "?";
  }
  return out;
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Splits text into lines no wider than `width` (long words are cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
