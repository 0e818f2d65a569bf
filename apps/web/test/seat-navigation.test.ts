// Keyboard navigation on the seat map stops only on seats that can be chosen (issue 16: it took
// 43 arrow presses to reach the first free seat), and Home/End/PageUp/PageDown move.
import { expect, it } from "vitest";
import {
  firstChoosable,
  type NavSeat,
  nextSeat,
  ROWS_PER_PAGE,
} from "../src/components/seat-map/seat-navigation";

/** A grid: `rows` rows of `perRow` seats per section, sections side by side; all available. */
function grid(sections: number, rows: number, perRow: number): NavSeat[] {
  const seats: NavSeat[] = [];
  for (let section = 0; section < sections; section++) {
    for (let r = 0; r < rows; r++) {
      for (let n = 1; n <= perRow; n++) {
        seats.push({
          id: `${section}-${String.fromCharCode(65 + r)}-${n}`,
          section,
          row: String.fromCharCode(65 + r),
          x: section * (perRow + 2) * 10 + n * 10,
          y: r * 10,
          status: "AVAILABLE",
        });
      }
    }
  }
  return seats;
}

function withStatus(seats: NavSeat[], ids: string[], status: string) {
  return seats.map((seat) => (ids.includes(seat.id) ? { ...seat, status } : seat));
}

const seat = (seats: NavSeat[], id: string) => {
  const found = seats.find((s) => s.id === id);
  if (!found) throw new Error(`no seat ${id}`);
  return found;
};

const move = (seats: NavSeat[], from: string, key: string, ctrl = false) =>
  nextSeat(seats, seat(seats, from), key, { ctrl })?.id;

it("ArrowRight skips sold, held and blocked seats to the next free one in the row", () => {
  const sold = Array.from({ length: 42 }, (_, i) => `0-A-${i + 2}`);
  let seats = withStatus(grid(1, 2, 50), sold, "SOLD");
  seats = withStatus(seats, ["0-A-44"], "HELD");
  seats = withStatus(seats, ["0-A-45"], "BLOCKED");
  expect(move(seats, "0-A-1", "ArrowRight")).toBe("0-A-46");
  expect(move(seats, "0-A-46", "ArrowLeft")).toBe("0-A-1");
});

it("stops on the buyer's own held seat", () => {
  let seats = withStatus(grid(1, 1, 6), ["0-A-2", "0-A-3", "0-A-5"], "SOLD");
  seats = withStatus(seats, ["0-A-4"], "MINE");
  expect(move(seats, "0-A-1", "ArrowRight")).toBe("0-A-4");
  expect(move(seats, "0-A-4", "ArrowRight")).toBe("0-A-6");
});

it("ArrowDown and ArrowUp go to the nearest free seat in a row below or above", () => {
  const seats = withStatus(grid(1, 4, 5), ["0-B-3", "0-C-3"], "BLOCKED");
  // B-3 is blocked: a neighbour in row B is nearer than C-3 (also blocked) or D-3.
  expect(["0-B-2", "0-B-4"]).toContain(move(seats, "0-A-3", "ArrowDown"));
  expect(move(seats, "0-D-3", "ArrowUp")).toMatch(/^0-C-[24]$/);
});

it("past the end of a row, ArrowRight goes on to the next section", () => {
  const seats = grid(2, 1, 3);
  expect(move(seats, "0-A-3", "ArrowRight")).toBe("1-A-1");
});

it("stays put when no seat that way can be chosen", () => {
  const seats = withStatus(grid(1, 1, 5), ["0-A-4", "0-A-5"], "SOLD");
  expect(move(seats, "0-A-3", "ArrowRight")).toBeUndefined();
  expect(move(seats, "0-A-1", "ArrowLeft")).toBeUndefined();
  expect(move(seats, "0-A-1", "a")).toBeUndefined();
});

it("Home and End go to the row's first and last free seats; with Ctrl, the map's", () => {
  let seats = withStatus(grid(2, 3, 6), ["0-B-1", "0-B-6", "1-C-6"], "SOLD");
  seats = withStatus(seats, ["0-A-1"], "BLOCKED");
  expect(move(seats, "0-B-3", "Home")).toBe("0-B-2");
  expect(move(seats, "0-B-3", "End")).toBe("0-B-5");
  expect(move(seats, "0-B-2", "Home")).toBeUndefined();
  expect(move(seats, "0-B-3", "Home", true)).toBe("0-A-2");
  expect(move(seats, "0-B-3", "End", true)).toBe("1-C-5");
});

it("PageDown jumps several rows, then to the next section; PageUp mirrors it", () => {
  const rows = ROWS_PER_PAGE + 3;
  const seats = grid(2, rows, 4);
  const last = String.fromCharCode(65 + rows - 1);
  const page = String.fromCharCode(65 + ROWS_PER_PAGE);
  expect(move(seats, "0-A-2", "PageDown")).toBe(`0-${page}-2`);
  expect(move(seats, `0-${page}-2`, "PageDown")).toBe(`0-${last}-2`);
  // From the section's last row: the next section's first row, at the seat nearest across.
  expect(move(seats, `0-${last}-2`, "PageDown")).toBe("1-A-1");
  expect(move(seats, "1-A-1", "PageUp")).toBe(`0-${last}-4`);
  expect(move(seats, `0-${page}-2`, "PageUp")).toBe("0-A-2");
  expect(move(seats, `1-${last}-1`, "PageDown")).toBeUndefined();
});

it("PageDown passes rows with nothing free", () => {
  const seats = withStatus(grid(1, 8, 2), ["0-F-1", "0-F-2", "0-G-1"], "SOLD");
  expect(move(seats, "0-A-1", "PageDown")).toBe("0-G-2");
});

it("the first seat to focus is the first free one in reading order", () => {
  const seats = withStatus(grid(1, 2, 4), ["0-A-1", "0-A-2"], "SOLD");
  expect(firstChoosable(seats)?.id).toBe("0-A-3");
  expect(firstChoosable(seats, () => true)?.id).toBe("0-A-1");
});

it("an organizer's map, where every seat can be picked, stops on every seat", () => {
  const seats = withStatus(grid(1, 1, 4), ["0-A-2"], "BLOCKED");
  expect(nextSeat(seats, seat(seats, "0-A-1"), "ArrowRight", { canChoose: () => true })?.id).toBe(
    "0-A-2",
  );
});
