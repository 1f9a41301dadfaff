import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { Prisma } from "@/generated/prisma/client";
import { isIdText } from "@/lib/ids";
import { db, sqlReader } from "@/server/db";

import { canViewBillingAccount, type BillingAccess } from "./policy";
import { asAgreementType, asRole, type AgreementType, type Role } from "./roles";
import { requireUser, type SessionUser } from "./session";

export type BillingScope = {
  account: { id: string; name: string; agreementType: AgreementType; currency: string };
  role: Role;
  access: BillingAccess;
};

/**
 * The billing account as this user may see it, or null when they hold no role on it.
 * One statement, on every page of the account: Prisma would read the role, the account and
 * its first subscription in three (it joins relations in SQL only on PostgreSQL). The quoted
 * names are Prisma's own table and column names, the same on SQLite and PostgreSQL; it runs on
 * the driver (SqlReader), which costs less than Prisma's raw queries and reads committed rows only.
 */
export const loadBillingScope = cache(async (userId: string, accountId: string): Promise<BillingScope | null> => {
  if (!isIdText(accountId)) return null;
  const [row] = await sqlReader(db).all(Prisma.sql`
    SELECT r."role", a."id", a."name", a."agreementType", a."currency",
      (SELECT s."country" FROM "Subscription" s WHERE s."billingAccountId" = a."id" ORDER BY s."id" LIMIT 1) AS "country"
    FROM "RoleAssignment" r JOIN "BillingAccount" a ON a."id" = r."billingAccountId"
    WHERE r."userId" = ${userId} AND r."billingAccountId" = ${accountId}`);
  if (!row) return null;
  const role = asRole(String(row.role));
  const access: BillingAccess = {
    role,
    agreementType: asAgreementType(String(row.agreementType)),
    country: row.country === null ? null : String(row.country),
  };
  if (!role || !canViewBillingAccount(access)) return null;
  return {
    account: {
      id: String(row.id),
      name: String(row.name),
      agreementType: access.agreementType,
      currency: String(row.currency),
    },
    role,
    access,
  };
});

/** For pages: the user and the scope, or "not found" so the account's existence is not revealed. */
export async function requireBillingScope(accountId: string): Promise<{ user: SessionUser } & BillingScope> {
  const user = await requireUser();
  const scope = await loadBillingScope(user.id, accountId);
  if (!scope) notFound();
  return { user, ...scope };
}

export async function listBillingScopes(userId: string) {
  const assignments = await db.roleAssignment.findMany({
    where: { userId },
    include: { billingAccount: true },
    orderBy: { billingAccount: { name: "asc" } },
  });
  return assignments.flatMap((assignment) => {
    const role = asRole(assignment.role);
    return role
      ? [
          {
            id: assignment.billingAccount.id,
            name: assignment.billingAccount.name,
            agreementType: asAgreementType(assignment.billingAccount.agreementType),
            currency: assignment.billingAccount.currency,
            role,
          },
        ]
      : [];
  });
}

/** Who pays: the billing account admins, shown to readers and on the Properties blade. */
export async function billingAccountAdmins(accountId: string) {
  return db.user.findMany({
    // People only: an app registration holding the admin role is no one to ask.
    where: { roles: { some: { billingAccountId: accountId, role: "BILLING_ACCOUNT_ADMIN" } }, servicePrincipal: null },
    select: { displayName: true, email: true },
    orderBy: { email: "asc" },
  });
}
