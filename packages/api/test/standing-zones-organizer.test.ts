// organizer.venues.addStandingZone as the venue editor calls it: a zone's places are numbered
// #1..capacity in the entry order, laid out as a grid and given to the venue's draft events
// (never a published one); a duplicate name or an overlap is refused with nothing added, a
// capacity out of 1..10,000 is refused by the input, another organizer's venue is not found.

import { useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import { makeOrganizer, organizerEvent } from "./helpers/organizer.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();

/** A venue with "Main" (2 rows × 5 seats at the origin), a published event and a draft one. */
async function venueWithDraft() {
  const { db } = database();
  const { api, venue, event: published } = await organizerEvent(db);
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const draft = await api.events.create({
    venueId: venue.id,
    title: "Draft gig",
    category: "CONCERT",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    priceTiers: [{ name: "Floor", price: 800 }],
  });
  return { db, api, venue, published, draft };
}

describe("organizer.venues.addStandingZone", () => {
  it("adds places #1..N as a STANDING section, to the draft events only", async () => {
    const { db, api, venue, published, draft } = await venueWithDraft();
    const added = await api.venues.addStandingZone({
      venueId: venue.id,
      name: "Floor",
      capacity: 120,
      placesPerRow: 20,
      origin: { x: 0, y: 100 },
    });
    expect(added.section).toMatchObject({ name: "Floor", kind: "STANDING" });
    expect(added.draftEventsUpdated).toBe(1);

    const places = await db.seat.findMany({
      where: { section: { venueId: venue.id, name: "Floor" } },
      orderBy: { number: "asc" },
      select: { rowLabel: true, number: true, label: true, x: true, y: true },
    });
    expect(places).toHaveLength(120);
    expect(places.map((place) => place.number)).toEqual(
      Array.from({ length: 120 }, (_, index) => index + 1),
    );
    expect(places[0]).toEqual({ rowLabel: "#", number: 1, label: "#1", x: 0, y: 100 });
    // 20 across, then the next row of the grid.
    expect(places[19]).toMatchObject({ label: "#20", x: 190, y: 100 });
    expect(places[20]).toMatchObject({ label: "#21", x: 0, y: 110 });
    expect(places[119]).toMatchObject({ label: "#120", x: 190, y: 150 });

    const floorSeats = { seat: { section: { name: "Floor" } } };
    expect(await db.eventSeat.count({ where: { eventId: draft.id, ...floorSeats } })).toBe(120);
    expect(await db.eventSeat.count({ where: { eventId: published.id, ...floorSeats } })).toBe(0);

    const layout = await api.venues.byId({ venueId: venue.id });
    expect(
      layout.sections.map((section) => [section.name, section.kind, section.seats.length]),
    ).toEqual([
      ["Main", "SEATED", 10],
      ["Floor", "STANDING", 120],
    ]);
  });

  it("refuses a duplicate name and an overlap, adding nothing", async () => {
    const { db, api, venue } = await venueWithDraft();
    const count = () => db.seat.count({ where: { venueId: venue.id } });
    const before = await count();

    const duplicate = await failure(
      api.venues.addStandingZone({
        venueId: venue.id,
        name: "Main",
        capacity: 50,
        origin: { x: 0, y: 200 },
      }),
    );
    expect(duplicate.code).toBe("CONFLICT");
    expect(detailsOf(duplicate)).toEqual({ field: "name" });

    // Right on top of Main's seats (rows A–B from the origin).
    const overlap = await failure(
      api.venues.addStandingZone({
        venueId: venue.id,
        name: "Pit",
        capacity: 50,
        origin: { x: 5, y: 5 },
      }),
    );
    expect(overlap.code).toBe("CONFLICT");
    expect(overlap.message).toBe('This section would overlap "Main"; nothing was added.');
    expect(detailsOf(overlap)).toEqual({
      reason: "SECTIONS_OVERLAP",
      field: "origin",
      sections: ["Main"],
    });

    expect(await count()).toBe(before);
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityId: venue.id, action: "venue.addSection" } }),
    ).toBe(1);
  });

  it("refuses a layout import that would put seats into a standing zone", async () => {
    const { db, api, venue } = await venueWithDraft();
    await api.venues.addStandingZone({
      venueId: venue.id,
      name: "Floor",
      capacity: 20,
      origin: { x: 0, y: 200 },
    });
    const before = await db.seat.count({ where: { venueId: venue.id } });
    const error = await failure(
      api.venues.importLayout({
        venueId: venue.id,
        csv: "section,row,number,x,y\nFloor,A,1,500,500\nAnnex,A,1,600,600",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(detailsOf(error)).toMatchObject({
      errorCount: 1,
      errors: [{ line: 2, message: '"Floor" is a standing zone: seats cannot be added to it.' }],
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(before);
  });

  it("refuses a capacity outside 1..10,000 and bad places per row", async () => {
    const { db, api, venue } = await venueWithDraft();
    const zone = { venueId: venue.id, name: "Floor", origin: { x: 0, y: 200 } };
    for (const bad of [
      { ...zone, capacity: 0 },
      { ...zone, capacity: 10_001 },
      { ...zone, capacity: 2.5 },
      { ...zone, capacity: 100, placesPerRow: 0 },
      { ...zone, capacity: 100, placesPerRow: 201 },
    ]) {
      expect((await failure(api.venues.addStandingZone(bad))).code).toBe("BAD_REQUEST");
    }
    expect(await db.section.count({ where: { venueId: venue.id, name: "Floor" } })).toBe(0);
    // The largest zone goes in.
    const largest = await api.venues.addStandingZone({ ...zone, capacity: 10_000 });
    expect(largest.section.seats).toHaveLength(10_000);
  });

  it("does not find another organizer's venue", async () => {
    const { db, venue } = await venueWithDraft();
    const { api: other } = await makeOrganizer(db);
    const error = await failure(
      other.venues.addStandingZone({ venueId: venue.id, name: "Floor", capacity: 10 }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(1);
  });
});

describe("organizer.venues.create with a standing zone (a room without seats)", () => {
  it("makes the venue and its zone in one step; an event there sells places by quantity", async () => {
    const { db } = database();
    const { api } = await makeOrganizer(db);
    const room = {
      name: "Studio B",
      city: "Taipei",
      address: "133 Guangfu South Road",
      standingZone: { name: "General admission", capacity: 40 },
    };
    const venue = await api.venues.create(room);
    const layout = await api.venues.byId({ venueId: venue.id });
    expect(
      layout.sections.map((section) => [section.name, section.kind, section.seats.length]),
    ).toEqual([["General admission", "STANDING", 40]]);
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const talk = await api.events.create({
      venueId: venue.id,
      title: "A talk",
      category: "TALK",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      priceTiers: [{ name: "General", price: 300 }],
    });
    expect(await db.eventSeat.count({ where: { eventId: talk.id } })).toBe(40);

    // Bad zones are refused by the input; nothing is made, not even the venue.
    const venues = () => db.venue.count({ where: { name: "Studio C" } });
    for (const standingZone of [
      { name: "Floor", capacity: 0 },
      { name: "Floor", capacity: 10_001 },
      { name: "", capacity: 10 },
    ]) {
      const error = await failure(api.venues.create({ ...room, name: "Studio C", standingZone }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(await venues()).toBe(0);
  });
});
