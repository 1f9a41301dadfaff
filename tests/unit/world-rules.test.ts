// The worlds' pure rules: which invoice days and due dates a clock move crosses, forward-only moves, invoice
// numbers and IDs of a world, and the control token's gate.
import { describe, expect, it } from "vitest";

import { controlRefusal, controlToken, controlTokenWarning } from "@/features/worlds/control-access";
import { clockMove, fallsPastDue, invoiceDatesCrossed, MAX_ADVANCE_DAYS } from "@/features/worlds/cycle-rules";
import {
  freeWorldNumber,
  newWorldId,
  worldEmail,
  worldIdPattern,
  worldInvoiceNumber,
  worldScopedId,
} from "@/features/worlds/identity";
import { monthlyInvoiceDates } from "@/lib/dates";

const at = (iso: string) => new Date(iso);

describe("invoiceDatesCrossed", () => {
  it("gives the invoice days in (from, to], oldest first, each for the month that ended", () => {
    const crossed = invoiceDatesCrossed(at("2026-11-20T09:00:00Z"), at("2027-02-05T00:00:00Z"));
    expect(crossed.map((dates) => dates.invoiceDate.toISOString().slice(0, 10))).toEqual([
      "2026-12-05",
      "2027-01-05",
      "2027-02-05",
    ]);
    expect(crossed[0]).toMatchObject({ periodStart: at("2026-11-01"), periodEnd: at("2026-11-30") });
    expect(crossed[0].dueDate).toEqual(at("2027-01-04"));
  });

  it("crosses nothing standing still, going back, or within a month; the 5th at 00:00 counts as issued", () => {
    const day = at("2026-12-05T00:00:00Z");
    expect(invoiceDatesCrossed(day, day)).toEqual([]);
    expect(invoiceDatesCrossed(at("2027-01-01"), day)).toEqual([]);
    expect(invoiceDatesCrossed(at("2026-12-06"), at("2026-12-31"))).toEqual([]);
    expect(invoiceDatesCrossed(at("2026-12-04T23:59:59Z"), day)).toHaveLength(1);
    expect(invoiceDatesCrossed(day, at("2026-12-05T09:00:00Z"))).toEqual([]);
  });

  it("never repeats what a world seeded at `from` already has, and splits like one move", () => {
    const from = at("2026-11-20T09:00:00Z");
    const seeded = new Set(monthlyInvoiceDates(from, 24).map((dates) => dates.invoiceDate.getTime()));
    const crossed = invoiceDatesCrossed(from, at("2028-11-20T09:00:00Z"));
    expect(crossed).toHaveLength(24);
    expect(crossed.some((dates) => seeded.has(dates.invoiceDate.getTime()))).toBe(false);
    const middle = at("2027-06-05T00:00:00Z");
    const days = (list: { invoiceDate: Date }[]) => list.map((dates) => dates.invoiceDate.toISOString());
    const split = [...invoiceDatesCrossed(from, middle), ...invoiceDatesCrossed(middle, at("2028-11-20T09:00:00Z"))];
    expect(days(split)).toEqual(days(crossed));
  });
});

describe("fallsPastDue", () => {
  it("is true once, for the move that reaches the day after the due date", () => {
    const due = at("2026-12-05T00:00:00Z");
    expect(fallsPastDue(due, at("2026-11-20"), at("2026-12-05T23:59:59Z"))).toBe(false);
    expect(fallsPastDue(due, at("2026-11-20"), at("2026-12-06T00:00:00Z"))).toBe(true);
    expect(fallsPastDue(due, at("2026-12-06T00:00:00Z"), at("2027-01-01"))).toBe(false);
  });
});

describe("clockMove", () => {
  const now = at("2026-11-20T09:00:00Z");
  it("moves forward by days or to a time, refuses backwards and too far", () => {
    expect(clockMove(now, { advanceDays: 40 })).toEqual({ ok: true, to: at("2026-12-30T09:00:00Z") });
    expect(clockMove(now, { now: at("2027-01-01T00:00:00Z") })).toEqual({ ok: true, to: at("2027-01-01T00:00:00Z") });
    expect(clockMove(now, { advanceDays: 0 })).toEqual({ ok: true, to: now });
    expect(clockMove(now, { now: at("2026-11-20T08:59:59Z") })).toEqual({ ok: false, reason: "backwards" });
    expect(clockMove(now, { advanceDays: -1 })).toEqual({ ok: false, reason: "backwards" });
    expect(clockMove(now, { advanceDays: MAX_ADVANCE_DAYS })).toMatchObject({ ok: true });
    expect(clockMove(now, { now: at("2040-01-01") })).toEqual({ ok: false, reason: "tooFar" });
  });
});

describe("a world's identity", () => {
  it("has a 12-character ID, addresses with it and invoice numbers apart from the demo's", () => {
    const id = newWorldId();
    expect(id).toMatch(worldIdPattern);
    expect(new Set(Array.from({ length: 200 }, newWorldId)).size).toBe(200);
    expect(worldEmail("admin@contoso.com", id)).toBe(`admin+${id}@contoso.com`);
    expect(worldInvoiceNumber(7, 54)).toBe("G500070054");
    expect(worldInvoiceNumber(9_999, 9_999)).toMatch(/^G\d{9}$/);
    expect(() => worldInvoiceNumber(1, 10_000)).toThrow(/invoice numbers/);
  });

  it("takes the lowest free number", () => {
    expect(freeWorldNumber([])).toBe(1);
    expect(freeWorldNumber([1, 2, 4])).toBe(3);
    expect(freeWorldNumber(Array.from({ length: 9_999 }, (_, i) => i + 1))).toBeNull();
  });

  it("copies a drawn ID in its own shape, the same for the same world, different for another", () => {
    const guid = "3f2a9c1e-0b7d-4e5f-8a6b-1c2d3e4f5a6b";
    const profile = "3F2A-9C1E-0B7-D4E";
    const mine = worldScopedId("aaaaaaaaaaaa");
    expect(mine(guid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(mine(profile)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{3}-[0-9A-F]{3}$/);
    expect(mine(guid)).toBe(mine(guid));
    expect(mine(guid)).not.toBe(guid);
    expect(worldScopedId("bbbbbbbbbbbb")(guid)).not.toBe(mine(guid));
  });
});

describe("the control token", () => {
  const token = "t".repeat(32);
  const call = (authorization?: string) =>
    new Request("http://x/api/sim/worlds", { headers: authorization ? { authorization } : {} });

  it("is off without SIM_CONTROL_TOKEN or with one under 32 characters (warned)", () => {
    expect(controlToken({})).toBeNull();
    expect(controlToken({ SIM_CONTROL_TOKEN: "t".repeat(31) })).toBeNull();
    expect(controlTokenWarning({ SIM_CONTROL_TOKEN: "short" })).toMatch(/32 characters/);
    expect(controlTokenWarning({ SIM_CONTROL_TOKEN: token })).toBeNull();
    expect(controlRefusal(call(`Bearer ${token}`), {})?.status).toBe(404);
  });

  it("lets the exact bearer token through and answers 401 to anything else", () => {
    const env = { SIM_CONTROL_TOKEN: token };
    expect(controlRefusal(call(`Bearer ${token}`), env)).toBeNull();
    expect(controlRefusal(call(`bearer ${token}`), env)).toBeNull();
    for (const header of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, token, `Basic ${token}`])
      expect(controlRefusal(call(header), env)?.status, String(header)).toBe(401);
  });
});
