// organizer.venues.addSection: generates a section of rows × seats (see ./section-layout.ts) at
// the end of the venue's sections. Adding never disturbs a sale, so it is allowed at any time;
// the new seats join the venue's DRAFT events (./add-seats-to-drafts.ts). A section that would
// overlap another (./section-overlap.ts) is refused and nothing is added.
import { randomUUID } from "node:crypto";
import { type Db, runSerializable, type SectionKind, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id, int, name, text } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { addSeatsToDraftEvents } from "./add-seats-to-drafts.ts";
import { nearbySections } from "./nearby-sections.ts";
import { type GeneratedSeat, generateSectionSeats } from "./section-layout.ts";
import { findOverlaps, quotedNames } from "./section-overlap.ts";

const MAX_SEATS_PER_SECTION = 10_000;
const coordinate = int(-100_000, 100_000);

export const sectionNameField = name(80);

export const addSectionInput = z
  .object({
    venueId: id,
    name: sectionNameField,
    rows: z.object({
      count: int(1, 100),
      /** The front row's letter. */
      firstLabel: text(1, { tooLong: "A single letter A-Z." })
        .toUpperCase()
        .regex(/^[A-Z]$/, "A single letter A-Z.")
        .default("A"),
      skipIAndO: z.boolean().default(false),
    }),
    seatsPerRow: int(1, 200),
    /** Which end of each row (seen from the stage's audience side) is seat 1. */
    numbering: z.enum(["LEFT_TO_RIGHT", "RIGHT_TO_LEFT"]).default("LEFT_TO_RIGHT"),
    /** Degrees of arc the front row spans; 0 keeps rows straight. */
    curve: int(0, 180).default(0),
    /** Units each row is shifted sideways against the row before; straight rows only. */
    rowOffset: int(-50, 50).default(0),
    /** Where the front row's leftmost seat sits. */
    origin: z.object({ x: coordinate, y: coordinate }).default({ x: 0, y: 0 }),
  })
  .refine((input) => input.curve === 0 || input.rowOffset === 0, {
    path: ["rowOffset"],
    message: "Curved rows cannot also be offset.",
  })
  .refine((input) => !(input.rows.skipIAndO && /^[IO]$/.test(input.rows.firstLabel)), {
    path: ["rows", "firstLabel"],
    message: "I and O are skipped, so rows cannot start there.",
  })
  .refine((input) => input.rows.count * input.seatsPerRow <= MAX_SEATS_PER_SECTION, {
    path: ["seatsPerRow"],
    message: `A section has at most ${MAX_SEATS_PER_SECTION} seats.`,
  });

export async function addSection(db: Db, input: z.output<typeof addSectionInput>, caller: Caller) {
  const { venueId, name, ...shape } = input;
  return insertSection(
    db,
    { venueId, name, kind: "SEATED", seats: generateSectionSeats(shape), shape },
    caller,
  );
}

export type NewSection = {
  venueId: string;
  name: string;
  kind: SectionKind;
  seats: GeneratedSeat[];
  /** What the organizer asked for, for the audit log. */
  shape: Record<string, unknown>;
};

/**
 * Adds a section and its seats (or a standing zone and its places) to the caller's venue, after
 * the name and overlap checks, and to the venue's draft events; audited as venue.addSection.
 */
export function insertSection(db: Db, section: NewSection, caller: Caller) {
  return runSerializable(db, (tx) => insertSectionIn(tx, section, caller), {
    // 10,000 seats and their places in every draft event: more than the default budget on a
    // busy server.
    timeoutMs: 60_000,
  });
}

/** insertSection inside the caller's transaction (a new venue and its zone at once). */
export async function insertSectionIn(tx: Tx, section: NewSection, caller: Caller) {
  const { venueId, name, kind, seats, shape } = section;
  const venue = await findOwnVenue(tx, caller.user, venueId, {
    id: true,
    sections: { select: { name: true, ordering: true } },
  });
  if (venue.sections.some((section) => section.name === name)) {
    throw new AppError("CONFLICT", `This venue already has a section named "${name}".`, {
      field: "name",
    });
  }
  const overlapped = findOverlaps(seats, await nearbySections(tx, venue.id, seats)).map(
    (overlap) => overlap.section,
  );
  if (overlapped.length) {
    throw new AppError(
      "CONFLICT",
      `This section would overlap ${quotedNames(overlapped)}; nothing was added.`,
      { reason: "SECTIONS_OVERLAP", field: "origin", sections: overlapped },
    );
  }
  const created = await tx.section.create({
    data: {
      venueId: venue.id,
      name,
      kind,
      ordering: Math.max(-1, ...venue.sections.map((existing) => existing.ordering)) + 1,
    },
    select: { id: true, name: true, ordering: true, kind: true },
  });
  const rows = seats.map((seat) => ({
    id: randomUUID(),
    venueId: venue.id,
    sectionId: created.id,
    ...seat,
  }));
  await tx.seat.createMany({ data: rows });
  const draftEvents = await addSeatsToDraftEvents(
    tx,
    venue.id,
    rows.map((seat) => seat.id),
  );
  await recordAudit(tx, {
    actorId: caller.user.id,
    action: "venue.addSection",
    entityType: "venue",
    entityId: venue.id,
    after: auditJson({ sectionId: created.id, name, kind, seats: rows.length, ...shape }),
  });
  return {
    section: {
      ...created,
      seats: rows.map(({ id, rowLabel, number, label, x, y }) => ({
        id,
        row: rowLabel,
        number,
        label,
        x,
        y,
      })),
    },
    draftEventsUpdated: draftEvents,
  };
}
