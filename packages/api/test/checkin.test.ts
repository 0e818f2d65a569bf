// Door scanning (issue 17), through the router: every answer a door can get, the two-door race
// decided by the database, undo, who may scan which event (door staff grants), the live counts,
// bad input that changes nothing, and the per-device rate limit.
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@openticket/db";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { startTestRedis, type TestRedis } from "../src/testing/redis.ts";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf, detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();

type Setup = Awaited<ReturnType<typeof organizerEvent>>;
let show: Setup;
let other: Setup;
let buyer: Awaited<ReturnType<typeof makeUser>>;

/** The codes of a fresh paid order of `count` seats of the event, from seat `from` on. */
async function ticketsOf(db: Db, setup: Setup, from: number, count: number) {
  const order = await sell(db, {
    eventId: setup.event.id,
    buyerId: buyer.id,
    eventSeatIds: setup.seatIds.slice(from, from + count),
  });
  return db.ticket.findMany({
    where: { orderId: order.id },
    select: { id: true, code: true },
    orderBy: { eventSeat: { seat: { label: "asc" } } },
  });
}

const scanAt = (door: string, deviceId = `device-${door}`) => ({ door, deviceId });

beforeAll(async () => {
  const { db } = database();
  show = await organizerEvent(db, { rows: 6, seatsPerRow: 10 });
  other = await organizerEvent(db, { rows: 1, seatsPerRow: 4 });
  buyer = await makeUser(db);
});

describe("checkin.scan answers", () => {
  it("admits a valid ticket once, with its seat, tier and holder; a repeat says when and where", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, show, 0, 1);
    if (!ticket) throw new Error("ticket");
    const api = callerFor(db, show.organizer).checkin;

    const first = await api.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("North") });
    expect(first).toMatchObject({
      outcome: "ADMITTED",
      door: "North",
      ticket: {
        ticketId: ticket.id,
        seat: "A-1",
        section: "Main",
        tier: "Standard",
        ticketType: null,
      },
    });
    expect(first.outcome === "ADMITTED" && first.ticket.holder).toBe(buyer.displayName);

    const again = await api.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("South") });
    expect(again).toMatchObject({ outcome: "ALREADY_CHECKED_IN", door: "North" });
    expect(again.outcome === "ALREADY_CHECKED_IN" && again.checkedInAt).toBeInstanceOf(Date);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await db.ticket.findUnique({ where: { id: ticket.id } })).toMatchObject({
      status: "CHECKED_IN",
    });
  });

  it("names the ticket type a ticket was bought as (the door checks a student's ID)", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, show, 34, 1);
    if (!ticket) throw new Error("ticket");
    const student = await callerFor(db, show.organizer).organizer.ticketTypes.create({
      eventId: show.event.id,
      name: "Student",
      price: 500,
    });
    await db.ticket.update({ where: { id: ticket.id }, data: { ticketTypeId: student.id } });
    const answer = await callerFor(db, show.organizer).checkin.scan({
      eventId: show.event.id,
      code: ticket.code,
      ...scanAt("North"),
    });
    expect(answer).toMatchObject({
      outcome: "ADMITTED",
      ticket: { tier: "Standard", ticketType: "Student" },
    });
  });

  it("says CANCELLED for a refunded ticket, WRONG_EVENT for another event's, UNKNOWN for anything else, and changes nothing", async () => {
    const { db } = database();
    const refunded = await sell(db, {
      eventId: show.event.id,
      buyerId: buyer.id,
      eventSeatIds: show.seatIds.slice(1, 2),
      cancelled: { refund: 1000, at: new Date() },
    });
    const cancelledTicket = await db.ticket.findFirstOrThrow({ where: { orderId: refunded.id } });
    const [otherTicket] = await ticketsOf(db, other, 0, 1);
    const [valid] = await ticketsOf(db, show, 2, 1);
    if (!otherTicket || !valid) throw new Error("tickets");
    const api = callerFor(db, show.organizer).checkin;
    const scan = (code: string) => api.scan({ eventId: show.event.id, code, ...scanAt("North") });
    const before = await db.checkIn.count();

    expect(await scan(cancelledTicket.code)).toMatchObject({ outcome: "CANCELLED" });
    // The organizer of `show` does not run `other`: a ticket of it is just not for this door.
    expect(await scan(otherTicket.code)).toEqual({ outcome: "WRONG_EVENT" });
    for (const garbage of [
      "",
      "hello world",
      valid.code.slice(0, 10), // truncated
      `${valid.code.slice(0, -1)}x`, // one character off: forged
      "https://evil.example/?code=1",
      "A".repeat(129),
      "' OR 1=1 --",
      "票券",
    ]) {
      expect({ garbage, answer: await scan(garbage) }).toEqual({
        garbage,
        answer: { outcome: "UNKNOWN" },
      });
    }
    // Longer than any code can be: a clear refusal of the input.
    expect(await codeOf(scan("x".repeat(5000)))).toBe("BAD_REQUEST");
    expect(
      await codeOf(api.scan({ eventId: show.event.id, code: valid.code, door: "", deviceId: "d" })),
    ).toBe("BAD_REQUEST");
    expect(await db.checkIn.count()).toBe(before);
    expect(await db.ticket.findUnique({ where: { id: valid.id } })).toMatchObject({
      status: "VALID",
    });
    expect(await db.ticket.findUnique({ where: { id: cancelledTicket.id } })).toMatchObject({
      status: "CANCELLED",
    });
  });
});

