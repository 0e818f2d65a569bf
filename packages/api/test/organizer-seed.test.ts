// The organizer's reports against the demo data: their figures agree with the rows
// `pnpm db:seed` writes, for every event of the demo organizer.
import { seedDemoData } from "@openticket/db/seed";
import { useTestDatabase } from "@openticket/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database().db);
}, 180_000);

async function demoOrganizer() {
  const { db } = database();
  const organizer = await db.user.findUniqueOrThrow({ where: { username: "organizer" } });
  return { db, organizer, api: callerFor(db, organizer).organizer };
}

async function money(eventId: string, kind: "CHARGE" | "REFUND") {
  const { db } = database();
  const sum = await db.payment.aggregate({
    where: { kind, order: { eventId } },
    _sum: { amount: true },
  });
  return sum._sum.amount ?? 0;
}

describe("organizer reports on the demo data", () => {
  it("compares every event with SOLD seats as sold and charges minus refunds as net", async () => {
    const { db, organizer, api } = await demoOrganizer();
    const comparison = await api.comparison();
    expect(comparison.events.length).toBe(
      await db.event.count({ where: { organizerId: organizer.id } }),
    );
    expect(comparison.events.some((event) => event.ticketsSold > 0)).toBe(true);
    for (const event of comparison.events) {
      const sold = await db.eventSeat.count({ where: { eventId: event.id, status: "SOLD" } });
      const charges = await money(event.id, "CHARGE");
      const refunds = await money(event.id, "REFUND");
      expect({ id: event.id, sold: event.ticketsSold, net: event.net }).toEqual({
        id: event.id,
        sold,
        net: charges - refunds,
      });
    }
  }, 60_000);

  it("agrees with the rows for the past event with the most check-ins", async () => {
    const { db, organizer, api } = await demoOrganizer();
    const [busiest] = await db.$queryRaw<{ id: string; checked_in: number }[]>`
      SELECT o.event_id AS id, count(*)::int AS checked_in
      FROM tickets t JOIN orders o ON o.id = t.order_id JOIN events e ON e.id = o.event_id
      WHERE t.status = 'CHECKED_IN' AND e.organizer_id = ${organizer.id}::uuid
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
    if (!busiest) throw new Error("The demo data has no check-ins for the organizer.");
    const eventId = busiest.id;
    const soldSeats = await db.eventSeat.count({ where: { eventId, status: "SOLD" } });
    const sellable = await db.eventSeat.count({ where: { eventId, status: { not: "BLOCKED" } } });
    const charges = await money(eventId, "CHARGE");
    const refunds = await money(eventId, "REFUND");

    const analytics = await api.analytics({ eventId });
    expect(analytics.seats).toMatchObject({
      sold: soldSeats,
      sellable,
      utilisation: soldSeats / sellable,
    });
    expect(analytics.revenue).toEqual({ revenue: charges, refunds, net: charges - refunds });
    expect(analytics.attendance).toMatchObject({
      sold: soldSeats,
      checkedIn: busiest.checked_in,
      final: true,
    });
    expect(analytics.sections.reduce((sum, section) => sum + section.sold, 0)).toBe(soldSeats);

    const sales = await api.sales({ eventId });
    expect(sales.totals).toMatchObject({ ticketsSold: soldSeats, revenue: charges, refunds });
    expect(sales.byTier.reduce((sum, tier) => sum + tier.ticketsSold, 0)).toBe(soldSeats);
    expect(sales.byDay.reduce((sum, day) => sum + day.net, 0)).toBe(charges - refunds);

    const attendees = await api.attendees({ eventId, limit: 100 });
    expect(attendees.total).toBe(await db.order.count({ where: { eventId, status: "PAID" } }));
    const csv = await api.attendeesCsv({ eventId });
    expect(csv.rows).toBe(soldSeats);
  }, 60_000);
});
