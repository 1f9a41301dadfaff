// The role policy against the product's role table (docs/product.md, "Roles"),
// for every role × agreement type × invoice status. The expected values are
// written out by hand below, not derived from the policy's own logic.
import { describe, expect, it } from "vitest";

import {
  canManagePaymentMethods,
  canViewBillingAccount,
  canViewInvoices,
  offersPayNow,
  payDenial,
  type BillingAccess,
  type InvoiceToPay,
  type PayDenial,
} from "@/features/access/policy";
import { agreementTypes, roles, type AgreementType, type Role } from "@/features/access/roles";
import { invoiceStatuses, type InvoiceStatus } from "@/lib/invoice-status";

const roleOf = {
  admin: "BILLING_ACCOUNT_ADMIN",
  reader: "BILLING_ACCOUNT_READER",
  none: null,
} as const satisfies Record<string, Role | null>;
type RoleName = keyof typeof roleOf;

const ROLES: RoleName[] = ["admin", "reader", "none"];
const AGREEMENTS: AgreementType[] = ["MCA", "MOSP", "EA"];
const STATUSES: InvoiceStatus[] = ["due", "pastDue", "partiallyPaid", "processing", "paid", "void"];

/** Parses a whitespace-aligned table; the first line names the columns. */
function table(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  return lines.map((cells) => {
    if (cells.length !== header.length) throw new Error(`Malformed row: ${cells.join(" ")}`);
    return Object.fromEntries(header.map((name, index) => [name, cells[index]]));
  });
}

const access = (role: RoleName, agreementType: AgreementType): BillingAccess => ({ role: roleOf[role], agreementType });
const yes = (cell: string) => {
  if (cell !== "yes" && cell !== "no") throw new Error(`Expected yes/no, got ${cell}`);
  return cell === "yes";
};

// Who sees the account and who manages its cards. "No role": the account does
// not exist for them. EA accounts are not paid by card, so nobody manages cards there.
const visibility = table(`
  role    agreement  viewAccount  viewInvoices  manageCards
  admin   MCA        yes          yes           yes
  admin   MOSP       yes          yes           yes
  admin   EA         yes          yes           no
  reader  MCA        yes          yes           no
  reader  MOSP       yes          yes           no
  reader  EA         yes          yes           no
  none    MCA        no           no            no
  none    MOSP       no           no            no
  none    EA         no           no            no
`);

// Why Pay now is refused, per invoice status ("ok" = may pay). Only the admin of
// an MCA account pays, and only an invoice with a balance (due, past due, partially
// paid). A reader is told who can pay, whatever the invoice; MOSP settles its
// balance and EA pays by wire transfer instead of Pay now; with no role the
// account is not revealed at all.
const payment = table(`
  role    agreement  due       pastDue   partiallyPaid  processing  paid        void
  admin   MCA        ok        ok        ok             notPayable  notPayable  notPayable
  admin   MOSP       agreement agreement agreement      agreement   agreement   agreement
  admin   EA         agreement agreement agreement      agreement   agreement   agreement
  reader  MCA        notAdmin  notAdmin  notAdmin       notAdmin    notAdmin    notAdmin
  reader  MOSP       notAdmin  notAdmin  notAdmin       notAdmin    notAdmin    notAdmin
  reader  EA         notAdmin  notAdmin  notAdmin       notAdmin    notAdmin    notAdmin
  none    MCA        notFound  notFound  notFound       notFound    notFound    notFound
  none    MOSP       notFound  notFound  notFound       notFound    notFound    notFound
  none    EA         notFound  notFound  notFound       notFound    notFound    notFound
`);

