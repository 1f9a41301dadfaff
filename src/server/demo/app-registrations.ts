import { createHash, randomBytes } from "node:crypto";

import bcrypt from "bcryptjs";

import type { Prisma } from "@/generated/prisma/client";

/**
 * App registrations (Entra's service principals) of the demo world and of
 * every world: one per demo user, holding that user's roles — Contoso's
 * admin and reader apps, Fabrikam's admin app — so a script signs in with
 * client credentials as the CLI and the SDKs do (docs/clients.md). IDs are
 * derived, not drawn: the demo world's are the same on every machine (its
 * users' IDs are), a world's are its own, and the world's generator draws
 * nothing more (every other ID and amount stays as it was).
 */

/** The demo world's directory (tenant) ID, printed in docs/clients.md. */
export const DEMO_TENANT_ID = "5f0c1a2e-7b3d-4c8e-9a1f-2d3c4b5a6e7f";

/** The built-in client secret of every app registration unless a deployment sets DEMO_CLIENT_SECRET. */
export const BUILT_IN_DEMO_CLIENT_SECRET = "sim~Demo-Client-Secret-0123456789abcdef";

export function demoClientSecret(env: Record<string, string | undefined> = process.env): string {
  return env.DEMO_CLIENT_SECRET?.trim() || BUILT_IN_DEMO_CLIENT_SECRET;
}

/** A GUID drawn from a hash (version 5's layout), so derived IDs look like Entra's. */
function guidFrom(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The directory (tenant) of a world: the demo world's for null. */
export function tenantIdOf(worldId: string | null): string {
  return worldId === null ? DEMO_TENANT_ID : guidFrom(`azure-billing-sim/tenant:${worldId}`);
}

/** The application (client) ID of the app registration that mirrors a demo user. */
export const clientIdFor = (userId: string) => guidFrom(`azure-billing-sim/app:${userId}`);

/** The stored form of a client secret: SHA-256, hex (secrets are long and random; no slow hash is needed). */
export const hashClientSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** An app's user row has no password anyone knows: the sign-in form can never admit it. */
const unusablePasswordHash = () => bcrypt.hashSync(randomBytes(24).toString("hex"), 4);

export type AppRegistration = {
  displayName: string;
  clientId: string;
  tenantId: string;
  roles: { billingAccountId: string; role: string }[];
};

type Tx = Prisma.TransactionClient;

/**
 * Creates the app registrations of a world (null: the demo world) that do
 * not exist yet — one per user with roles, mirroring them — and returns all
 * of them. Idempotent: `npm start` runs it on the demo world at every start,
 * so a database seeded before app registrations existed gets them.
 */
export async function ensureAppRegistrations(
  tx: Tx,
  worldId: string | null,
  now: Date,
  secret: string = demoClientSecret(),
): Promise<AppRegistration[]> {
  const people = await tx.user.findMany({
    where: { worldId, servicePrincipal: null, roles: { some: {} } },
    select: { id: true, displayName: true, roles: { select: { billingAccountId: true, role: true } } },
    orderBy: { email: "asc" },
  });
  const secretHash = hashClientSecret(secret);
  const tenantId = tenantIdOf(worldId);
  const registrations: AppRegistration[] = [];
  for (const person of people) {
    const clientId = clientIdFor(person.id);
    const displayName = `${person.displayName} (app)`;
    registrations.push({ displayName, clientId, tenantId, roles: person.roles });
    if (await tx.servicePrincipal.findUnique({ where: { clientId }, select: { id: true } })) continue;
    const userId = guidFrom(`azure-billing-sim/app-user:${clientId}`);
    await tx.user.create({
      data: {
        id: userId,
        email: `${clientId}@serviceprincipals.invalid`,
        displayName,
        passwordHash: unusablePasswordHash(),
        worldId,
        createdAt: now,
        roles: {
          create: person.roles.map((role) => ({
            id: guidFrom(`azure-billing-sim/app-role:${clientId}:${role.billingAccountId}`),
            billingAccountId: role.billingAccountId,
            role: role.role,
          })),
        },
      },
    });
    await tx.servicePrincipal.create({
      data: { id: guidFrom(`azure-billing-sim/app-object:${clientId}`), clientId, secretHash, userId, createdAt: now },
    });
  }
  return registrations;
}
