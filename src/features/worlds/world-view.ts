import "server-only";

import { db } from "@/server/db";
import { demoClientSecret, tenantIdOf, type AppRegistration } from "@/server/demo/app-registrations";
import { demoPassword } from "@/server/demo/password";

import { idleMinutes } from "./expiry";

/** What the control API answers about a world (POST, GET): who signs in, with which role on which account. */
export type WorldView = {
  id: string;
  seed: number;
  /** The world's clock. */
  now: string;
  createdAt: string;
  lastUsedAt: string;
  /** When the world is deleted if nothing uses it before (SIM_WORLD_IDLE_MINUTES). */
  expiresAt: string;
  users: {
    email: string;
    password: string;
    displayName: string;
    role: "admin" | "reader";
    /** The ID of the billing account the role is on (see billingAccounts). */
    billingAccount: string;
    billingAccountName: string;
  }[];
  billingAccounts: { id: string; name: string; agreementType: string; currency: string }[];
  /** The world's directory (tenant) ID: its app registrations sign in there (docs/clients.md). */
  tenantId: string;
  /** App registrations (service principals), one per user, with that user's role; the secret is the demo one. */
  servicePrincipals: {
    displayName: string;
    clientId: string;
    clientSecret: string;
    role: "admin" | "reader";
    billingAccount: string;
  }[];
};

type WorldFacts = { id: string; seed: number; now: Date; createdAt: Date; lastUsedAt: Date };
type AccountFacts = { id: string; name: string; agreementType: string; currency: string };
type RoleFacts = { email: string; displayName: string; role: string; billingAccountId: string };

/** The API's view of a world from its rows. */
export function worldView(
  world: WorldFacts,
  accounts: AccountFacts[],
  roles: RoleFacts[],
  password: string,
  apps: AppRegistration[],
  secret: string = demoClientSecret(),
) {
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  return {
    id: world.id,
    seed: world.seed,
    now: world.now.toISOString(),
    createdAt: world.createdAt.toISOString(),
    lastUsedAt: world.lastUsedAt.toISOString(),
    expiresAt: new Date(world.lastUsedAt.getTime() + idleMinutes() * 60_000).toISOString(),
    users: roles
      .map((role) => ({
        email: role.email,
        password,
        displayName: role.displayName,
        role: role.role === "BILLING_ACCOUNT_ADMIN" ? ("admin" as const) : ("reader" as const),
        billingAccount: role.billingAccountId,
        billingAccountName: names.get(role.billingAccountId) ?? "",
      }))
      // Contoso's admin, Contoso's reader, Fabrikam's admin: by account, the admin first.
      .sort((a, b) => a.billingAccountName.localeCompare(b.billingAccountName) || a.role.localeCompare(b.role)),
    billingAccounts: accounts.map(({ id, name, agreementType, currency }) => ({ id, name, agreementType, currency })),
    tenantId: tenantIdOf(world.id),
    servicePrincipals: apps.flatMap((app) =>
      app.roles.map((role) => ({
        displayName: app.displayName,
        clientId: app.clientId,
        clientSecret: secret,
        role: role.role === "BILLING_ACCOUNT_ADMIN" ? ("admin" as const) : ("reader" as const),
        billingAccount: role.billingAccountId,
      })),
    ),
  } satisfies WorldView;
}

/** A world as the API shows it, or null when there is no such world. */
export async function loadWorldView(worldId: string, password = demoPassword()): Promise<WorldView | null> {
  const world = await db.world.findUnique({
    where: { id: worldId },
    include: {
      billingAccounts: { orderBy: { name: "asc" } },
      users: { orderBy: { email: "asc" }, include: { roles: true, servicePrincipal: { select: { clientId: true } } } },
    },
  });
  if (!world) return null;
  const people = world.users.filter((user) => !user.servicePrincipal);
  const apps = world.users.flatMap((user) =>
    user.servicePrincipal
      ? [
          {
            displayName: user.displayName,
            clientId: user.servicePrincipal.clientId,
            tenantId: tenantIdOf(world.id),
            roles: user.roles,
          },
        ]
      : [],
  );
  const roles = people.flatMap((user) =>
    user.roles.map((role) => ({
      email: user.email,
      displayName: user.displayName,
      role: role.role,
      billingAccountId: role.billingAccountId,
    })),
  );
  return worldView(world, world.billingAccounts, roles, password, apps);
}
