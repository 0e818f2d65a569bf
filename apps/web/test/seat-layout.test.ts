// The seat map's geometry (./src/components/seat-map/seat-layout.ts): section outlines for the
// overview, the grid that decides which seats are drawn, and where row labels go — including
// rows that run downwards, as in the arena's side stands.
import { expect, it } from "vitest";
import { buildLayout, CELL, convexHull } from "../src/components/seat-map/seat-layout";

function block(section: number, origin: { x: number; y: number }, vertical = false) {
  return Array.from({ length: 12 }, (_, i) => {
    const row = String.fromCharCode(65 + Math.floor(i / 4));
    const along = (i % 4) * 10;
    const across = Math.floor(i / 4) * 10;
    return {
      id: `${section}-${i}`,
      section,
      row,
      x: origin.x + (vertical ? across : along),
      y: origin.y + (vertical ? along : across),
    };
  });
}

it("outlines a block of seats by its corners", () => {
  const hull = convexHull(block(0, { x: 0, y: 0 }));
  expect(hull).toHaveLength(4);
  expect(hull).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ x: 0, y: 0 }),
      expect.objectContaining({ x: 30, y: 20 }),
    ]),
  );
});

it("indexes seats by grid cell and puts row labels before each row's first seat", () => {
  const seats = [...block(0, { x: 0, y: 0 }), ...block(1, { x: 500, y: 0 }, true)];
  const layout = buildLayout(seats);
  expect(layout.sections.map((section) => section.index)).toEqual([0, 1]);
  // Two far-apart blocks land in different cells; every seat in exactly one.
  const cells = [...layout.cells.values()];
  expect(cells.flat().sort((a, b) => a - b)).toEqual(seats.map((_, index) => index));
  expect(layout.cells.get(`${Math.floor(500 / CELL)},0`)).toContain(12);
  // Rows across: label left of the leftmost seat; rows running down: above the top seat.
  expect(layout.rows.find((row) => row.section === 0 && row.row === "B")).toEqual({
    section: 0,
    row: "B",
    x: 0,
    y: 10,
    vertical: false,
    end: 30,
  });
  expect(layout.rows.find((row) => row.section === 1 && row.row === "C")).toEqual({
    section: 1,
    row: "C",
    x: 520,
    y: 0,
    vertical: true,
    end: 30,
  });
  expect(layout.indexById.get("1-0")).toBe(12);
});
