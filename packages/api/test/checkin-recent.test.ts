// checkin.recent (issue 17): the organizer's latest admissions, newest first, for the console's
// "undo last scans" list — undone ones drop out, and nobody but the event's organizer or an
// admin reads them.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { callerFor } from "./helpers/callers.ts";
import { organizerEvent, sell } from "./helpers/organizer.ts";
import { codeOf } from "./helpers/refusals.ts";

const database = useTestDatabase();

describe("checkin.recent", () => {
  it("lists live admissions newest first with seat, holder, door and scanner; an undone one drops out", async () => {
    const { db } = database();
    const show = await organizerEvent(db, { rows: 1, seatsPerRow: 4 });
    const buyer = await makeUser(db);
    const order = await sell(db, {
      eventId: show.event.id,
      buyerId: buyer.id,
      eventSeatIds: show.seatIds.slice(0, 3),
    });
    const tickets = await db.ticket.findMany({
      where: { orderId: order.id },
      orderBy: { eventSeat: { seat: { label: "asc" } } },
    });
    const api = callerFor(db, show.organizer).checkin;
    const eventId = show.event.id;
    expect(await api.recent({ eventId })).toEqual([]);

    let minute = 0;
    for (const [ticket, door] of [
      [tickets[0], "North"],
      [tickets[1], "South"],
      [tickets[2], "North"],
    ] as const) {
      // Distinct instants, so "newest first" is decided by the clock, not by chance.
      const at = new Date(Date.UTC(2030, 0, 1, 19, minute++));
      const scanner = callerFor(db, show.organizer, { now: () => at }).checkin;
      await scanner.scan({ eventId, code: ticket?.code ?? "", door, deviceId: "device-1" });
    }
    const recent = await api.recent({ eventId });
    expect(recent.map((row) => row.seat)).toEqual(["A-3", "A-2", "A-1"]);
    expect(recent[0]).toMatchObject({
      ticketId: tickets[2]?.id,
      door: "North",
      section: "Main",
      tier: "Standard",
      holder: buyer.displayName,
      scannedBy: show.organizer.displayName,
      scannedAt: new Date(Date.UTC(2030, 0, 1, 19, 2)),
    });
    expect((await api.recent({ eventId, limit: 2 })).map((row) => row.seat)).toEqual([
      "A-3",
      "A-2",
    ]);

    await api.undo({ eventId, ticketId: tickets[1]?.id ?? "" });
    expect((await api.recent({ eventId })).map((row) => row.seat)).toEqual(["A-3", "A-1"]);
  });

  it("is the event's organizer's and admins' only; bad input is a clear refusal", async () => {
    const { db } = database();
    const show = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const other = await organizerEvent(db, { rows: 1, seatsPerRow: 2 });
    const staff = await makeUser(db);
    await callerFor(db, show.organizer).checkin.staff.invite({
      eventId: show.event.id,
      email: staff.email,
    });
    const eventId = show.event.id;
    expect(await codeOf(callerFor(db, other.organizer).checkin.recent({ eventId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(db, staff).checkin.recent({ eventId }))).toBe("FORBIDDEN");
    const admin = await makeUser(db, { role: "ADMIN" });
    expect(await callerFor(db, admin).checkin.recent({ eventId })).toEqual([]);
    const api = callerFor(db, show.organizer).checkin;
    expect(await codeOf(api.recent({ eventId, limit: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.recent({ eventId, limit: 51 }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.recent({ eventId: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });
});
