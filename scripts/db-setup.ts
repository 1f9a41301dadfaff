// Prepares the database before the server starts: applies pending migrations,
// then seeds the demo world if the database is empty. `--reset` deletes the
// database first (npm run db:reset). Start-up problems print one sentence, not a stack.
// SQLite (file:…, the default) or PostgreSQL (postgresql://…), by DATABASE_URL; on
// PostgreSQL several servers may run this at once: a lock lets one migrate and seed.
import fs from "node:fs";

import { reconcilePendingPayments } from "../src/features/payments/settle-payment";
import { now } from "../src/server/clock";
import { db } from "../src/server/db";
import { DatabaseSetupError, migrateDatabase } from "../src/server/db/migrate";
import { optimizeDatabase } from "../src/server/db/optimize";
import { dropDatabase } from "../src/server/db/postgresql";
import { databaseEngine, databaseFile, databaseLabel, databaseUrl } from "../src/server/db/url";
import { ensureAppRegistrations } from "../src/server/demo/app-registrations";
import { seedDemo } from "../src/server/demo/seed";

/** Prisma's messages start with a blank line: the first line with text says what went wrong. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean) ?? "unknown error"
  );
}

let label = "";
try {
  const url = databaseUrl();
  label = databaseLabel(url);
  if (process.argv.includes("--reset")) {
    if (databaseEngine(url) === "sqlite") {
      const file = databaseFile(url);
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    } else {
      await dropDatabase(url);
    }
  }
  try {
    const applied = await migrateDatabase(url, async () => {
      if (await seedDemo(db, { now: now() })) console.log("Demo data created (sign in as admin@contoso.com).");
      // The demo world's app registrations (docs/clients.md), also into a database seeded before they existed.
      await db.$transaction((tx) => ensureAppRegistrations(tx, null, now()));
    });
    if (applied.length) console.log(`Database ${label}: applied ${applied.join(", ")}`);
    // Payments a stopped server left half-way are settled against the processor's ledger.
    const reconciled = await reconcilePendingPayments();
    if (reconciled.settled) console.log(`Reconciled ${reconciled.settled} payment(s) left pending by a previous run.`);
    for (const failure of reconciled.failed)
      console.error(
        `Payment ${failure.paymentId} could not be reconciled (the server's reconciler retries it): ${failure.error}`,
      );
  } finally {
    await db.$disconnect();
  }
  // Table statistics for the query planner (the grid's status views at scale).
  await optimizeDatabase(url);
} catch (error) {
  if (error instanceof DatabaseSetupError) {
    console.error(error.message);
  } else {
    console.error(`The database ${label || "DATABASE_URL"} could not be prepared: ${firstLine(error)}`);
  }
  process.exit(1);
}
