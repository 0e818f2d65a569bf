// The geometry the map draws from, computed once per layout (not per status change): the
// bounds, a grid index so that only the seats in view are rendered, each section's outline for
// the overview of a big venue, and where each row's label goes. Pure functions.

export type Box = { x: number; y: number; w: number; h: number };
type Point = { x: number; y: number };
type LayoutSeat = Point & { section: number; row: string };

/** Grid cell size in map units (seats are 10 apart: up to 12 × 12 seats a cell). */
export const CELL = 120;
const PADDING = 30;

export type SectionShape = { index: number; outline: Point[]; box: Box };
/**
 * Where a row's label goes: before its first seat, left of it or (rows running down) above it;
 * `end` is where the row ends along it (x across, y down), to keep the label on screen.
 */
export type RowMark = {
  section: number;
  row: string;
  x: number;
  y: number;
  vertical: boolean;
  end: number;
};
type RowExtent = {
  section: number;
  row: string;
  left: Point;
  top: Point;
  maxX: number;
  maxY: number;
};

export type SeatLayout = {
  bounds: Box;
  /** Seat indexes by grid cell, key `${column},${row}`. */
  cells: Map<string, number[]>;
  sections: SectionShape[];
  rows: RowMark[];
  /** Where each seat id sits in the seats array (status updates keep the order). */
  indexById: Map<string, number>;
};

export function buildLayout(seats: readonly (LayoutSeat & { id: string })[]): SeatLayout {
  const indexById = new Map<string, number>();
  const cells = new Map<string, number[]>();
  const bySection = new Map<number, Point[]>();
  const rowExtents = new Map<string, RowExtent>();
  seats.forEach((seat, index) => {
    indexById.set(seat.id, index);
    const key = `${Math.floor(seat.x / CELL)},${Math.floor(seat.y / CELL)}`;
    const cell = cells.get(key);
    if (cell) cell.push(index);
    else cells.set(key, [index]);
    const points = bySection.get(seat.section);
    if (points) points.push(seat);
    else bySection.set(seat.section, [seat]);
    const rowKey = `${seat.section}\u0000${seat.row}`;
    const extent = rowExtents.get(rowKey);
    if (!extent) {
      rowExtents.set(rowKey, {
        section: seat.section,
        row: seat.row,
        left: seat,
        top: seat,
        maxX: seat.x,
        maxY: seat.y,
      });
    } else {
      if (seat.x < extent.left.x) extent.left = seat;
      if (seat.y < extent.top.y) extent.top = seat;
      extent.maxX = Math.max(extent.maxX, seat.x);
      extent.maxY = Math.max(extent.maxY, seat.y);
    }
  });
  const sections = [...bySection].map(([index, points]) => ({
    index,
    outline: grow(convexHull(points), 9),
    box: boxOf(points, 9),
  }));
  return {
    bounds: seatBounds(seats),
    cells,
    sections,
    rows: [...rowExtents.values()].map((extent) => {
      const vertical = extent.maxY - extent.top.y > extent.maxX - extent.left.x;
      const start = vertical ? extent.top : extent.left;
      return {
        section: extent.section,
        row: extent.row,
        x: start.x,
        y: start.y,
        vertical,
        end: vertical ? extent.maxY : extent.maxX,
      };
    }),
    indexById,
  };
}

export function inside(point: Point, box: Box, margin = 0) {
  return (
    point.x > box.x - margin &&
    point.x < box.x + box.w + margin &&
    point.y > box.y - margin &&
    point.y < box.y + box.h + margin
  );
}

export function seatBounds(seats: readonly Point[]): Box {
  if (seats.length === 0) return { x: 0, y: 0, w: 100, h: 100 };
  const box = boxOf(seats, PADDING);
  // Room above the seats for the stage and the section labels.
  return { ...box, y: box.y - 20, h: box.h + 20 };
}

function boxOf(points: readonly Point[], padding: number): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    minY = Math.min(minY, point.y);
    maxX = Math.max(maxX, point.x);
    maxY = Math.max(maxY, point.y);
  }
  return {
    x: minX - padding,
    y: minY - padding,
    w: maxX - minX + 2 * padding,
    h: maxY - minY + 2 * padding,
  };
}

/** Andrew's monotone chain: the outline of a section, however its rows curve. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) =>
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]) => {
    const hull: Point[] = [];
    for (const point of list) {
      while (
        hull.length >= 2 &&
        cross(hull[hull.length - 2] as Point, hull[hull.length - 1] as Point, point) <= 0
      ) {
        hull.pop();
      }
      hull.push(point);
    }
    hull.pop();
    return hull;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Moves each outline point `by` units away from the centre, so the outline clears the seats. */
function grow(outline: Point[], by: number): Point[] {
  if (outline.length === 0) return outline;
  const cx = outline.reduce((sum, p) => sum + p.x, 0) / outline.length;
  const cy = outline.reduce((sum, p) => sum + p.y, 0) / outline.length;
  return outline.map((p) => {
    const d = Math.hypot(p.x - cx, p.y - cy) || 1;
    return { x: p.x + ((p.x - cx) / d) * by, y: p.y + ((p.y - cy) / d) * by };
  });
}
