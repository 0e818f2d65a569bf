// Venues and layouts in the organizer console: generated sections (counts, labels, numbering,
// curves), CSV import (strict, line-numbered errors, all or nothing), and the rule that a
// layout loses no seats once an event on it has sold.
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import { describe, expect, it } from "vitest";
import {
  generateSectionSeats,
  rowLabels,
} from "../src/services/organizer/venues/section-layout.ts";
import { findOverlaps } from "../src/services/organizer/venues/section-overlap.ts";
import { makeOrganizer, organizerEvent, sell } from "./helpers/organizer.ts";
import { detailsOf, failure } from "./helpers/refusals.ts";

const database = useTestDatabase();

const shape = {
  rows: { count: 3, firstLabel: "A", skipIAndO: false },
  seatsPerRow: 4,
  numbering: "LEFT_TO_RIGHT" as const,
  curve: 0,
  rowOffset: 0,
  origin: { x: 100, y: 50 },
};

async function newVenue() {
  const { db } = database();
  const { organizer, api } = await makeOrganizer(db);
  const venue = await api.venues.create({ name: "Riverside", city: "Taipei", address: "1 Road" });
  return { db, organizer, api, venue };
}

describe("section geometry", () => {
  it("labels rows from the first letter on, skipping I and O when asked", () => {
    expect(rowLabels({ count: 4, firstLabel: "G", skipIAndO: true })).toEqual(["G", "H", "J", "K"]);
    expect(rowLabels({ count: 3, firstLabel: "M", skipIAndO: true })).toEqual(["M", "N", "P"]);
    expect(rowLabels({ count: 3, firstLabel: "H", skipIAndO: false })).toEqual(["H", "I", "J"]);
    expect(rowLabels({ count: 3, firstLabel: "Y", skipIAndO: false })).toEqual(["Y", "Z", "AA"]);
  });

  it("places straight rows 10 apart and numbers them from either end", () => {
    const ltr = generateSectionSeats(shape);
    expect(ltr).toHaveLength(12);
    expect(ltr.slice(0, 4)).toEqual([
      { rowLabel: "A", number: 1, label: "A-1", x: 100, y: 50 },
      { rowLabel: "A", number: 2, label: "A-2", x: 110, y: 50 },
      { rowLabel: "A", number: 3, label: "A-3", x: 120, y: 50 },
      { rowLabel: "A", number: 4, label: "A-4", x: 130, y: 50 },
    ]);
    expect(ltr.find((seat) => seat.label === "C-1")).toMatchObject({ x: 100, y: 70 });

    const rtl = generateSectionSeats({ ...shape, numbering: "RIGHT_TO_LEFT" });
    expect(rtl.find((seat) => seat.label === "A-1")).toMatchObject({ x: 130, y: 50 });
    expect(rtl.find((seat) => seat.label === "A-4")).toMatchObject({ x: 100, y: 50 });

    const staggered = generateSectionSeats({ ...shape, rowOffset: 5 });
    expect(staggered.find((seat) => seat.label === "C-1")).toMatchObject({ x: 110, y: 70 });
  });

  it("bends curved rows towards the stage, seats still about 10 apart", () => {
    const seats = generateSectionSeats({ ...shape, seatsPerRow: 9, curve: 90 });
    const front = seats.filter((seat) => seat.rowLabel === "A");
    const middle = front.find((seat) => seat.number === 5);
    expect(middle).toMatchObject({ x: 140, y: 50 });
    // The ends are nearer the stage (smaller y) than the middle, symmetrically.
    const [first, last] = [front[0], front.at(-1)];
    expect(first?.y).toBeLessThan(50);
    expect(first?.y).toBe(last?.y);
    expect((first?.x ?? 0) + (last?.x ?? 0)).toBe(280);
    for (let index = 1; index < front.length; index++) {
      const a = front[index - 1];
      const b = front[index];
      const distance = Math.hypot((b?.x ?? 0) - (a?.x ?? 0), (b?.y ?? 0) - (a?.y ?? 0));
      expect(distance).toBeGreaterThan(8.5);
      expect(distance).toBeLessThan(11.5);
    }
    // Each row sits 10 further back in the middle.
    expect(seats.find((seat) => seat.label === "B-5")).toMatchObject({ x: 140, y: 60 });
  });
});

