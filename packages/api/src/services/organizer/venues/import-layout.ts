// organizer.venues.importLayout: seats from a CSV file (./layout-csv.ts), labelled
// `${row}-${number}`, into sections found by name and created when missing. Any bad line
// refuses the whole file with BAD_REQUEST, listing every problem by line number, and nothing is
// written; so does a seat the venue already has, or one that would overlap another section
// (./section-overlap.ts). New seats join the venue's DRAFT events.
import { randomUUID } from "node:crypto";
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id, text } from "../../../input.ts";
import { say } from "../../../messages.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { addSeatsToDraftEvents } from "./add-seats-to-drafts.ts";
import { type LayoutLineError, type LayoutSeat, parseLayoutCsv } from "./layout-csv.ts";
import { nearbySections } from "./nearby-sections.ts";
import { findOverlaps, type PlacedSection } from "./section-overlap.ts";

export const importLayoutInput = z.object({
  venueId: id,
  /** The file's text; 10,000 seats of generous lines fit comfortably. */
  csv: text(2_000_000, { min: 1, trim: false }),
});

export async function importLayout(
  db: Db,
  input: z.output<typeof importLayoutInput>,
  caller: Caller,
) {
  const parsed = parseLayoutCsv(input.csv);
  if (!parsed.ok) throw layoutErrors(parsed.errors, parsed.errorCount);
  const { seats } = parsed;
  const sectionNames = [...new Set(seats.map((seat) => seat.section))];

  return runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, input.venueId, {
      id: true,
      sections: { select: { id: true, name: true, ordering: true, kind: true } },
    });
    // A standing zone's places are numbered by the zone itself: no seats are imported into one.
    const zones = new Set(
      venue.sections
        .filter((section) => section.kind === "STANDING")
        .map((section) => section.name),
    );
    const intoZones = seats.filter((seat) => zones.has(seat.section));
    if (intoZones.length) {
      throw layoutErrors(
        intoZones.map((seat) => ({
          line: seat.line,
          message: `"${seat.section}" is a standing zone: seats cannot be added to it.`,
        })),
      );
    }
    const existing = await tx.seat.findMany({
      where: { venueId: venue.id, section: { name: { in: sectionNames } } },
      select: { rowLabel: true, number: true, section: { select: { name: true } } },
    });
    const taken = new Set(
      existing.map((seat) => seatKey(seat.section.name, seat.rowLabel, seat.number)),
    );
    const clashes = seats.filter((seat) => taken.has(seatKey(seat.section, seat.row, seat.number)));
    if (clashes.length) {
      throw layoutErrors(
        clashes.map((seat) => ({
          line: seat.line,
          message: `Seat ${seat.section} ${seat.row}-${seat.number} already exists in this venue.`,
        })),
      );
    }

    const overlaps = overlapsOf(seats, await nearbySections(tx, venue.id, seats));
    if (overlaps.length) throw layoutErrors(overlaps, overlaps.length, "SECTIONS_OVERLAP");

    const sectionIds = new Map(venue.sections.map((section) => [section.name, section.id]));
    let ordering = Math.max(-1, ...venue.sections.map((section) => section.ordering));
    const createdSections: string[] = [];
    for (const name of sectionNames) {
      if (sectionIds.has(name)) continue;
      const section = await tx.section.create({
        data: { venueId: venue.id, name, ordering: ++ordering },
        select: { id: true },
      });
      sectionIds.set(name, section.id);
      createdSections.push(name);
    }
    const rows = seats.map((seat) => toSeatRow(seat, venue.id, sectionIds.get(seat.section)));
    await tx.seat.createMany({ data: rows });
    const draftEvents = await addSeatsToDraftEvents(
      tx,
      venue.id,
      rows.map((row) => row.id),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "venue.importLayout",
      entityType: "venue",
      entityId: venue.id,
      after: { sectionsCreated: createdSections, sections: sectionNames, seats: rows.length },
    });
    return {
      sectionsCreated: createdSections,
      seatsCreated: rows.length,
      draftEventsUpdated: draftEvents,
    };
  });
}

function toSeatRow(seat: LayoutSeat, venueId: string, sectionId: string | undefined) {
  if (!sectionId) throw new Error(`Section ${seat.section} was not created`);
  return {
    id: randomUUID(),
    venueId,
    sectionId,
    rowLabel: seat.row,
    number: seat.number,
    label: `${seat.row}-${seat.number}`,
    x: seat.x,
    y: seat.y,
  };
}

/** Each pair of sections that would overlap, once, on the line of the file's first seat in it. */
function overlapsOf(seats: LayoutSeat[], existing: PlacedSection[]): LayoutLineError[] {
  const sections = new Map(existing.map((section) => [section.name, [...section.seats]]));
  for (const seat of seats) {
    const list = sections.get(seat.section);
    if (list) list.push(seat);
    else sections.set(seat.section, [seat]);
  }
  const reported = new Set<string>();
  const errors: LayoutLineError[] = [];
  for (const name of new Set(seats.map((seat) => seat.section))) {
    const own = seats.filter((seat) => seat.section === name);
    const others = [...sections]
      .filter(([other]) => other !== name && !reported.has(JSON.stringify([other, name])))
      .map(([other, otherSeats]) => ({ name: other, seats: otherSeats }));
    for (const overlap of findOverlaps(own, others)) {
      reported.add(JSON.stringify([name, overlap.section]));
      const seat = own[overlap.seat] as LayoutSeat;
      errors.push({
        line: seat.line,
        message: `Seat ${name} ${seat.row}-${seat.number} would overlap section "${overlap.section}".`,
      });
    }
  }
  return errors.sort((a, b) => a.line - b.line);
}

function seatKey(section: string, row: string, number: number) {
  return JSON.stringify([section, row, number]);
}

function layoutErrors(
  errors: LayoutLineError[],
  errorCount = errors.length,
  reason?: "SECTIONS_OVERLAP",
) {
  return new AppError(
    "BAD_REQUEST",
    errorCount === 1 ? say("layoutOneError") : say("layoutErrors", { count: errorCount }),
    { errors: errors.slice(0, 100), errorCount, ...(reason && { reason }) },
  );
}
