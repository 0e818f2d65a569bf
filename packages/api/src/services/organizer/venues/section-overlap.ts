// When two sections overlap: a seat of one is closer to a seat of the other than seats in a row
// are to each other (SEAT_PITCH), so drawn they would touch or sit on top of each other. Sections
// may sit side by side, one pitch apart, or one inside another's empty middle (a floor inside a
// horseshoe). Pure, so the api's refusal and the editor's warning before saving agree.
import { SEAT_PITCH } from "./section-layout.ts";

type Point = { x: number; y: number };
export type PlacedSection = { name: string; seats: readonly Point[] };
/** The first seat (index into the seats checked) found too close to each overlapped section. */
export type Overlap = { seat: number; section: string };

export function findOverlaps(seats: readonly Point[], others: readonly PlacedSection[]): Overlap[] {
  // Seats bucketed by pitch-sized cells: a seat closer than a pitch is in one of 9 cells.
  const cells = new Map<string, number[]>();
  seats.forEach((seat, index) => {
    const key = cellKey(Math.floor(seat.x / SEAT_PITCH), Math.floor(seat.y / SEAT_PITCH));
    const cell = cells.get(key);
    if (cell) cell.push(index);
    else cells.set(key, [index]);
  });
  const overlaps: Overlap[] = [];
  for (const other of others) {
    const seat = firstSeatNear(other.seats, seats, cells);
    if (seat !== null) overlaps.push({ seat, section: other.name });
  }
  return overlaps;
}

function firstSeatNear(
  candidates: readonly Point[],
  seats: readonly Point[],
  cells: Map<string, number[]>,
): number | null {
  let first: number | null = null;
  for (const point of candidates) {
    const column = Math.floor(point.x / SEAT_PITCH);
    const row = Math.floor(point.y / SEAT_PITCH);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const index of cells.get(cellKey(column + dx, row + dy)) ?? []) {
          const seat = seats[index] as Point;
          const close = (seat.x - point.x) ** 2 + (seat.y - point.y) ** 2 < SEAT_PITCH ** 2;
          if (close && (first === null || index < first)) first = index;
        }
      }
    }
  }
  return first;
}

function cellKey(column: number, row: number) {
  return `${column},${row}`;
}

/** `"Stalls", "Balcony"`: section names as a refusal lists them. */
export function quotedNames(names: readonly string[]) {
  return names.map((name) => `"${name}"`).join(", ");
}
