// Sign-in, sessions and refusals, against a seeded throwaway database: the
// server actions, server functions and route handlers are called directly,
// with next/headers, next/navigation and next/cache faked per request.
//
// This file: every guarded action refuses the wrong actor and changes nothing; notifications; health.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { GET as health } from "@/app/api/health/route";
import { markNotificationsRead } from "@/features/portal/actions";

import { expectNoDatabaseChange } from "../../support/db-snapshot";
import { revalidatePath } from "../../support/next-request";
import { actAs, ctx, refusalCases, signInAs, testDb } from "./world";

describe("guarded actions refuse and change nothing", () => {
  it.each(refusalCases)("$label", async ({ action, actor }) => {
    await actAs(actor);
    revalidatePath.mockClear();
    const outcome = await expectNoDatabaseChange(testDb.db, () => action.run(ctx));
    action.expectRefusal?.(outcome, actor);
  });
});

describe("markNotificationsRead", () => {
  it("marks only the signed-in user's own notifications read", async () => {
    await signInAs("reader@contoso.com");
    await markNotificationsRead();
    const unread = await testDb.db.notification.findMany({ where: { readAt: null }, select: { userId: true } });
    expect(unread.map((n) => n.userId).sort()).toEqual(
      [ctx.users.contosoAdmin, ctx.users.contosoAdmin, ctx.users.fabrikamAdmin, ctx.users.fabrikamAdmin].sort(),
    );
    expect(
      await testDb.db.notification.count({ where: { userId: ctx.users.contosoReader, readAt: { not: null } } }),
    ).toBe(2);
    expect(revalidatePath).toHaveBeenCalled();
  });
});

describe("GET /api/health", () => {
  it("reports the database and its latest migration, uncached", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const latest = fs
      .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .at(-1);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migration: latest });
  });
});
