"use client";
// A hold that ran out before payment. Checkout hands its seats to the seat map it sends the
// buyer back to (through sessionStorage, for this tab only); the map's own countdown hands them
// over the same way. The map then says what happened where the buyer is looking, selects again
// the seats that are still free and offers to hold them again.
import { useCallback, useEffect, useState } from "react";
import type { MapSeat } from "./seat-colors";

/** Positions in the layout version they index (see event.seatLayout). */
export type ExpiredHold = { layoutVersion: string; positions: number[] };

const storageKey = (eventId: string) => `openticket:expired-hold:${eventId}`;

export function rememberExpiredHold(eventId: string, hold: ExpiredHold) {
  sessionStorage.setItem(storageKey(eventId), JSON.stringify(hold));
}

function takeExpiredHold(eventId: string): ExpiredHold | null {
  const saved = sessionStorage.getItem(storageKey(eventId));
  if (!saved) return null;
  sessionStorage.removeItem(storageKey(eventId));
  try {
    const hold = JSON.parse(saved) as Partial<ExpiredHold>;
    if (typeof hold.layoutVersion !== "string" || !Array.isArray(hold.positions)) return null;
    return {
      layoutVersion: hold.layoutVersion,
      positions: hold.positions.filter((position) => Number.isInteger(position)),
    };
  } catch {
    return null;
  }
}

/**
 * The seats of a hold that ran out (`lost`: null when none did; empty when the map changed
 * since and they cannot be shown). Once the map no longer shows them as the buyer's, the free
 * ones become the selection again. `expire` records a hold that ran out on this map.
 */
export function useExpiredHold(
  eventId: string,
  layoutVersion: string | undefined,
  seats: readonly MapSeat[],
  select: (ids: string[]) => void,
) {
  const [pending, setPending] = useState<ExpiredHold | null>(null);
  const [lost, setLost] = useState<number[] | null>(null);

  useEffect(() => {
    const hold = takeExpiredHold(eventId);
    if (hold) setPending(hold);
  }, [eventId]);

  useEffect(() => {
    if (!pending || !layoutVersion || seats.length === 0) return;
    if (pending.layoutVersion !== layoutVersion) {
      setPending(null);
      setLost([]);
      return;
    }
    // The server may count the hold a moment longer than the browser did: wait until the map
    // shows the seats as no longer the buyer's.
    if (pending.positions.some((position) => seats[position]?.status === "MINE")) return;
    setPending(null);
    setLost(pending.positions);
    select(
      pending.positions.filter((position) => seats[position]?.status === "AVAILABLE").map(String),
    );
  }, [pending, layoutVersion, seats, select]);

  const expire = useCallback(
    (positions: number[]) => {
      if (layoutVersion) setPending({ layoutVersion, positions });
    },
    [layoutVersion],
  );
  const dismiss = useCallback(() => setLost(null), []);
  return { lost, expire, dismiss };
}
