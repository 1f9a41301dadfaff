/**
 * What the reliability suite adds to a demo database before a server uses it,
 * and reads back afterwards — through the app's own Prisma client factory, so
 * dates and types are stored exactly as the app stores them.
 *
 * - 24 extra Due invoices on Contoso's first billing profile (G0REL0001…), for
 *   the concurrency scenarios (each scenario uses invoices of its own).
 * - Two extra MCA accounts whose names contain markup (they are shown in the
 *   portal's pages, the receipt and the PDF): "Northwind" with its admin, and
 *   "Northwind Two" administered by the same user and by a second one — for
 *   the decline limit per account and per user.
 */
import bcrypt from "bcryptjs";

import { createPrismaClient, type Db } from "@/server/db/client";

import { fixtureSessionId } from "./http";
import { SIM_NOW } from "./server";

export const HOSTILE_NAME = `<script>alert("xss")</script><img src=x onerror=alert(1)> & "Co" 'Ltd'`;

export type World = {
  contoso: {
    accountId: string;
    adminId: string;
    readerId: string;
    profileId: string;
    payable: string[];
    savedCardId: string;
  };
  fabrikam: { accountId: string; adminId: string; invoiceId: string };
  northwind: { accountId: string; profileId: string; invoices: string[] };
  northwind2: { accountId: string; profileId: string; invoices: string[] };
  /** its own admin; for a burst of declines */
  northwind3: { accountId: string; profileId: string; invoices: string[]; adminId: string };
  /** admin of Northwind and of Northwind Two */
  nwAdminId: string;
  /** admin of Northwind Two only */
  nw2AdminId: string;
  extraInvoices: string[];
};

const DAY = 86_400_000;

/** A client on a database file, or on a PostgreSQL URL. */
export function openDb(dbFile: string): Db {
  return createPrismaClient(/^postgres(ql)?:\/\//.test(dbFile) ? dbFile : `file:${dbFile}`);
}

async function addInvoice(
  db: Db,
  id: string,
  accountId: string,
  profileId: string,
  currency: string,
  amountMinor: number,
) {
  const now = new Date(SIM_NOW).getTime();
  await db.invoice.create({
    data: {
      id,
      billingAccountId: accountId,
      billingProfileId: profileId,
      invoiceDate: new Date(now - 15 * DAY),
      dueDate: new Date(now + 15 * DAY),
      periodStart: new Date(now - 45 * DAY),
      periodEnd: new Date(now - 15 * DAY),
      currency,
      subtotalMinor: amountMinor,
      taxMinor: 0,
      totalMinor: amountMinor,
      amountDueMinor: amountMinor,
      lines: {
        create: [
          {
            id: `${id}-L1`,
            position: 0,
            description: `Azure services ${HOSTILE_NAME}`,
            serviceFamily: "Compute",
            quantity: 1,
            unitPriceMinor: amountMinor,
            amountMinor,
          },
        ],
      },
    },
  });
}

async function addAccount(db: Db, key: string, name: string, admins: string[]) {
  const accountId = `rel-${key}:00000000-0000-4000-8000-00000000000${key.length}_2024-01-01`;
  const profileId = `REL-${key.toUpperCase()}-PROFILE`;
  await db.billingAccount.create({
    data: { id: accountId, name, agreementType: "MCA", currency: "USD", createdAt: new Date("2024-01-01T00:00:00Z") },
  });
  await db.billingProfile.create({
    data: {
      id: profileId,
      billingAccountId: accountId,
      name: `${name} profile`,
      currency: "USD",
      defaultPaymentKind: "CARD",
    },
  });
  for (const userId of admins)
    await db.roleAssignment.create({
      data: { id: `${key}-${userId}`, userId, billingAccountId: accountId, role: "BILLING_ACCOUNT_ADMIN" },
    });
  const invoices: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const id = `G0${key.toUpperCase()}${String(i).padStart(5, "0")}`;
    await addInvoice(db, id, accountId, profileId, "USD", 10_000 + i * 1_111);
    invoices.push(id);
  }
  return { accountId, profileId, invoices };
}