describe("organizer.venues", () => {
  it("creates a venue, adds generated sections and returns them for drawing", async () => {
    const { api, venue } = await newVenue();
    expect(venue.timeZone).toBe("Asia/Taipei");
    const added = await api.venues.addSection({
      venueId: venue.id,
      name: "Stalls",
      rows: { count: 5, firstLabel: "h", skipIAndO: true },
      seatsPerRow: 8,
      numbering: "RIGHT_TO_LEFT",
      origin: { x: 0, y: 100 },
    });
    expect(added.section.seats).toHaveLength(40);
    await api.venues.addSection({
      venueId: venue.id,
      name: "Balcony",
      rows: { count: 2 },
      seatsPerRow: 10,
      curve: 60,
      origin: { x: 0, y: 300 },
    });

    const layout = await api.venues.byId({ venueId: venue.id });
    expect(layout.sections.map((section) => [section.name, section.seats.length])).toEqual([
      ["Stalls", 40],
      ["Balcony", 20],
    ]);
    const stalls = layout.sections[0]?.seats ?? [];
    expect([...new Set(stalls.map((seat) => seat.row))]).toEqual(["H", "J", "K", "L", "M"]);
    const rowH = stalls.filter((seat) => seat.row === "H").sort((a, b) => a.x - b.x);
    expect(rowH.map((seat) => seat.number)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(rowH[0]).toMatchObject({ label: "H-8", x: 0, y: 100 });
    expect(layout.removalsAllowed).toBe(true);

    const list = await api.venues.list();
    expect(list).toEqual([
      expect.objectContaining({ id: venue.id, sectionCount: 2, seatCount: 60, eventCount: 0 }),
    ]);
  });

  it("refuses a duplicate section name and bad shapes, changing nothing", async () => {
    const { db, api, venue } = await newVenue();
    const section = { venueId: venue.id, name: "Main", rows: { count: 2 }, seatsPerRow: 3 };
    await api.venues.addSection(section);
    expect((await failure(api.venues.addSection(section))).code).toBe("CONFLICT");
    for (const bad of [
      { ...section, name: "Other", seatsPerRow: 0 },
      { ...section, name: "Other", rows: { count: 2, firstLabel: "AB" } },
      { ...section, name: "Other", rows: { count: 2, firstLabel: "I", skipIAndO: true } },
      { ...section, name: "Other", curve: 30, rowOffset: 5 },
      { ...section, name: "Other", rows: { count: 100 }, seatsPerRow: 200 },
      { ...section, name: "", venueId: venue.id },
      { ...section, name: "Other", venueId: "not-a-uuid" },
    ]) {
      expect((await failure(api.venues.addSection(bad as typeof section))).code).toBe(
        "BAD_REQUEST",
      );
    }
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(6);
  });

  it("updates a venue, carrying a new city to its events, and refuses unknown time zones", async () => {
    const { db } = database();
    const { api, venue, event } = await organizerEvent(db);
    const updated = await api.venues.update({
      venueId: venue.id,
      city: "Kaohsiung",
      timeZone: "asia/tokyo",
    });
    expect(updated).toMatchObject({ city: "Kaohsiung", timeZone: "Asia/Tokyo" });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).city).toBe("Kaohsiung");
    expect(
      (await failure(api.venues.update({ venueId: venue.id, timeZone: "Mars/Olympus" }))).code,
    ).toBe("BAD_REQUEST");
    const audit = await db.auditLog.findMany({
      where: { entityId: venue.id, action: "venue.update" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { city: "Taipei", timeZone: "Asia/Taipei" },
      after: { city: "Kaohsiung", timeZone: "Asia/Tokyo" },
    });
  });

  it("gives new seats to the venue's draft events only; published events keep their layout", async () => {
    const { db } = database();
    const { api, venue, event: published } = await organizerEvent(db);
    const draft = await api.events.create({
      venueId: venue.id,
      title: "Draft",
      category: "TALK",
      startsAt: new Date(Date.now() + 20 * 86_400_000),
      endsAt: new Date(Date.now() + 20 * 86_400_000 + 3_600_000),
      priceTiers: [
        { name: "Cheap", price: 300 },
        { name: "Dear", price: 900 },
      ],
      sectionTiers: [
        {
          sectionId: (await db.section.findFirstOrThrow({ where: { venueId: venue.id } })).id,
          tier: "Dear",
        },
      ],
    });
    const added = await api.venues.addSection({
      venueId: venue.id,
      name: "Extra",
      rows: { count: 1 },
      seatsPerRow: 4,
      origin: { x: 0, y: 100 },
    });
    expect(added.draftEventsUpdated).toBe(1);
    expect(await db.eventSeat.count({ where: { eventId: draft.id } })).toBe(14);
    expect(await db.eventSeat.count({ where: { eventId: published.id } })).toBe(10);
    const extra = await db.eventSeat.findMany({
      where: { eventId: draft.id, seat: { section: { name: "Extra" } } },
      select: { tier: { select: { name: true } } },
    });
    // The draft's first tier; the organizer re-prices with setSeatTiers.
    expect(extra.map((seat) => seat.tier.name)).toEqual(["Cheap", "Cheap", "Cheap", "Cheap"]);
  });
});