describe("the two-door race", () => {
  it("admits each ticket exactly once when two doors scan it at the same moment (×20)", async () => {
    const { db, url } = database();
    // Each door on its own connection pool, as two app servers would be.
    const northDb = createDb(url);
    const southDb = createDb(url);
    try {
      const staff = await makeUser(db);
      await callerFor(db, show.organizer).checkin.staff.invite({
        eventId: show.event.id,
        email: staff.email,
      });
      const north = callerFor(northDb, show.organizer).checkin;
      const south = callerFor(southDb, staff).checkin;
      const tickets = await ticketsOf(db, show, 10, 20);
      const outcomes: string[] = [];
      for (const ticket of tickets) {
        const answers = await Promise.all([
          north.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("North") }),
          south.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("South") }),
        ]);
        outcomes.push(
          answers
            .map((answer) => answer.outcome)
            .sort()
            .join("+"),
        );
      }
      expect(outcomes).toEqual(Array(20).fill("ADMITTED+ALREADY_CHECKED_IN"));
      const rows = await db.checkIn.groupBy({
        by: ["ticketId"],
        where: { ticketId: { in: tickets.map((ticket) => ticket.id) } },
        _count: { _all: true },
      });
      expect(rows).toHaveLength(20);
      expect(rows.every((row) => row._count._all === 1)).toBe(true);
    } finally {
      await Promise.all([northDb.$disconnect(), southDb.$disconnect()]);
    }
  });

  it("refuses a second live admission in the database itself", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, show, 30, 1);
    if (!ticket) throw new Error("ticket");
    const row = {
      ticketId: ticket.id,
      eventId: show.event.id,
      door: "North",
      deviceId: "raw-device",
      scannedById: show.organizer.id,
      scannedAt: new Date(),
    };
    await db.checkIn.create({ data: row });
    await expect(db.checkIn.create({ data: row })).rejects.toThrow();
  });
});

describe("checkin.undo", () => {
  it("lets the organizer take a scan back; the ticket admits again; an undo of a valid ticket changes nothing", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, show, 31, 1);
    if (!ticket) throw new Error("ticket");
    const api = callerFor(db, show.organizer).checkin;
    await api.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("North") });

    expect(await api.undo({ eventId: show.event.id, ticketId: ticket.id })).toEqual({
      ticketId: ticket.id,
      undone: true,
    });
    expect(await db.ticket.findUnique({ where: { id: ticket.id } })).toMatchObject({
      status: "VALID",
      checkedInAt: null,
    });
    expect(await api.undo({ eventId: show.event.id, ticketId: ticket.id })).toEqual({
      ticketId: ticket.id,
      undone: false,
    });
    const again = await api.scan({ eventId: show.event.id, code: ticket.code, ...scanAt("East") });
    expect(again).toMatchObject({ outcome: "ADMITTED", door: "East" });
    const history = await db.checkIn.findMany({
      where: { ticketId: ticket.id },
      orderBy: { scannedAt: "asc" },
    });
    expect(history.map((row) => [row.door, row.undoneById])).toEqual([
      ["North", show.organizer.id],
      ["East", null],
    ]);
  });

  it("is refused to door staff and to another organizer, and changes nothing", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, show, 32, 1);
    if (!ticket) throw new Error("ticket");
    const staff = await makeUser(db);
    await callerFor(db, show.organizer).checkin.staff.invite({
      eventId: show.event.id,
      email: staff.email,
    });
    await callerFor(db, staff).checkin.scan({
      eventId: show.event.id,
      code: ticket.code,
      ...scanAt("North"),
    });
    const input = { eventId: show.event.id, ticketId: ticket.id };
    expect(await codeOf(callerFor(db, staff).checkin.undo(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(db, other.organizer).checkin.undo(input))).toBe("NOT_FOUND");
    // A ticket of another event, named with this one: nothing to undo here.
    expect(
      await codeOf(
        callerFor(db, other.organizer).checkin.undo({
          eventId: other.event.id,
          ticketId: ticket.id,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await db.ticket.findUnique({ where: { id: ticket.id } })).toMatchObject({
      status: "CHECKED_IN",
    });
  });
});

