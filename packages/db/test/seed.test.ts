// The demo data: idempotent, and rich enough for every page that shows it.
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../src/password.ts";
import { DEMO_ACCOUNTS, seedDemoData } from "../src/seed/index.ts";
import { useTestDatabase } from "../src/testing/index.ts";

const database = useTestDatabase();

describe("seedDemoData", () => {
  it("is idempotent: a second run adds and changes nothing", async () => {
    const { db } = database();
    const first = await seedDemoData(db);
    const snapshot = await db.ticket.findMany({
      select: { id: true, status: true, code: true },
      orderBy: { id: "asc" },
    });
    const second = await seedDemoData(db);
    expect(second).toEqual(first);
    expect(
      await db.ticket.findMany({
        select: { id: true, status: true, code: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(snapshot);
  }, 180_000);

  it("has demo accounts for every role, with the README's passwords", async () => {
    const { db } = database();
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { username: account.username } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(
      new Set(["ADMIN", "ORGANIZER", "ATTENDEE"]),
    );
  });

  it("covers every category, several cities, past and future, and the three venue sizes", async () => {
    const { db } = database();
    const now = new Date();
    const events = await db.event.findMany({
      select: { category: true, city: true, startsAt: true },
    });
    expect(events.length).toBeGreaterThanOrEqual(24);
    expect(new Set(events.map((event) => event.category)).size).toBe(7);
    expect(new Set(events.map((event) => event.city)).size).toBeGreaterThanOrEqual(5);
    expect(events.some((event) => event.startsAt < now)).toBe(true);
    expect(events.some((event) => event.startsAt > now)).toBe(true);

    const seatsPerVenue = (await db.seat.groupBy({ by: ["venueId"], _count: { _all: true } })).map(
      (g) => g._count._all,
    );
    expect(Math.max(...seatsPerVenue)).toBeGreaterThanOrEqual(5000);
    expect(seatsPerVenue.some((count) => count >= 250 && count <= 350)).toBe(true);
    expect(seatsPerVenue.some((count) => count >= 40 && count <= 60)).toBe(true);
  });

  it("keeps sales consistent: one live ticket per sold seat, totals that add up, the attendee's history", async () => {
    const { db } = database();
    const sold = await db.eventSeat.count({ where: { status: "SOLD" } });
    const live = await db.ticket.count({ where: { status: { in: ["VALID", "CHECKED_IN"] } } });
    expect(sold).toBeGreaterThan(1000);
    expect(live).toBe(sold);

    const mismatched = await db.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM orders o
      JOIN payments p ON p.order_id = o.id AND p.kind = 'CHARGE'
      WHERE p.amount <> o.total
         OR o.total <> (SELECT COALESCE(SUM(t.price_paid), 0) FROM tickets t WHERE t.order_id = o.id)`;
    expect(mismatched).toEqual([]);

    const attendee = await db.user.findUniqueOrThrow({ where: { username: "attendee" } });
    const attended = await db.ticket.count({
      where: {
        status: { in: ["VALID", "CHECKED_IN"] },
        order: { userId: attendee.id, event: { startsAt: { lt: new Date() } } },
      },
    });
    expect(attended).toBeGreaterThan(0);
  });

  it("has both shapes of issue 15: a concert with seats and a standing zone, a talk with ticket types and codes", async () => {
    const { db } = database();
    const concert = await db.event.findFirstOrThrow({
      where: { venue: { sections: { some: { kind: "STANDING" } } }, category: "CONCERT" },
      select: { venue: { select: { sections: { select: { kind: true } } } } },
    });
    expect(new Set(concert.venue.sections.map((section) => section.kind))).toEqual(
      new Set(["SEATED", "STANDING"]),
    );
    const talk = await db.event.findFirstOrThrow({
      where: { category: "TALK", venue: { sections: { every: { kind: "STANDING" } } } },
      select: {
        ticketTypes: { select: { id: true, name: true } },
        discountCodes: {
          select: { code: true, kind: true, value: true, maxUses: true, ticketTypeIds: true },
        },
      },
    });
    const student = talk.ticketTypes.find((type) => type.name === "Student");
    expect(talk.ticketTypes.map((type) => type.name).sort()).toEqual(["Early bird", "Student"]);
    expect(talk.discountCodes).toContainEqual({
      code: "CAMPUS50",
      kind: "AMOUNT",
      value: 50,
      maxUses: null,
      ticketTypeIds: [student?.id],
    });
    expect(talk.discountCodes).toContainEqual({
      code: "TSMEETUP",
      kind: "PERCENT",
      value: 10,
      maxUses: 30,
      ticketTypeIds: [],
    });
  });
});
