import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { isIdText } from "@/lib/ids";
import { db } from "@/server/db";

import { canViewBillingAccount, type BillingAccess } from "./policy";
import { asAgreementType, asRole, type AgreementType, type Role } from "./roles";
import { requireUser, type SessionUser } from "./session";

export type BillingScope = {
  account: { id: string; name: string; agreementType: AgreementType; currency: string };
  role: Role;
  access: BillingAccess;
};

/** The billing account as this user may see it, or null when they hold no role on it. */
export const loadBillingScope = cache(async (userId: string, accountId: string): Promise<BillingScope | null> => {
  if (!isIdText(accountId)) return null;
  const assignment = await db.roleAssignment.findUnique({
    where: { userId_billingAccountId: { userId, billingAccountId: accountId } },
    include: {
      billingAccount: { include: { subscriptions: { select: { country: true }, orderBy: { id: "asc" }, take: 1 } } },
    },
  });
  if (!assignment) return null;
  const role = asRole(assignment.role);
  const account = assignment.billingAccount;
  const access: BillingAccess = {
    role,
    agreementType: asAgreementType(account.agreementType),
    country: account.subscriptions[0]?.country ?? null,
  };
  if (!role || !canViewBillingAccount(access)) return null;
  return {
    account: { id: account.id, name: account.name, agreementType: access.agreementType, currency: account.currency },
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
    where: { roles: { some: { billingAccountId: accountId, role: "BILLING_ACCOUNT_ADMIN" } } },
    select: { displayName: true, email: true },
    orderBy: { email: "asc" },
  });
}
