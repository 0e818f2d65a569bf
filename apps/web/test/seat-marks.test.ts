// Seat marks stay legible for everyone (issue 16): each tier and state colour has at least 3:1
// contrast against the white map (WCAG 1.4.11, non-text contrast), and the states a colour-blind
// buyer confused by colour alone — held by someone else vs sold, selected vs not for sale — differ
// in shape too.
import { expect, it } from "vitest";
import {
  type MarkKind,
  SELECTED_FILL,
  SELECTED_RING,
  STATUS_COLORS,
  seatMark,
  TIER_COLORS,
} from "../src/components/seat-map/seat-colors";

function luminance(hex: string) {
  const channels = [1, 3, 5].map((start) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastWithWhite(hex: string) {
  return 1.05 / (luminance(hex) + 0.05);
}

it("gives every seat colour at least 3:1 contrast against the white map", () => {
  const colours = [...TIER_COLORS, ...Object.values(STATUS_COLORS), SELECTED_FILL, SELECTED_RING];
  const weak = colours.filter((colour) => contrastWithWhite(colour) < 3);
  expect(weak).toEqual([]);
});

it("draws confusable states with different shapes, not only different colours", () => {
  const shape = (kind: MarkKind) => seatMark(kind).shape;
  expect(shape("HELD")).not.toBe(shape("SOLD"));
  expect(shape("SELECTED")).not.toBe(shape("BLOCKED"));
  // Every state its own shape, and none the shape of a free seat.
  const states: MarkKind[] = ["AVAILABLE", "SELECTED", "MINE", "HELD", "SOLD", "BLOCKED"];
  expect(new Set(states.map(shape)).size).toBe(states.length);
});
