// How a seat looks. A free seat is a disc in its tier's colour; every other state has its own
// SHAPE as well as colour, so that colour-blind buyers (and greyscale screens) still tell them
// apart: selected = dark disc in a thick gold ring, held by you = blue square, held by someone
// else = hollow ring, sold = small dot, not for sale = a cross. Every mark has at least 3:1
// contrast against the white map (WCAG 1.4.11); the numbers are in docs/performance.md.
import type { RouterOutputs } from "@openticket/api";

export type SeatMapData = RouterOutputs["event"]["seatMap"];
export type MapSeat = SeatMapData["seats"][number];
export type SeatStatus = MapSeat["status"];

/**
 * Tier colours: distinct hues and lightness for the common colour-vision deficiencies, each
 * ≥ 3:1 against white (the old yellow #ca8a04 was 2.9:1, now a darker #a16207).
 */
export const TIER_COLORS = ["#7c3aed", "#0e7490", "#c2410c", "#15803d", "#be185d", "#a16207"];

export const STATUS_COLORS = {
  MINE: "#1f5fd6",
  HELD: "#64748b",
  SOLD: "#6b7280",
  BLOCKED: "#334155",
} as const;

export const SELECTED_FILL = "#111827";
export const SELECTED_RING = "#d97706";

export function tierColor(tier: number) {
  return TIER_COLORS[tier % TIER_COLORS.length] ?? "#64748b";
}

export type MarkShape = "disc" | "selected" | "square" | "ring" | "dot" | "cross";
export type MarkKind = SeatStatus | "SELECTED";

/** The shape and colour of a seat in a state (and, free, of its tier). */
export function seatMark(kind: MarkKind, tier = 0): { shape: MarkShape; color: string } {
  switch (kind) {
    case "AVAILABLE":
      return { shape: "disc", color: tierColor(tier) };
    case "SELECTED":
      return { shape: "selected", color: SELECTED_FILL };
    case "MINE":
      return { shape: "square", color: STATUS_COLORS.MINE };
    case "HELD":
      return { shape: "ring", color: STATUS_COLORS.HELD };
    case "SOLD":
      return { shape: "dot", color: STATUS_COLORS.SOLD };
    case "BLOCKED":
      return { shape: "cross", color: STATUS_COLORS.BLOCKED };
  }
}