describe("the tables cover every case", () => {
  it("names every role, agreement type and invoice status the app knows", () => {
    expect(roles).toEqual([roleOf.admin, roleOf.reader]);
    expect([...agreementTypes].sort()).toEqual([...AGREEMENTS].sort());
    expect([...invoiceStatuses].sort()).toEqual([...STATUSES].sort());
  });

  it("has exactly one row per role × agreement type", () => {
    for (const rows of [visibility, payment]) {
      const keys = rows.map((row) => `${row.role}/${row.agreement}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual(
        ROLES.flatMap((role) => AGREEMENTS.map((agreement) => `${role}/${agreement}`)).sort(),
      );
    }
  });
});

describe.each(visibility)("$role on an $agreement account", (row) => {
  const who = access(row.role as RoleName, row.agreement as AgreementType);

  it(`canViewBillingAccount → ${row.viewAccount}`, () => {
    expect(canViewBillingAccount(who)).toBe(yes(row.viewAccount));
  });

  it(`canViewInvoices → ${row.viewInvoices}`, () => {
    expect(canViewInvoices(who)).toBe(yes(row.viewInvoices));
  });

  it(`canManagePaymentMethods → ${row.manageCards}`, () => {
    expect(canManagePaymentMethods(who)).toBe(yes(row.manageCards));
  });
});

const payCases = payment.flatMap((row) =>
  STATUSES.map((status) => ({
    role: row.role as RoleName,
    agreement: row.agreement as AgreementType,
    status,
    expected: row[status],
  })),
);

/** An invoice of `status` with a small balance, well under any card limit. */
const invoice = (status: InvoiceStatus, amountDueMinor = 1_234_56, currency = "USD"): InvoiceToPay => ({
  status,
  amountDueMinor,
  currency,
});

describe("payDenial / offersPayNow", () => {
  it("checks all 54 combinations", () => {
    expect(payCases).toHaveLength(ROLES.length * AGREEMENTS.length * STATUSES.length);
  });

  it.each(payCases)("$role on $agreement, $status invoice → $expected", ({ role, agreement, status, expected }) => {
    const who = access(role, agreement);
    const denial: PayDenial | null = expected === "ok" ? null : (expected as PayDenial);
    expect(payDenial(who, invoice(status))).toBe(denial);
    expect(offersPayNow(payDenial(who, invoice(status)))).toBe(expected === "ok");
  });
});

describe("the card limit (USD 50,000; EUR 45,000)", () => {
  const admin = access("admin", "MCA");

  it("refuses a card above it, and still offers Pay now (wire transfer)", () => {
    expect(payDenial(admin, invoice("due", 50_000_01))).toBe("aboveCardLimit");
    expect(payDenial(admin, invoice("pastDue", 72_450_00))).toBe("aboveCardLimit");
    expect(payDenial(admin, invoice("due", 45_000_01, "EUR"))).toBe("aboveCardLimit");
    expect(offersPayNow("aboveCardLimit")).toBe(true);
  });

  it("allows a card at the limit", () => {
    expect(payDenial(admin, invoice("due", 50_000_00))).toBeNull();
    expect(payDenial(admin, invoice("partiallyPaid", 45_000_00, "EUR"))).toBeNull();
  });

  it("comes after the role, the agreement and the status", () => {
    expect(payDenial(access("reader", "MCA"), invoice("due", 72_450_00))).toBe("notAdmin");
    expect(payDenial(access("admin", "EA"), invoice("due", 72_450_00))).toBe("agreement");
    expect(payDenial(admin, invoice("void", 72_450_00))).toBe("notPayable");
    expect(payDenial(access("none", "MCA"), invoice("due", 72_450_00))).toBe("notFound");
  });

  it("offers no Pay now for any other denial", () => {
    for (const denial of ["notFound", "notAdmin", "agreement", "notPayable"] as const)
      expect(offersPayNow(denial)).toBe(false);
  });
});

describe("deny by default", () => {
  it("refuses a role it does not know", () => {
    const stranger = { role: "BILLING_ACCOUNT_OWNER", agreementType: "MCA" } as unknown as BillingAccess;
    expect(canViewBillingAccount(stranger)).toBe(false);
    expect(canViewInvoices(stranger)).toBe(false);
    expect(canManagePaymentMethods(stranger)).toBe(false);
    expect(payDenial(stranger, invoice("due"))).toBe("notFound");
  });

  it("refuses an agreement type it does not know", () => {
    const odd = { role: "BILLING_ACCOUNT_ADMIN", agreementType: "CSP" } as unknown as BillingAccess;
    expect(payDenial(odd, invoice("due"))).toBe("agreement");
    expect(canManagePaymentMethods(odd)).toBe(false);
  });
});
