"use client";
// Others' holds end on the open map by themselves: each held seat knows when its hold ends, and
// the map turns it back to AVAILABLE then, even if the live feed is down. Normally the server's
// sweeper announces it first; the grace keeps a browser clock that runs a little fast from
// offering a seat the server still counts as held.
import { useEffect, useMemo } from "react";
import type { SeatMapData } from "./seat-colors";

const GRACE_MS = 1_000;

/** The map with every hold that ended by `nowMs` turned back to AVAILABLE. */
export function freeExpiredHolds(map: SeatMapData, nowMs: number): SeatMapData {
  let changed = false;
  const seats = map.seats.map((seat) => {
    if (seat.status !== "HELD" || !seat.expiresAt || seat.expiresAt.getTime() > nowMs) return seat;
    changed = true;
    const { expiresAt: _ended, ...rest } = seat;
    return { ...rest, status: "AVAILABLE" as const };
  });
  return changed ? { ...map, seats } : map;
}

/** Frees others' holds on the map when they end. `update` patches the cached map. */
export function useFreeExpiredHolds(
  map: SeatMapData,
  update: (patch: (map: SeatMapData) => SeatMapData) => void,
) {
  const nextEnd = useMemo(() => {
    let earliest: number | null = null;
    for (const seat of map.seats) {
      const end = seat.status === "HELD" ? seat.expiresAt?.getTime() : undefined;
      if (end !== undefined && (earliest === null || end < earliest)) earliest = end;
    }
    return earliest;
  }, [map]);
  useEffect(() => {
    if (nextEnd === null) return;
    const timer = setTimeout(
      () => update((current) => freeExpiredHolds(current, Date.now() - GRACE_MS)),
      Math.max(0, nextEnd + GRACE_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [nextEnd, update]);
}
