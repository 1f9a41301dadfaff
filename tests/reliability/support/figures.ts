/**
 * The figures a reliability run produced (requests fired, cases tried,
 * results), written to test-results/reliability/figures-<suite>.json and
 * printed, so docs/reliability.md can quote the last run.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "test-results", "reliability");

export class Figures {
  private readonly data: Record<string, unknown> = {};
  private readonly suite: string;
  /** On PostgreSQL (TEST_ENGINE) a suite of both engines writes figures-<suite>-on-postgresql.json. */
  constructor(suite: string) {
    this.suite =
      process.env.TEST_ENGINE === "postgresql" && !suite.includes("postgresql") ? `${suite}-on-postgresql` : suite;
  }

  set(key: string, value: unknown): void {
    this.data[key] = value;
    console.log(`[reliability:${this.suite}] ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }

  write(): void {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(
      path.join(OUT, `figures-${this.suite}.json`),
      `${JSON.stringify({ suite: this.suite, at: new Date().toISOString(), ...this.data }, null, 2)}\n`,
    );
  }
}

/** "200×1, 409×19" */
export function tally(statuses: Array<number | string>): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(String(status), (counts.get(String(status)) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([status, count]) => `${status}×${count}`)
    .join(", ");
}