/** Adds the suite's data to a freshly set-up demo database; returns the IDs the tests use. */
export async function addFixtures(dbFile: string): Promise<World> {
  const db = openDb(dbFile);
  try {
    const contosoAccount = await db.billingAccount.findFirstOrThrow({
      where: { agreementType: "MCA" },
      orderBy: { createdAt: "asc" },
    });
    const fabrikamAccount = await db.billingAccount.findFirstOrThrow({ where: { agreementType: "MOSP" } });
    const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    // The profile of Contoso's payable invoices (the other one holds the invoice above the card limit).
    const firstPayable = await db.invoice.findFirstOrThrow({
      where: { billingAccountId: contosoAccount.id, voided: false, amountDueMinor: { gt: 0, lt: 5_000_000 } },
    });
    const profile = await db.billingProfile.findUniqueOrThrow({ where: { id: firstPayable.billingProfileId } });
    if (!profile.defaultPaymentMethodId) throw new Error("Contoso's billing profile has no default card");
    const fabrikamInvoice = await db.invoice.findFirstOrThrow({
      where: { billingAccountId: fabrikamAccount.id },
      orderBy: { invoiceDate: "desc" },
    });

    const extraInvoices: string[] = [];
    for (let i = 1; i <= 24; i++) {
      const id = `G0REL${String(i).padStart(5, "0")}`;
      await addInvoice(db, id, contosoAccount.id, profile.id, "USD", 25_000 + i * 137);
      extraInvoices.push(id);
    }
    const passwordHash = bcrypt.hashSync("Passw0rd!", 4);
    const created = new Date("2024-01-01T00:00:00Z");
    await db.user.create({
      data: {
        id: "rel-nw-admin",
        email: "admin@northwind.test",
        displayName: `Northwind admin ${HOSTILE_NAME}`,
        passwordHash,
        createdAt: created,
      },
    });
    await db.user.create({
      data: {
        id: "rel-nw2-admin",
        email: "admin2@northwind.test",
        displayName: "Northwind Two admin",
        passwordHash,
        createdAt: created,
      },
    });
    const northwind = await addAccount(db, "nw", `Northwind ${HOSTILE_NAME}`, ["rel-nw-admin"]);
    const northwind2 = await addAccount(db, "nwtwo", "Northwind Two", ["rel-nw-admin", "rel-nw2-admin"]);
    await db.user.create({
      data: {
        id: "rel-nw3-admin",
        email: "admin3@northwind.test",
        displayName: "Northwind Three admin",
        passwordHash,
        createdAt: created,
      },
    });
    const northwind3 = {
      ...(await addAccount(db, "nwthree", "Northwind Three", ["rel-nw3-admin"])),
      adminId: "rel-nw3-admin",
    };

    const payable = await db.invoice.findMany({
      where: {
        billingAccountId: contosoAccount.id,
        voided: false,
        amountDueMinor: { gt: 0, lt: 5_000_000 },
        id: { notIn: extraInvoices },
      },
      select: { id: true },
    });
    // A session row for every user, which sessionCookie's cookies name; real time, as the server checks it.
    const sessionsUntil = new Date(Date.now() + 24 * 60 * 60 * 1000);
    for (const { id: userId } of await db.user.findMany({ select: { id: true } }))
      await db.session.create({
        data: { id: fixtureSessionId(userId), userId, createdAt: new Date(), expiresAt: sessionsUntil },
      });
    return {
      contoso: {
        accountId: contosoAccount.id,
        adminId: await user("admin@contoso.com"),
        readerId: await user("reader@contoso.com"),
        profileId: profile.id,
        payable: payable.map((row) => row.id),
        savedCardId: profile.defaultPaymentMethodId,
      },
      fabrikam: {
        accountId: fabrikamAccount.id,
        adminId: await user("admin@fabrikam.com"),
        invoiceId: fabrikamInvoice.id,
      },
      northwind,
      northwind2,
      northwind3,
      nwAdminId: "rel-nw-admin",
      nw2AdminId: "rel-nw2-admin",
      extraInvoices,
    };
  } finally {
    await db.$disconnect();
  }
}
