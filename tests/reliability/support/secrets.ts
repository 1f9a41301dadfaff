/**
 * "No full card number or security code anywhere": scans SQLite database files
 * (with their WAL), logs and recorded responses for every card number the
 * suite typed (with and without spaces) and for a security code next to its
 * field name; and every TEXT column of every table for a value that is a
 * security code the suite typed or mentions one.
 */
import fs from "node:fs";

import Database from "better-sqlite3";

export type Finding = { where: string; what: string };

export const cvcPattern = /\b(?:cvc|cvv|cvv2|securityCode|security_code)\b["'\s]*[:=]\s*["']?\d{3,4}\b/i;

function variants(number: string): string[] {
  return [number, number.replace(/(\d{4})(?=\d)/g, "$1 "), number.replace(/(\d{4})(?=\d)/g, "$1-")];
}

export function scanText(where: string, text: string, cardNumbers: Iterable<string>): Finding[] {
  const findings: Finding[] = [];
  for (const number of cardNumbers)
    for (const form of variants(number))
      if (text.includes(form)) findings.push({ where, what: `card number ${form.slice(0, 4)}…${form.slice(-4)}` });
  const cvc = cvcPattern.exec(text);
  if (cvc) findings.push({ where, what: `security code: ${cvc[0]}` });
  return findings;
}

/** The raw bytes of an SQLite file and its WAL, read as text. */
export function scanDatabaseFiles(file: string, cardNumbers: Iterable<string>): Finding[] {
  const findings: Finding[] = [];
  for (const suffix of ["", "-wal", "-journal"]) {
    if (!fs.existsSync(file + suffix)) continue;
    findings.push(...scanText(file + suffix, fs.readFileSync(file + suffix).toString("latin1"), cardNumbers));
  }
  return findings;
}

/** Every TEXT value of every table: no security code as a value, none named in JSON, no card number. */
export function scanDatabaseRows(
  file: string,
  cardNumbers: Iterable<string>,
  securityCodes: Iterable<string>,
): { findings: Finding[]; values: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const { name } of tables)
      rows[name] = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as Record<string, unknown>[];
    return scanRows(rows, cardNumbers, securityCodes);
  } finally {
    db.close();
  }
}

/** The same scan over rows read by any engine (tests/support/db-snapshot.ts databaseRows() on PostgreSQL). */
export function scanRows(
  tables: Record<string, unknown[]>,
  cardNumbers: Iterable<string>,
  securityCodes: Iterable<string>,
): { findings: Finding[]; values: number } {
  const codes = new Set(securityCodes);
  const numbers = [...cardNumbers];
  const findings: Finding[] = [];
  let values = 0;
  for (const [name, rows] of Object.entries(tables))
    for (const row of rows as Record<string, unknown>[])
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string") continue;
        values++;
        if (codes.has(value.trim()))
          findings.push({ where: `${name}.${column}`, what: `a security code as a value (${value})` });
        findings.push(...scanText(`${name}.${column}`, value, numbers));
      }
  return { findings, values };
}
