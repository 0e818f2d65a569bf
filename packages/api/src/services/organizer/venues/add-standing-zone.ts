// organizer.venues.addStandingZone (issue 15): a general-admission zone of a venue — a floor, a
// 搖滾區 — with a capacity instead of seats. Its places are numbered 1..capacity (the entry order
// printed on the ticket) and are rows like seats (./section-layout.ts), so a zone sells through
// the seats' own machinery: one hold per place, one live ticket per place, the same hold timer
// and sweeper, never more tickets than places. Buyers ask for a quantity and get the lowest free
// numbers (reservation.holdBestAvailable); they cannot pick places on the map.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id, int } from "../../../input.ts";
import { insertSection, type NewSection, sectionNameField } from "./add-section.ts";
import { defaultPlacesPerRow, generateStandingPlaces } from "./section-layout.ts";

export const MAX_STANDING_CAPACITY = 10_000;
const coordinate = int(-100_000, 100_000);

export const addStandingZoneInput = z.object({
  venueId: id,
  name: sectionNameField,
  capacity: int(1, MAX_STANDING_CAPACITY),
  /** How wide the zone is drawn, in places; by default about twice as wide as deep. */
  placesPerRow: int(1, 200).optional(),
  /** Where the zone's front-left corner sits. */
  origin: z.object({ x: coordinate, y: coordinate }).default({ x: 0, y: 0 }),
});

export function addStandingZone(
  db: Db,
  input: z.output<typeof addStandingZoneInput>,
  caller: Caller,
) {
  return insertSection(db, standingZone(input), caller);
}

/** The zone's section and places, ready for insertSection. */
export function standingZone(input: {
  venueId: string;
  name: string;
  capacity: number;
  placesPerRow?: number;
  origin?: { x: number; y: number };
}): NewSection {
  const { venueId, name, capacity, origin = { x: 0, y: 0 } } = input;
  const placesPerRow = input.placesPerRow ?? defaultPlacesPerRow(capacity);
  return {
    venueId,
    name,
    kind: "STANDING",
    seats: generateStandingPlaces({ capacity, placesPerRow, origin }),
    shape: { capacity, placesPerRow, origin },
  };
}