describe("organizer.venues.importLayout", () => {
  it("lists every bad line by number and imports nothing", async () => {
    const { db, api, venue } = await newVenue();
    const csv = [
      "section,row,number,x,y",
      "Floor,A,1,0,0",
      "Floor,A,2,10,0",
      "Floor,A,x,20,0",
      "Floor,A,3,20",
      "Floor,A,2,30,0",
      "Floor,A,0,40,0",
      ",B,1,0,10",
      "Floor,B,1,0,ten",
      "",
      'Floor,"B,2",2,10,10',
      "Floor,B,3,20,10",
    ].join("\n");
    const error = await failure(api.venues.importLayout({ venueId: venue.id, csv }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(detailsOf(error)).toEqual({
      errorCount: 8,
      errors: [
        { line: 4, message: "number must be a positive integer." },
        {
          line: 5,
          message: "Expected 5 columns (section,row,number,x,y), found 4.",
        },
        { line: 6, message: "Duplicate seat: Floor A-2 is already on line 3." },
        { line: 7, message: "number must be a positive integer." },
        { line: 8, message: "section must be 1 to 80 characters." },
        { line: 9, message: "y must be an integer." },
        { line: 10, message: "The line is empty." },
        { line: 11, message: "row must be 1 to 10 letters or digits." },
      ],
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(0);
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(0);
  });

  it("insists on the exact header", async () => {
    const { api, venue } = await newVenue();
    for (const csv of ["section,row,seat,x,y\nA,A,1,0,0", "section,row,number,x\nA,A,1,0", ""]) {
      const error = await failure(api.venues.importLayout({ venueId: venue.id, csv }));
      expect(error.code).toBe("BAD_REQUEST");
      if (csv) {
        expect(detailsOf(error)).toMatchObject({
          errors: [
            { line: 1, message: 'The first line must be the header "section,row,number,x,y".' },
          ],
        });
      }
    }
  });

  it("creates sections and seats, quoted names included, and refuses seats that exist", async () => {
    const { db, api, venue } = await newVenue();
    const csv = [
      "section,row,number,x,y",
      '"Stalls, left",A,1,0,0',
      '"Stalls, left",A,2,10,0',
      '"Stalls, left",B,1,0,10',
      "Box,1,1,-50,-20",
      "",
    ].join("\r\n");
    const result = await api.venues.importLayout({ venueId: venue.id, csv });
    expect(result).toEqual({
      sectionsCreated: ["Stalls, left", "Box"],
      seatsCreated: 4,
      draftEventsUpdated: 0,
    });
    const layout = await api.venues.byId({ venueId: venue.id });
    expect(
      layout.sections.map((section) => [section.name, section.seats.map((seat) => seat.label)]),
    ).toEqual([
      ["Stalls, left", ["A-1", "A-2", "B-1"]],
      ["Box", ["1-1"]],
    ]);
    expect(layout.sections[1]?.seats[0]).toMatchObject({ row: "1", number: 1, x: -50, y: -20 });

    // Importing more into an existing section: fine for new seats, refused for existing ones.
    const again = 'section,row,number,x,y\nBox,1,2,-40,-20\n"Stalls, left",A,2,10,0\n';
    const error = await failure(api.venues.importLayout({ venueId: venue.id, csv: again }));
    expect(detailsOf(error)).toMatchObject({
      errors: [{ line: 3, message: "Seat Stalls, left A-2 already exists in this venue." }],
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(4);
    await api.venues.importLayout({
      venueId: venue.id,
      csv: "section,row,number,x,y\nBox,1,2,-40,-20",
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(5);
  });
});

describe("removing seats and sections", () => {
  it("is allowed before any sale, taking the events' seats with them", async () => {
    const { db } = database();
    const { api, venue, event } = await organizerEvent(db);
    const layout = await api.venues.byId({ venueId: venue.id });
    const main = layout.sections[0];
    const aisle = main?.seats.filter((seat) => seat.number === 3).map((seat) => seat.id) ?? [];
    expect(aisle).toHaveLength(2);
    // A buyer's hold on a removed seat goes with it.
    const buyer = await makeUser(db);
    const heldSeat = await db.eventSeat.findFirstOrThrow({
      where: { eventId: event.id, seatId: aisle[0] },
    });
    await db.seatHold.create({
      data: {
        eventSeatId: heldSeat.id,
        eventId: event.id,
        userId: buyer.id,
        price: 1000,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await api.venues.removeSeats({ venueId: venue.id, seatIds: aisle })).toMatchObject({
      removed: 2,
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(8);
    expect(await db.eventSeat.count({ where: { eventId: event.id } })).toBe(8);

    const other = await makeOrganizer(db);
    const foreign = await other.api.venues.create({ name: "Other", city: "Taipei", address: "2" });
    const { section } = await other.api.venues.addSection({
      venueId: foreign.id,
      name: "X",
      rows: { count: 1 },
      seatsPerRow: 1,
    });
    const mixed = await failure(
      api.venues.removeSeats({
        venueId: venue.id,
        seatIds: [main?.seats[0]?.id ?? "", section.seats[0]?.id ?? ""],
      }),
    );
    expect(mixed.code).toBe("BAD_REQUEST");
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(8);

    await api.venues.removeSection({ venueId: venue.id, sectionId: main?.id ?? "" });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(0);
    expect(await db.eventSeat.count({ where: { eventId: event.id } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { entityId: venue.id, action: { in: ["venue.removeSeats", "venue.removeSection"] } },
      }),
    ).toBe(2);
  });

  it("is refused with CONFLICT once an event at the venue has sold, even a cancelled order", async () => {
    const { db } = database();
    const { api, venue, event, seatIds } = await organizerEvent(db);
    const buyer = await makeUser(db);
    await sell(db, {
      eventId: event.id,
      buyerId: buyer.id,
      eventSeatIds: seatIds.slice(0, 1),
      cancelled: { refund: 1000, at: new Date() },
    });
    const layout = await api.venues.byId({ venueId: venue.id });
    expect(layout.removalsAllowed).toBe(false);
    const unsold = layout.sections[0]?.seats.at(-1)?.id ?? "";
    const removeSeat = await failure(
      api.venues.removeSeats({ venueId: venue.id, seatIds: [unsold] }),
    );
    expect(removeSeat.code).toBe("CONFLICT");
    expect(detailsOf(removeSeat)).toEqual({ reason: "LAYOUT_IN_USE" });
    const removeSection = await failure(
      api.venues.removeSection({ venueId: venue.id, sectionId: layout.sections[0]?.id ?? "" }),
    );
    expect(removeSection.code).toBe("CONFLICT");
    expect(detailsOf(removeSection)).toEqual({
      reason: "SECTION_IN_USE",
      soldSeats: 1,
      heldSeats: 0,
    });
    expect(removeSection.message).toBe(
      'Section "Main" has 1 sold and 0 held seats, so it cannot be removed.',
    );
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(10);

    // Adding stays possible.
    await api.venues.addSection({
      venueId: venue.id,
      name: "Annex",
      rows: { count: 1 },
      seatsPerRow: 2,
      origin: { x: 0, y: 100 },
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(12);
  });
});

describe("overlapping sections", () => {
  const row = (y: number, count = 4) =>
    Array.from({ length: count }, (_, index) => ({ x: index * 10, y }));

  it("are sections whose seats come closer than seats in a row", () => {
    const stalls = { name: "Stalls", seats: row(0) };
    const balcony = { name: "Balcony", seats: row(100) };
    expect(findOverlaps(row(10), [stalls, balcony])).toEqual([]);
    expect(findOverlaps(row(9), [stalls, balcony])).toEqual([{ seat: 0, section: "Stalls" }]);
    // Interleaved seats overlap too; a section inside another's empty middle does not.
    expect(findOverlaps([{ x: 25, y: 5 }], [stalls])).toEqual([{ seat: 0, section: "Stalls" }]);
    const ring = { name: "Ring", seats: [...row(0, 10), ...row(90, 10)] };
    expect(findOverlaps(row(45, 3), [ring])).toEqual([]);
  });

  it("are refused when added, with the sections named, and nothing changes", async () => {
    const { db, api, venue } = await newVenue();
    await api.venues.addSection({ venueId: venue.id, name: "Stalls", ...shape });
    await api.venues.addSection({
      venueId: venue.id,
      name: "Balcony",
      ...shape,
      origin: { x: 100, y: 100 },
    });
    const before = await db.seat.count({ where: { venueId: venue.id } });
    // Right over both: the stalls start at (100, 50), 4 seats × 3 rows; the balcony at (100, 100).
    const error = await failure(
      api.venues.addSection({
        venueId: venue.id,
        name: "Floor",
        ...shape,
        rows: { ...shape.rows, count: 6 },
        origin: { x: 105, y: 55 },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      'This section would overlap "Stalls", "Balcony"; nothing was added.',
    );
    expect(detailsOf(error)).toEqual({
      reason: "SECTIONS_OVERLAP",
      field: "origin",
      sections: ["Stalls", "Balcony"],
    });
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(before);
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(2);
    expect(
      await db.auditLog.count({ where: { entityId: venue.id, action: "venue.addSection" } }),
    ).toBe(2);

    // One pitch beyond the stalls' last row is fine.
    await api.venues.addSection({
      venueId: venue.id,
      name: "Floor",
      ...shape,
      rows: { ...shape.rows, count: 1 },
      origin: { x: 100, y: 80 },
    });
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(3);
  });

  it("are refused in an imported layout, each pair once, on the line of its first seat", async () => {
    const { db, api, venue } = await newVenue();
    await api.venues.addSection({ venueId: venue.id, name: "Stalls", ...shape });
    const csv = [
      "section,row,number,x,y",
      "Box,A,1,500,500",
      "Box,A,2,510,500",
      "Side,A,1,505,505",
      "Wing,A,1,0,0",
      "Wing,A,2,120,60",
    ].join("\n");
    const error = await failure(api.venues.importLayout({ venueId: venue.id, csv }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(detailsOf(error)).toEqual({
      reason: "SECTIONS_OVERLAP",
      errorCount: 2,
      errors: [
        { line: 2, message: 'Seat Box A-1 would overlap section "Side".' },
        { line: 6, message: 'Seat Wing A-2 would overlap section "Stalls".' },
      ],
    });
    expect(await db.section.count({ where: { venueId: venue.id } })).toBe(1);
    expect(await db.seat.count({ where: { venueId: venue.id } })).toBe(12);
  });
});

describe("removing a section", () => {
  it("is allowed once it is emptied, and for unsold sections after a sale elsewhere", async () => {
    const { db } = database();
    const { api, venue, event, seatIds } = await organizerEvent(db, { draft: true });
    const annex = await api.venues.addSection({
      venueId: venue.id,
      name: "Annex",
      rows: { count: 1 },
      seatsPerRow: 3,
      origin: { x: 0, y: 100 },
    });
    const emptied = await api.venues.addSection({
      venueId: venue.id,
      name: "Emptied",
      rows: { count: 1 },
      seatsPerRow: 2,
      origin: { x: 0, y: 200 },
    });
    await api.venues.removeSeats({
      venueId: venue.id,
      seatIds: emptied.section.seats.map((seat) => seat.id),
    });
    expect(
      await api.venues.removeSection({ venueId: venue.id, sectionId: emptied.section.id }),
    ).toEqual({ removedSectionId: emptied.section.id, removedSeats: 0 });

    await api.events.publish({ eventId: event.id });
    const buyer = await makeUser(db);
    await sell(db, { eventId: event.id, buyerId: buyer.id, eventSeatIds: seatIds.slice(0, 1) });
    const annexSeats = await db.eventSeat.findMany({
      where: { eventId: event.id, seat: { sectionId: annex.section.id } },
      select: { id: true },
    });
    expect(annexSeats).toHaveLength(3);
    // A live hold in the annex keeps it; an expired one does not.
    const hold = await db.seatHold.create({
      data: {
        eventSeatId: annexSeats[0]?.id ?? "",
        eventId: event.id,
        userId: buyer.id,
        price: 1000,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const held = await failure(
      api.venues.removeSection({ venueId: venue.id, sectionId: annex.section.id }),
    );
    expect(held.code).toBe("CONFLICT");
    expect(detailsOf(held)).toEqual({ reason: "SECTION_IN_USE", soldSeats: 0, heldSeats: 1 });
    expect(await db.seat.count({ where: { sectionId: annex.section.id } })).toBe(3);

    await db.seatHold.update({
      where: { id: hold.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(
      await api.venues.removeSection({ venueId: venue.id, sectionId: annex.section.id }),
    ).toEqual({ removedSectionId: annex.section.id, removedSeats: 3 });
    expect(await db.eventSeat.count({ where: { eventId: event.id } })).toBe(10);
    expect((await api.venues.byId({ venueId: venue.id })).sections.map((s) => s.name)).toEqual([
      "Main",
    ]);
  });
});