describe("who may scan", () => {
  it("door staff see and scan only the events they were invited to", async () => {
    const { db } = database();
    const staff = await makeUser(db);
    const [showTicket] = await ticketsOf(db, show, 33, 1);
    const [otherTicket] = await ticketsOf(db, other, 1, 1);
    if (!showTicket || !otherTicket) throw new Error("tickets");
    const api = callerFor(db, staff).checkin;
    expect(await api.events()).toEqual([]);
    expect(
      await codeOf(api.scan({ eventId: show.event.id, code: showTicket.code, ...scanAt("N") })),
    ).toBe("NOT_FOUND");

    const invited = await callerFor(db, show.organizer).checkin.staff.invite({
      eventId: show.event.id,
      email: staff.email.toUpperCase(),
    });
    expect(invited.map((person) => person.id)).toContain(staff.id);
    expect((await api.events()).map((event) => [event.id, event.canUndo])).toEqual([
      [show.event.id, false],
    ]);
    expect(
      await api.scan({ eventId: show.event.id, code: showTicket.code, ...scanAt("N") }),
    ).toMatchObject({ outcome: "ADMITTED" });
    // Staff of `show` cannot scan `other`, not even its own tickets there.
    expect(
      await codeOf(api.scan({ eventId: other.event.id, code: otherTicket.code, ...scanAt("N") })),
    ).toBe("NOT_FOUND");
    // … nor do anything else an organizer does.
    expect(await codeOf(api.counts({ eventId: show.event.id }))).toBe("FORBIDDEN");
    expect(await codeOf(api.staff.list({ eventId: show.event.id }))).toBe("FORBIDDEN");

    await callerFor(db, show.organizer).checkin.staff.remove({
      eventId: show.event.id,
      userId: staff.id,
    });
    expect(await api.events()).toEqual([]);
    expect(
      await codeOf(api.scan({ eventId: show.event.id, code: showTicket.code, ...scanAt("N") })),
    ).toBe("NOT_FOUND");
    expect(await db.ticket.findUnique({ where: { id: otherTicket.id } })).toMatchObject({
      status: "VALID",
    });
  });

  it("an attendee without a grant scans nothing; an organizer only their own events; an admin all", async () => {
    const { db } = database();
    const [ticket] = await ticketsOf(db, other, 2, 1);
    if (!ticket) throw new Error("ticket");
    const attendee = await makeUser(db);
    const scan = (user: Parameters<typeof callerFor>[1]) =>
      callerFor(db, user).checkin.scan({
        eventId: other.event.id,
        code: ticket.code,
        ...scanAt("N"),
      });
    expect(await codeOf(scan(attendee))).toBe("NOT_FOUND");
    expect(await codeOf(scan(show.organizer))).toBe("NOT_FOUND");
    expect(await codeOf(scan(null))).toBe("UNAUTHORIZED");
    expect(await db.ticket.findUnique({ where: { id: ticket.id } })).toMatchObject({
      status: "VALID",
    });
    const admin = await makeUser(db, { role: "ADMIN" });
    expect(await scan(admin)).toMatchObject({ outcome: "ADMITTED" });
    expect((await callerFor(db, admin).checkin.events()).map((event) => event.id)).toEqual(
      expect.arrayContaining([show.event.id, other.event.id]),
    );
  });

  it("invites only existing accounts, and only to the organizer's own events", async () => {
    const { db } = database();
    const staff = await makeUser(db);
    const organizerApi = callerFor(db, show.organizer).checkin;
    const refused = await failure(
      organizerApi.staff.invite({ eventId: show.event.id, email: "nobody@test.example" }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(detailsOf(refused)?.field).toBe("email");
    expect(
      await codeOf(
        callerFor(db, other.organizer).checkin.staff.invite({
          eventId: show.event.id,
          email: staff.email,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(organizerApi.staff.invite({ eventId: show.event.id, email: "not-an-address" })),
    ).toBe("BAD_REQUEST");
    expect(await db.doorStaff.count({ where: { userId: staff.id } })).toBe(0);
    // Twice is once, and the second time says so.
    await organizerApi.staff.invite({ eventId: show.event.id, email: staff.email });
    const again = await failure(
      organizerApi.staff.invite({ eventId: show.event.id, email: staff.email }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(detailsOf(again)?.field).toBe("email");
    expect(await db.doorStaff.count({ where: { userId: staff.id } })).toBe(1);
  });
});

describe("checkin.counts", () => {
  it("counts checked in against expected, per door and per section", async () => {
    const { db } = database();
    const counted = await organizerEvent(db, { rows: 1, seatsPerRow: 6 });
    await counted.api.venues.addSection({
      venueId: counted.venue.id,
      name: "Balcony",
      rows: { count: 1 },
      seatsPerRow: 2,
      // Behind the main section: sections may not overlap.
      origin: { x: 0, y: 200 },
    });
    const tickets = await ticketsOf(db, counted, 0, 5);
    const api = callerFor(db, counted.organizer).checkin;
    const scan = (code: string, door: string) =>
      api.scan({ eventId: counted.event.id, code, ...scanAt(door) });
    expect(await api.counts({ eventId: counted.event.id })).toEqual({
      expected: 5,
      checkedIn: 0,
      bySection: [{ section: "Main", expected: 5, checkedIn: 0 }],
      byDoor: [],
    });
    await scan(tickets[0]?.code ?? "", "North");
    await scan(tickets[1]?.code ?? "", "North");
    await scan(tickets[2]?.code ?? "", "South");
    await scan(tickets[2]?.code ?? "", "North"); // a repeat counts nothing
    await api.undo({ eventId: counted.event.id, ticketId: tickets[1]?.id ?? "" });
    expect(await api.counts({ eventId: counted.event.id })).toEqual({
      expected: 5,
      checkedIn: 2,
      bySection: [{ section: "Main", expected: 5, checkedIn: 2 }],
      byDoor: [
        { door: "North", checkedIn: 1 },
        { door: "South", checkedIn: 1 },
      ],
    });
    expect(
      await codeOf(callerFor(db, show.organizer).checkin.counts({ eventId: counted.event.id })),
    ).toBe("NOT_FOUND");
  });
});

describe("the scan rate limit", () => {
  let testRedis: TestRedis;
  const namespace = `test-checkin-${randomUUID()}`;
  beforeAll(async () => {
    testRedis = await startTestRedis();
  });
  afterAll(async () => {
    const keys = await testRedis.redis.keys(`${namespace}:*`);
    if (keys.length) await testRedis.redis.del(...keys);
    await testRedis.stop();
  });

  it("counts per device: past the limit a device is refused and nothing changes; another device scans on", async () => {
    const { db } = database();
    const rateLimits = new RateLimits(redisStore(testRedis.redis, namespace), {
      scansPerDevicePerMinute: 3,
    });
    const tickets = await ticketsOf(db, show, 40, 5);
    const api = callerFor(db, show.organizer, { rateLimits }).checkin;
    const scan = (index: number, deviceId: string) =>
      api.scan({ eventId: show.event.id, code: tickets[index]?.code ?? "", door: "N", deviceId });
    await scan(0, "phone-one");
    await scan(1, "phone-one");
    await scan(2, "phone-one");
    const refused = await failure(scan(3, "phone-one"));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(detailsOf(refused)?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await db.ticket.findUnique({ where: { id: tickets[3]?.id } })).toMatchObject({
      status: "VALID",
    });
    expect(await scan(4, "phone-two")).toMatchObject({ outcome: "ADMITTED" });
  });

  it("caps one account over all its devices: a new device id per scan does not lift the limit", async () => {
    const { db } = database();
    const rateLimits = new RateLimits(redisStore(testRedis.redis, `${namespace}-user`), {
      scansPerDevicePerMinute: 3,
      scansPerUserPerMinute: 5,
    });
    const tickets = await ticketsOf(db, show, 50, 6);
    const api = callerFor(db, show.organizer, { rateLimits }).checkin;
    const scan = (index: number) =>
      api.scan({
        eventId: show.event.id,
        code: tickets[index]?.code ?? "",
        door: "N",
        deviceId: `made-up-${index}`,
      });
    for (let index = 0; index < 5; index++) {
      expect(await scan(index)).toMatchObject({ outcome: "ADMITTED" });
    }
    const refused = await failure(scan(5));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(await db.ticket.findUnique({ where: { id: tickets[5]?.id } })).toMatchObject({
      status: "VALID",
    });
  });
});
