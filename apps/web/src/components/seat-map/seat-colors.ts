// How a seat looks: its tier's colour while it can be bought, greys once it cannot.
import type { RouterOutputs } from "@openticket/api";

export type SeatMapData = RouterOutputs["event"]["seatMap"];
export type MapSeat = SeatMapData["seats"][number];
export type SeatStatus = MapSeat["status"];

/** Tier colours, distinguishable for the common colour-vision deficiencies. */
export const TIER_COLORS = ["#7c3aed", "#0891b2", "#ea580c", "#16a34a", "#db2777", "#ca8a04"];

export const STATUS_COLORS = {
  MINE: "#1f5fd6",
  HELD: "#cbd5e1",
  SOLD: "#94a3b8",
  BLOCKED: "#475569",
} as const;

export function tierColor(tier: number) {
  return TIER_COLORS[tier % TIER_COLORS.length] ?? "#64748b";
}

export function seatFill(seat: MapSeat, selected: boolean) {
  if (seat.status === "AVAILABLE") return selected ? "#111827" : tierColor(seat.tier);
  return STATUS_COLORS[seat.status];
}

export function seatStroke(seat: MapSeat, selected: boolean) {
  if (selected) return "#f59e0b";
  if (seat.status === "MINE") return "#0b2a66";
  return "#ffffff";
}
