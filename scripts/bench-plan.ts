// The query plan of the Invoices grid (npm run bench calls it): runs the grid's
// own listInvoices() on a benchmark database, records the SQL and parameters
// it hands to better-sqlite3 (through its SqlReader, src/server/db/sql-reader.ts),
// and asks SQLite for EXPLAIN QUERY PLAN of each.
// Prints one JSON object on stdout.
//   DATABASE_URL=file:… SIM_NOW=… node -C react-server --import tsx scripts/bench-plan.ts '<filters as JSON>' […]
import Database from "better-sqlite3";

import { databaseFile, databaseUrl } from "../src/server/db/url";

type Captured = { sql: string; params: unknown[] };
const captured: Captured[] = [];
let recording = false;

// The grid's statements run through a connection's kept statements (src/server/db/sqlite-statements.ts),
// which pass the parameters on each call: record each statement's SQL and parameters where it runs.
type Run = (this: Database.Statement, ...params: unknown[]) => unknown;
const statementPrototype = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
  "all" | "get" | "run",
  Run
>;
for (const method of ["all", "get", "run"] as const) {
  const original = statementPrototype[method];
  statementPrototype[method] = function (this: Database.Statement, ...params: unknown[]) {
    if (recording) captured.push({ sql: this.source, params: params.flat() });
    return original.apply(this, params);
  };
}

const { listInvoices } = await import("../src/features/invoices/grid-query");
const { parseInvoiceFilters } = await import("../src/features/invoices/filters");
const { now } = await import("../src/server/clock");
const { db } = await import("../src/server/db");

const sqlite = new Database(databaseFile(databaseUrl()), { readonly: true });
const account = sqlite.prepare(`SELECT id FROM BillingAccount WHERE name = 'Contoso Ltd'`).get() as { id: string };

/** Calls before timing: as a long-running server would have made. */
const WARM_UP_CALLS = 30;

type PlanRow = { id: number; parent: number; detail: string };
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)] * 10) / 10;
function planText(rows: PlanRow[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${"  ".repeat(level)}${row.detail}`;
  });
}

const views = [];
for (const arg of process.argv.slice(2)) {
  const query = JSON.parse(arg) as Record<string, string>;
  const filters = parseInvoiceFilters(query);
  captured.length = 0;
  recording = true;
  const result = await listInvoices(account.id, filters, now());
  recording = false;
  // Warm timings of the same call (the first ones open the connection, compile the code
  // and fill SQLite's and the OS's page caches), in CPU time of this process: wall time
  // on a loaded machine measures the neighbours.
  for (let i = 0; i < WARM_UP_CALLS; i++) await listInvoices(account.id, filters, now());
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = cpuMs();
    await listInvoices(account.id, filters, now());
    times.push(cpuMs() - started);
  }
  const ms = median(times);
  views.push({
    query,
    total: result.total,
    page: result.page,
    pages: result.pages,
    ms,
    // The parameters as they were bound: SQLite plans by the bound types.
    statements: captured.map(({ sql, params }) => ({
      sql,
      params,
      plan: planText(sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[])) as PlanRow[]),
      sqliteMs: median(
        Array.from({ length: 9 }, () => {
          const statement = sqlite.prepare(sql);
          const started = cpuMs();
          statement.all(...(params as unknown[]));
          return cpuMs() - started;
        }),
      ),
    })),
  });
}
sqlite.close();
await db.$disconnect();
console.log(
  JSON.stringify({ accountId: account.id, views }, (_key, value) =>
    typeof value === "bigint" ? Number(value) : value,
  ),
);
