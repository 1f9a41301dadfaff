import "server-only";

import bcrypt from "bcryptjs";

import { Prisma } from "@/generated/prisma/client";
import { now as serverNow } from "@/server/clock";
import { db } from "@/server/db";
import { takeTurns } from "@/server/db/locks";
import { ensureAppRegistrations } from "@/server/demo/app-registrations";
import { demoPassword } from "@/server/demo/password";
import { buildDemoWorld, DEMO_SEED, writeWorldRows } from "@/server/demo/seed";

import { freeWorldNumber, newWorldId, worldEmail, WorldFull, worldInvoiceNumber, worldScopedId } from "./identity";
import { scenarioAccounts, type ScenarioName } from "./scenarios";
import { worldInvoices, type WorldInvoice } from "./world-invoices";
import { worldView, type WorldView } from "./world-view";

/**
 * One bcrypt hash per password and server process, shared by every world's users:
 * hashing is by far the slowest part of making a world (about 70 ms a hash), and a
 * world is made per test. The salt is the same across worlds; the password is the
 * demo one, printed in the README and returned by the API anyway.
 */
const hashes = new Map<string, string>();
function passwordHash(password: string): string {
  let hash = hashes.get(password);
  if (!hash) {
    hash = bcrypt.hashSync(password, 10);
    hashes.set(password, hash);
  }
  return hash;
}

export type NewWorld = { seed?: number; now?: Date; scenario?: ScenarioName };

/** A new world as POST answers it: the view, its scenario and its invoices as objects. */
export type CreatedWorld = WorldView & { scenario: ScenarioName; invoices: WorldInvoice[] };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Makes a world: a fresh copy of the demo world (Contoso MCA with its admin and
 * reader, Fabrikam MOSP with its admin, their profiles, invoices, cards and
 * payments) that belongs to it alone, with its own clock starting at `now`
 * (default: the server's clock), shaped by a scenario (scenarios.ts). Built in memory by the seed's own generator,
 * then written in one transaction, one multi-row INSERT per table. Worlds take
 * turns only to pick their number (the lowest free one; on SQLite a clash between
 * two servers is a unique-key error, and the world is simply built again).
 */
export async function createWorld(input: NewWorld = {}): Promise<CreatedWorld> {
  const seed = input.seed ?? DEMO_SEED;
  const scenario = input.scenario ?? "default";
  const accounts = scenarioAccounts(scenario);
  const clock = input.now ?? serverNow();
  const password = demoPassword();
  const hash = passwordHash(password);
  for (let attempt = 1; ; attempt++) {
    const id = newWorldId();
    try {
      return await db.$transaction(async (tx) => {
        await takeTurns(tx, "worlds:number");
        const taken = await tx.world.findMany({ select: { number: true } });
        const number = freeWorldNumber(taken.map((world) => world.number));
        if (number === null) throw new WorldFull("worlds");
        const rows = buildDemoWorld({
          seed,
          now: clock,
          passwordHash: () => hash,
          accounts,
          world: {
            id,
            scopedId: worldScopedId(id),
            email: (email) => worldEmail(email, id),
            invoiceNumber: (sequence) => worldInvoiceNumber(number, sequence),
          },
        });
        const realNow = new Date();
        const world = { id, number, seed, now: clock, invoiceSequence: rows.invoices.length };
        await tx.world.create({ data: { ...world, createdAt: realNow, lastUsedAt: realNow } });
        await writeWorldRows(tx, rows);
        const apps = await ensureAppRegistrations(tx, id, realNow);
        const emails = new Map(rows.users.map((user) => [user.id, user]));
        const roles = rows.roles.map((role) => ({
          email: emails.get(role.userId)!.email,
          displayName: emails.get(role.userId)!.displayName,
          role: role.role,
          billingAccountId: role.billingAccountId,
        }));
        const view = worldView(
          { ...world, createdAt: realNow, lastUsedAt: realNow },
          rows.accounts,
          roles,
          password,
          apps,
        );
        return { ...view, scenario, invoices: await worldInvoices(tx, id, clock) };
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}
