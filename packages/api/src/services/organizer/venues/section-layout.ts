// The geometry of a generated section: which seats it has, what they are called and where they
// are drawn. Pure, so the arithmetic is tested without a database.
//
// Coordinates are abstract units, seats SEAT_PITCH apart, the stage at the top (small y): rows
// run downwards from `origin`, seat positions left to right. Numbering only decides which end
// is seat 1. A `curve` bends every row into a circular arc around a centre above the section,
// the front row spanning `curve` degrees, so the ends of each row turn towards the stage; a
// `rowOffset` instead shifts each row sideways against the one before (staggered seating).

import { STANDING_ROW, usualLabel } from "../../seat-map/codec.ts";

export const SEAT_PITCH = 10;

const ALL_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** As venues print them: I and O read too easily as 1 and 0. */
const LETTERS_WITHOUT_I_O = "ABCDEFGHJKLMNPQRSTUVWXYZ";

export type SectionShape = {
  rows: { count: number; firstLabel: string; skipIAndO: boolean };
  seatsPerRow: number;
  numbering: "LEFT_TO_RIGHT" | "RIGHT_TO_LEFT";
  curve: number;
  rowOffset: number;
  origin: { x: number; y: number };
};

export type GeneratedSeat = {
  rowLabel: string;
  number: number;
  label: string;
  x: number;
  y: number;
};

/** Row labels from `firstLabel` on: A, B, … Z, then AA, AB, … as spreadsheets count. */
export function rowLabels(rows: SectionShape["rows"]): string[] {
  const letters = rows.skipIAndO ? LETTERS_WITHOUT_I_O : ALL_LETTERS;
  const first = letters.indexOf(rows.firstLabel);
  if (first < 0) throw new Error(`Row label ${rows.firstLabel} is not in use`);
  return Array.from({ length: rows.count }, (_, row) => {
    const index = first + row;
    if (index < letters.length) return letters.charAt(index);
    const high = Math.floor(index / letters.length) - 1;
    return letters.charAt(high) + letters.charAt(index % letters.length);
  });
}

export function generateSectionSeats(shape: SectionShape): GeneratedSeat[] {
  const labels = rowLabels(shape.rows);
  const perRow = shape.seatsPerRow;
  const width = (perRow - 1) * SEAT_PITCH;
  // Radius of the front row so that its seats, SEAT_PITCH apart along the arc, span `curve`.
  const frontRadius = shape.curve > 0 && perRow > 1 ? width / ((shape.curve * Math.PI) / 180) : 0;
  const centre = { x: shape.origin.x + width / 2, y: shape.origin.y - frontRadius };

  return labels.flatMap((rowLabel, row) =>
    Array.from({ length: perRow }, (_, position) => {
      const number = shape.numbering === "LEFT_TO_RIGHT" ? position + 1 : perRow - position;
      let x: number;
      let y: number;
      if (frontRadius > 0) {
        const radius = frontRadius + row * SEAT_PITCH;
        const angle = ((position - (perRow - 1) / 2) * SEAT_PITCH) / radius;
        x = centre.x + radius * Math.sin(angle);
        y = centre.y + radius * Math.cos(angle);
      } else {
        x = shape.origin.x + position * SEAT_PITCH + row * shape.rowOffset;
        y = shape.origin.y + row * SEAT_PITCH;
      }
      return {
        rowLabel,
        number,
        label: `${rowLabel}-${number}`,
        x: Math.round(x),
        y: Math.round(y),
      };
    }),
  );
}

export type StandingZoneShape = {
  capacity: number;
  /** Places drawn side by side; the zone is as deep as it takes. */
  placesPerRow: number;
  origin: { x: number; y: number };
};

/** A standing zone wider than deep, as floors are: about twice as many places across as rows. */
export function defaultPlacesPerRow(capacity: number): number {
  return Math.min(100, Math.max(1, Math.ceil(Math.sqrt(capacity * 2))));
}

/**
 * A standing zone's places: numbered 1..capacity (the order people enter in), labelled "#n",
 * laid out in rows from `origin` so the zone has an area on the map.
 */
export function generateStandingPlaces(shape: StandingZoneShape): GeneratedSeat[] {
  return Array.from({ length: shape.capacity }, (_, index) => ({
    rowLabel: STANDING_ROW,
    number: index + 1,
    label: usualLabel(STANDING_ROW, index + 1),
    x: shape.origin.x + (index % shape.placesPerRow) * SEAT_PITCH,
    y: shape.origin.y + Math.floor(index / shape.placesPerRow) * SEAT_PITCH,
  }));
}
