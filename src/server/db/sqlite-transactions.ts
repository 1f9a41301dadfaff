import "server-only";

import type { IsolationLevel, SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Statements from outside an open interactive transaction wait for it to end, on Prisma's SQLite adapter.
 *
 * That adapter runs every statement on its one connection, and only transactions take turns (its
 * mutex): a statement sent meanwhile by another request ran *inside* the open transaction. It read
 * that transaction's uncommitted rows, and a write was undone with the transaction if it rolled back,
 * although its caller had been told it succeeded (a payment recorded by one request erased by another
 * request's rollback; tests/integration/db-setup/sqlite-transactions.test.ts). On PostgreSQL each
 * statement has a connection of its own and this cannot happen.
 *
 * The check and the statement run in one synchronous step (the adapter executes a statement
 * synchronously when called), so no transaction can begin between them. Code inside a transaction
 * must use its `tx`: a statement on `db` there would now wait for the transaction, which waits for it,
 * until Prisma's transaction timeout rolls it back.
 */
export function outsideStatementsWait<Adapter extends SqlDriverAdapter>(adapter: Adapter): Adapter {
  /** Settles when the open transaction commits or rolls back; null when none is open. */
  let open: Promise<void> | null = null;
  /** `run` now if no transaction is open, else once it has ended (and again none is open). */
  const whenNoneOpen = <Args extends unknown[], Result>(run: (...args: Args) => Promise<Result>) => {
    const waiting = (...args: Args): Promise<Result> => (open ? open.then(() => waiting(...args)) : run(...args));
    return waiting;
  };

  adapter.queryRaw = whenNoneOpen(adapter.queryRaw.bind(adapter));
  adapter.executeRaw = whenNoneOpen(adapter.executeRaw.bind(adapter));
  adapter.executeScript = whenNoneOpen(adapter.executeScript.bind(adapter));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = whenNoneOpen((isolationLevel?: IsolationLevel) => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    open = gate;
    const end = () => {
      if (open === gate) open = null;
      release();
    };
    return startTransaction(isolationLevel).then(
      (transaction) => endsWith(transaction, end),
      (error: unknown) => {
        end();
        throw error;
      },
    );
  });
  return adapter;
}

/** The transaction, calling `end` once its COMMIT or ROLLBACK has run (Prisma sends it first, then calls these). */
function endsWith(transaction: Transaction, end: () => void): Transaction {
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);
  transaction.commit = () => commit().finally(end);
  transaction.rollback = () => rollback().finally(end);
  return transaction;
}
