import type Database from "better-sqlite3";

/** How many distinct statements a connection keeps: the app's queries are a few dozen shapes. */
const KEPT_STATEMENTS = 256;

type Params = unknown[];

/**
 * What Prisma's SQLite adapter does with a prepared statement: binds the query's
 * parameters once, then runs it, or reads its columns and its rows as arrays;
 * BEGIN runs unbound.
 */
type PreparedForAdapter = {
  run(): Database.RunResult;
  bind(params: Params): {
    readonly reader: boolean;
    run(): Database.RunResult;
    columns(): Database.ColumnDefinition[];
    raw(): { all(): unknown[] };
  };
};

/**
 * Keeps the connection's prepared statements, so a query that ran before is not compiled again.
 *
 * Prisma's better-sqlite3 adapter prepares every statement anew, on every query: SQLite parses
 * and plans the same SQL each time (0.3 ms of a grid page's 10, bench/profile.md). Its
 * statements are bound with `bind()`, which better-sqlite3 allows once per statement, so the
 * kept statement is handed out behind a view that passes the parameters on each call instead.
 * better-sqlite3 runs a statement to its end synchronously, so two queries never share one
 * at the same time. The least recently used statement goes when more than `limit` are kept.
 */
export function keepPreparedStatements(client: Database.Database, limit = KEPT_STATEMENTS): void {
  const prepared = preparedStatements(client, limit);
  const forAdapter = (sql: string): PreparedForAdapter => {
    const statement = prepared(sql);
    return {
      run: () => statement.run(),
      bind: (params) => ({
        reader: statement.reader,
        run: () => statement.run(params),
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(params) }),
      }),
    };
  };
  // The adapter is the only caller of this connection's prepare(): it is not shared.
  client.prepare = forAdapter as unknown as typeof client.prepare;
}

/**
 * The connection's statements by SQL text, prepared once: the least recently used one goes when
 * more than `limit` are kept. Takes the connection's own prepare() as it is when called.
 */
export function preparedStatements(
  client: Database.Database,
  limit = KEPT_STATEMENTS,
): (sql: string) => Database.Statement<Params> {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Database.Statement<Params>>();
  return (sql) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else statement = prepare<Params>(sql);
    kept.set(sql, statement);
    if (kept.size > limit) kept.delete(kept.keys().next().value as string);
    return statement;
  };
}
