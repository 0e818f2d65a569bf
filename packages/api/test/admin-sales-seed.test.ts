// admin.sales against the demo data: its figures agree with the rows `pnpm db:seed` writes.
import { seedDemoData } from "@openticket/db/seed";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database().db);
}, 180_000);

describe("admin.sales on the demo data", () => {
  it("counts every SOLD seat as sold, every CHARGE as revenue and every REFUND as a refund", async () => {
    const { db } = database();
    const admin = await makeUser(db, { role: "ADMIN" });
    const report = await callerFor(db, admin).admin.sales();
    const paid = async (kind: "CHARGE" | "REFUND") =>
      (await db.payment.aggregate({ where: { kind }, _sum: { amount: true } }))._sum.amount ?? 0;

    const soldSeats = await db.eventSeat.count({ where: { status: "SOLD" } });
    expect(soldSeats).toBeGreaterThan(1000);
    expect(report.tickets.sold).toBe(soldSeats);
    expect(report.totals.map((total) => total.currency)).toEqual(["TWD"]);
    const [twd] = report.totals;
    expect(twd?.revenue).toBe(await paid("CHARGE"));
    expect(twd?.refunds).toBe(await paid("REFUND"));
    expect(twd?.refunds).toBeGreaterThan(0);
    expect(twd?.net).toBe((twd?.revenue ?? 0) - (twd?.refunds ?? 0));

    // The months and the categories split the same totals.
    const sum = (rows: { revenue: number; refunds: number; ticketsSold: number }[]) =>
      rows.reduce(
        (all, row) => ({
          revenue: all.revenue + row.revenue,
          refunds: all.refunds + row.refunds,
          ticketsSold: all.ticketsSold + row.ticketsSold,
        }),
        { revenue: 0, refunds: 0, ticketsSold: 0 },
      );
    const expected = { revenue: twd?.revenue, refunds: twd?.refunds, ticketsSold: soldSeats };
    expect(sum(report.byMonth)).toEqual(expected);
    expect(sum(report.byCategory)).toEqual(expected);
    expect(report.byCategory).toHaveLength(7);

    // Unsold: the seats of events still standing that are neither sold nor blocked.
    const unsold = await db.eventSeat.count({
      where: { status: { in: ["AVAILABLE", "RESERVED"] }, event: { status: "PUBLISHED" } },
    });
    expect(report.tickets.unsold).toBe(unsold);
  }, 60_000);

  it("lists every seeded event in the console with a derived status", async () => {
    const { db } = database();
    const admin = await makeUser(db, { role: "ADMIN" });
    const { total, items } = await callerFor(db, admin).admin.events({ limit: 100 });
    expect(total).toBe(await db.event.count());
    const statuses = new Set(items.map((item) => item.status));
    for (const status of ["ON_SALE", "PAST", "CANCELLED"] as const)
      expect(statuses).toContain(status);
  });
});
