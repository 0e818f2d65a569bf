"use client";
// Others' holds end on the open map by themselves: each held seat the live stream announced
// knows when its hold ends, and the map turns it back to AVAILABLE then, even if the stream is
// down. Normally the server announces it first; the grace keeps a browser clock that runs a
// little fast from offering a seat the server still counts as held.
import { SEAT_CODES, type SeatStatus } from "@openticket/api/seat-map";
import { useEffect, useMemo } from "react";

const GRACE_MS = 1_000;

/** The live status of the open map, and when each announced hold of someone else ends. */
export type LiveSeats = { status: SeatStatus; holdEnds: Map<number, number> };

/** The live seats with every hold that ended by `nowMs` turned back to AVAILABLE. */
export function freeExpiredHolds(live: LiveSeats, nowMs: number): LiveSeats {
  let statuses: Uint8Array | null = null;
  const holdEnds = new Map(live.holdEnds);
  for (const [position, end] of live.holdEnds) {
    if (end > nowMs) continue;
    holdEnds.delete(position);
    if (live.status.statuses[position] !== SEAT_CODES.HELD) continue;
    statuses ??= live.status.statuses.slice();
    statuses[position] = SEAT_CODES.AVAILABLE;
  }
  if (holdEnds.size === live.holdEnds.size) return live;
  return { status: statuses ? { ...live.status, statuses } : live.status, holdEnds };
}

/** Frees others' holds on the map when they end. `update` patches the live seats. */
export function useFreeExpiredHolds(
  live: LiveSeats | null,
  update: (patch: (live: LiveSeats) => LiveSeats) => void,
) {
  const nextEnd = useMemo(() => {
    let earliest: number | null = null;
    for (const end of live?.holdEnds.values() ?? []) {
      if (earliest === null || end < earliest) earliest = end;
    }
    return earliest;
  }, [live]);
  useEffect(() => {
    if (nextEnd === null) return;
    const timer = setTimeout(
      () => update((current) => freeExpiredHolds(current, Date.now() - GRACE_MS)),
      Math.max(0, nextEnd + GRACE_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [nextEnd, update]);
}
