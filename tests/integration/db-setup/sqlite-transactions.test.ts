// Prisma's SQLite adapter runs every statement on one connection: without outsideStatementsWait
// (src/server/db/sqlite-transactions.ts), a statement another request sends while an interactive
// transaction is open ran inside it — it read the transaction's uncommitted rows, and its write was
// undone when the transaction rolled back, after its caller had been told it succeeded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient, type Db } from "@/server/db/client";

import { createTestDatabase, tempDatabaseFile, type TestDatabase } from "../../support/test-db";

let world: TestDatabase & { destroy: () => Promise<void> };
let db: Db;
let ids: string[];

beforeAll(async () => {
  world = await createTestDatabase({ file: tempDatabaseFile("sqlite-transactions"), seed: true });
  db = createPrismaClient(world.url);
  ids = (await db.invoice.findMany({ take: 3, orderBy: { id: "asc" }, select: { id: true } })).map(({ id }) => id);
});

afterAll(async () => {
  await db?.$disconnect();
  await world.destroy();
});

const tax = async (id: string) => (await db.invoice.findUniqueOrThrow({ where: { id } })).taxMinor;

/** An interactive transaction that writes `id`, then waits for `release` and rolls back. */
function openTransaction(id: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered = () => {};
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const done = db
    .$transaction(async (tx) => {
      await tx.invoice.update({ where: { id }, data: { taxMinor: -1 } });
      entered();
      await released;
      throw new Error("rolled back");
    })
    .catch((error: unknown) => (error as Error).message);
  return { inside, release, done };
}

describe("SQLite: statements from outside an open transaction", () => {
  it("a write made meanwhile waits for the rollback and is kept", async () => {
    const [a, b] = ids;
    const [taxA, taxB] = [await tax(a), await tax(b)];
    const transaction = openTransaction(a);
    await transaction.inside;
    let written = false;
    const write = db.invoice.update({ where: { id: b }, data: { taxMinor: taxB + 1 } }).then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBe(false);
    transaction.release();
    expect(await transaction.done).toBe("rolled back");
    await write;
    expect(await tax(a)).toBe(taxA);
    expect(await tax(b)).toBe(taxB + 1);
  });

  it("a read made meanwhile sees committed rows only", async () => {
    const [a] = ids;
    const before = await tax(a);
    const transaction = openTransaction(a);
    await transaction.inside;
    const read = tax(a);
    transaction.release();
    expect(await read).toBe(before);
    expect(await transaction.done).toBe("rolled back");
  });

  it("writes and transactions sent during a rollback's transaction all land, after it", async () => {
    const [a, , c] = ids;
    const start = await tax(c);
    const transaction = openTransaction(a);
    await transaction.inside;
    const increment = { where: { id: c }, data: { taxMinor: { increment: 1 } } };
    const work = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? db.invoice.update(increment) : db.$transaction((tx) => tx.invoice.update(increment)),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    transaction.release();
    await Promise.all(work);
    expect(await transaction.done).toBe("rolled back");
    expect(await tax(c)).toBe(start + 20);
  });
});
