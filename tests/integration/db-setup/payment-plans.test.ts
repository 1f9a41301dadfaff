// The payment path's questions about a card's past payments read through an index, not through every
// SUCCEEDED payment: at 90,000 payments that scan cost 1.5-10 ms of every payment (docs/performance.md).
// SQLite's own plan (EXPLAIN QUERY PLAN) of the SQL Prisma sends, captured from the connection's prepare().
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { declineLimitReached, provenCard } from "@/features/payments/rate-limit";
import { createPrismaClient, type Db } from "@/server/db/client";

import { createTestDatabase, tempDatabaseFile, type TestDatabase } from "../../support/test-db";

let world: TestDatabase & { destroy: () => Promise<void> };
let client: Db;

beforeAll(async () => {
  world = await createTestDatabase({ file: tempDatabaseFile("payment-plans"), seed: true });
});

afterAll(async () => {
  await client?.$disconnect();
  await world.destroy();
});

/** SQLite's plan of a statement, its parameters left unbound (NULL). */
function planOf(sql: string): string[] {
  const plain = new Database(world.file, { readonly: true });
  try {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(null);
    return plain
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail);
  } finally {
    plain.close();
  }
}

describe("a card's past payments", () => {
  it("provenCard and the decline limit's count seek the (paymentMethodId, status) index", async () => {
    const admin = await world.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.com" } });
    const card = await world.db.paymentMethod.findFirstOrThrow();
    const role = await world.db.roleAssignment.findFirstOrThrow({ where: { userId: admin.id } });
    // Spied before the client connects (its first query): the connection's own prepare() is the spy.
    const prepares = vi.spyOn(Database.prototype, "prepare");
    client = createPrismaClient(world.url);
    await provenCard(card.id, client);
    await declineLimitReached(role.billingAccountId, admin.id, client);
    const statements = prepares.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes("`main`.`Payment`"));

    const proven = statements.find((sql) => /^SELECT `main`\.`Payment`\.`id` FROM/.test(sql));
    expect(planOf(proven!).join("\n")).toMatch(/USING (COVERING )?INDEX Payment_paymentMethodId_status_idx/);

    const counts = statements.filter((sql) => sql.startsWith("SELECT COUNT(*)"));
    expect(counts).toHaveLength(2);
    for (const sql of counts) {
      const plan = planOf(sql).join("\n");
      // The correlated "has this card been approved?" inside the count, too.
      expect(plan).toMatch(/SEARCH t1 USING (COVERING )?INDEX Payment_paymentMethodId_status_idx/);
      expect(plan).not.toMatch(/SCAN (main\.Payment|t1)\b/);
    }
  });
});
