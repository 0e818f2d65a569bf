// Which free seats are "best" for a group: pure, so the choice is tested without a database.
//
// Seats are together when they share a section and a row and their numbers follow each other
// (a seat's drawing may curve or stagger the row; its numbering does not lie). Best means
// nearest the front-centre: the stage is at the top of every layout (small y, see
// organizer/venues/section-layout.ts), so the venue's front-centre is the middle of its top
// edge, and a section's is the middle of its row nearest that point — its front row, whichever
// way the section faces. A block is as good as its middle seat is near that point, so a centre
// block a row back can beat the end of the front row, as in a box office's "best available".

export type SeatSpot = {
  id: string;
  sectionId: string;
  rowLabel: string;
  number: number;
  x: number;
  y: number;
};

export type Point = { x: number; y: number };

/** The middle of the top edge of a set of seats (a whole venue's, or an event's). */
export function venueFrontCentre(bounds: { minX: number; maxX: number; minY: number }): Point {
  return { x: (bounds.minX + bounds.maxX) / 2, y: bounds.minY };
}

/** The centre of the section's row nearest the venue's front-centre: the section's front row. */
export function sectionFrontCentre(sectionSeats: readonly SeatSpot[], venueFront: Point): Point {
  let best: { centre: Point; distance: number } | null = null;
  for (const row of groupRows(sectionSeats)) {
    const centre = centroid(row);
    const distance = Math.hypot(centre.x - venueFront.x, centre.y - venueFront.y);
    if (!best || distance < best.distance) best = { centre, distance };
  }
  return best?.centre ?? venueFront;
}

export type Choice = { seats: SeatSpot[]; together: boolean };

/**
 * `quantity` seats of `free`: the best block of that many together; only when no row has so
 * many together, the fewest pieces (largest blocks first, each the best of its size). Null when
 * fewer seats are free. `spread` > 1 picks at random among the best `spread` blocks, so that
 * buyers who lost a race do not all try the same next block again.
 */
export function chooseBestSeats(
  free: readonly SeatSpot[],
  quantity: number,
  target: Point,
  options: { spread?: number; random?: () => number } = {},
): Choice | null {
  if (quantity < 1 || free.length < quantity) return null;
  const runs = consecutiveRuns(free);
  const blocks = rankedBlocks(runs, quantity, target);
  if (blocks.length > 0) {
    const spread = Math.min(Math.max(1, options.spread ?? 1), blocks.length);
    const pick = Math.floor((options.random ?? Math.random)() * spread);
    return { seats: blocks[pick] ?? blocks[0] ?? [], together: true };
  }
  const chosen: SeatSpot[] = [];
  let left = free;
  while (chosen.length < quantity) {
    const pieces = consecutiveRuns(left);
    const longest = pieces.reduce((most, run) => Math.max(most, run.length), 0);
    const size = Math.min(quantity - chosen.length, longest);
    const best = rankedBlocks(pieces, size, target)[0];
    if (!best) return null;
    chosen.push(...best);
    const taken = new Set(best.map((seat) => seat.id));
    left = left.filter((seat) => !taken.has(seat.id));
  }
  return { seats: chosen.sort(bySeat), together: false };
}

/**
 * Every block of `size` seats together, best first; of blocks as good, the one that comes first
 * by section, row and number, whatever order the seats came in.
 */
function rankedBlocks(runs: readonly SeatSpot[][], size: number, target: Point): SeatSpot[][] {
  const blocks: { seats: SeatSpot[]; distance: number }[] = [];
  for (const run of runs) {
    for (let start = 0; start + size <= run.length; start++) {
      const seats = run.slice(start, start + size);
      const centre = centroid(seats);
      const distance = Math.hypot(centre.x - target.x, centre.y - target.y);
      blocks.push({ seats, distance });
    }
  }
  blocks.sort(
    (a, b) => a.distance - b.distance || bySeat(a.seats[0] as SeatSpot, b.seats[0] as SeatSpot),
  );
  return blocks.map((block) => block.seats);
}

/** The seats split into runs of consecutive numbers in one row of one section. */
function consecutiveRuns(seats: readonly SeatSpot[]): SeatSpot[][] {
  const runs: SeatSpot[][] = [];
  for (const row of groupRows(seats)) {
    row.sort((a, b) => a.number - b.number);
    let run: SeatSpot[] = [];
    for (const seat of row) {
      const last = run.at(-1);
      if (last && seat.number !== last.number + 1) {
        runs.push(run);
        run = [];
      }
      run.push(seat);
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

function groupRows(seats: readonly SeatSpot[]): SeatSpot[][] {
  const rows = new Map<string, SeatSpot[]>();
  for (const seat of seats) {
    const key = `${seat.sectionId}\u0000${seat.rowLabel}`;
    const row = rows.get(key);
    if (row) row.push(seat);
    else rows.set(key, [seat]);
  }
  return [...rows.values()];
}

function centroid(seats: readonly SeatSpot[]): Point {
  let x = 0;
  let y = 0;
  for (const seat of seats) {
    x += seat.x;
    y += seat.y;
  }
  return { x: x / seats.length, y: y / seats.length };
}

function bySeat(a: SeatSpot, b: SeatSpot) {
  return (
    a.sectionId.localeCompare(b.sectionId) ||
    a.rowLabel.localeCompare(b.rowLabel) ||
    a.number - b.number
  );
}
