// Where a key press moves the seat map's focus. Only seats that can be chosen are stops (for a
// buyer: free, or their own hold), so a keyboard user never lands on sold, held or blocked seats:
// a row with 40 sold seats is one ArrowRight, not 43. Organizer maps, where every seat can be
// picked, pass their own test. Pure functions, so they are tested without a browser.

/** The fields navigation needs; the map's seats have them. */
export type NavSeat = {
  id: string;
  section: number;
  row: string;
  x: number;
  y: number;
  status: string;
};

/** PageUp/PageDown move this many rows, or to the section's edge, then into the next section. */
export const ROWS_PER_PAGE = 5;

export type CanChoose = (seat: NavSeat) => boolean;

/** A buyer can choose a free seat or one they hold. */
export function isChoosable(seat: NavSeat) {
  return seat.status === "AVAILABLE" || seat.status === "MINE";
}

/** The first choosable seat in reading order (top to bottom, left to right). */
export function firstChoosable<S extends NavSeat>(
  seats: readonly S[],
  canChoose: CanChoose = isChoosable,
): S | undefined {
  return seats.filter(canChoose).sort(readingOrder)[0];
}

/**
 * The seat focus moves to from `from` on `key`, or undefined when the key is not a navigation
 * key or there is no choosable seat that way (focus then stays where it is).
 */
export function nextSeat<S extends NavSeat>(
  seats: readonly S[],
  from: NavSeat,
  key: string,
  options: { ctrl?: boolean; canChoose?: CanChoose } = {},
): S | undefined {
  const { ctrl = false, canChoose = isChoosable } = options;
  const choosable = seats.filter((seat) => canChoose(seat) && seat.id !== from.id);
  switch (key) {
    case "ArrowLeft":
    case "ArrowRight":
      return alongRow(choosable, from, key === "ArrowRight" ? 1 : -1);
    case "ArrowUp":
    case "ArrowDown":
      return nearestInDirection(choosable, from, key);
    case "Home":
    case "End": {
      // Ctrl+Home/End: the map's first/last seat; Home/End: the row's (rows may curve: by x).
      const pool = ctrl ? choosable : choosable.filter((seat) => sameRow(seat, from));
      const withFrom = [...pool, ...(canChoose(from) ? [from as S] : [])];
      const sorted = withFrom.sort(ctrl ? readingOrder : (a, b) => a.x - b.x);
      const target = key === "Home" ? sorted[0] : sorted.at(-1);
      return target && target.id !== from.id ? target : undefined;
    }
    case "PageUp":
    case "PageDown":
      return pageJump(seats, from, key === "PageDown" ? 1 : -1, canChoose);
    default:
      return undefined;
  }
}

/** Left/right: the next choosable seat of the same row; past the row's end, the nearest that way. */
function alongRow<S extends NavSeat>(choosable: S[], from: NavSeat, direction: 1 | -1) {
  const ahead = choosable.filter(
    (seat) => sameRow(seat, from) && (seat.x - from.x) * direction > 0,
  );
  if (ahead.length > 0) return minBy(ahead, (seat) => Math.abs(seat.x - from.x));
  return nearestInDirection(choosable, from, direction === 1 ? "ArrowRight" : "ArrowLeft");
}

/** The nearest seat that way, rows across weighing four times the distance along them. */
function nearestInDirection<S extends NavSeat>(choosable: S[], from: NavSeat, key: string) {
  const scored = choosable.flatMap((seat) => {
    const dx = seat.x - from.x;
    const dy = seat.y - from.y;
    if (key === "ArrowRight" && dx > 0) return [{ seat, score: dx + Math.abs(dy) * 4 }];
    if (key === "ArrowLeft" && dx < 0) return [{ seat, score: -dx + Math.abs(dy) * 4 }];
    if (key === "ArrowDown" && dy > 0) return [{ seat, score: dy * 4 + Math.abs(dx) }];
    if (key === "ArrowUp" && dy < 0) return [{ seat, score: -dy * 4 + Math.abs(dx) }];
    return [];
  });
  return minBy(scored, (entry) => entry.score)?.seat;
}

/**
 * PageDown: ROWS_PER_PAGE rows further in the section, or its last row; from the last row, the
 * next section's first. Then the first row from there on with a choosable seat, at the seat
 * nearest across. PageUp mirrors it.
 */
function pageJump<S extends NavSeat>(
  seats: readonly S[],
  from: NavSeat,
  direction: 1 | -1,
  canChoose: CanChoose,
) {
  const rows = rowsInOrder(seats);
  const here = rows.findIndex((row) => sameRow(row[0] as NavSeat, from));
  if (here === -1) return undefined;
  const section = from.section;
  let target = here;
  for (let step = 0; step < ROWS_PER_PAGE; step++) {
    const next = rows[target + direction];
    if (!next) break;
    const crossesSection = (next[0] as NavSeat).section !== section;
    // Crossing into another section is a whole jump on its own.
    if (crossesSection && target !== here) break;
    target += direction;
    if (crossesSection) break;
  }
  for (let index = target; index >= 0 && index < rows.length; index += direction) {
    if (index === here) continue;
    const choosable = (rows[index] as S[]).filter(canChoose);
    if (choosable.length > 0) return minBy(choosable, (seat) => Math.abs(seat.x - from.x));
  }
  return undefined;
}

/** Seats grouped by row, rows ordered by section, then top to bottom. */
function rowsInOrder<S extends NavSeat>(seats: readonly S[]): S[][] {
  const rows = new Map<string, S[]>();
  for (const seat of seats) {
    const key = `${seat.section}\u0000${seat.row}`;
    rows.set(key, [...(rows.get(key) ?? []), seat]);
  }
  const meanY = (row: S[]) => row.reduce((sum, seat) => sum + seat.y, 0) / row.length;
  return [...rows.values()].sort(
    (a, b) => (a[0] as S).section - (b[0] as S).section || meanY(a) - meanY(b),
  );
}

function sameRow(a: NavSeat, b: NavSeat) {
  return a.section === b.section && a.row === b.row;
}

function readingOrder(a: NavSeat, b: NavSeat) {
  return a.y - b.y || a.x - b.x;
}

function minBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const value = score(item);
    if (value < bestScore) {
      bestScore = value;
      best = item;
    }
  }
  return best;
}
