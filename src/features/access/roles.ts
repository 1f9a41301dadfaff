export const roles = ["BILLING_ACCOUNT_ADMIN", "BILLING_ACCOUNT_READER"] as const;
export type Role = (typeof roles)[number];

export const agreementTypes = ["MCA", "MOSP", "EA"] as const;
export type AgreementType = (typeof agreementTypes)[number];

export function asRole(value: string): Role | null {
  return (roles as readonly string[]).includes(value) ? (value as Role) : null;
}

export function asAgreementType(value: string): AgreementType {
  if ((agreementTypes as readonly string[]).includes(value)) return value as AgreementType;
  throw new Error(`Unknown agreement type ${value}`);
}
