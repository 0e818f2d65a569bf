// The seat layout as one React Query query, keyed by event and layout version, from its
// year-cacheable URL (/api/events/:id/seat-layout?v=<version>), which the seats page tells the
// browser to preload. The cache holds the wire form; the picker reads it decoded.
import { decodeSeatLayout, type SeatLayoutWire } from "@openticket/api/seat-map";
import { queryOptions } from "@tanstack/react-query";

export const seatLayoutKey = (eventId: string, version: string) =>
  ["seat-layout", eventId, version] as const;

export const seatLayoutUrl = (eventId: string, version: string) =>
  `/api/events/${eventId}/seat-layout?v=${encodeURIComponent(version)}`;

async function fetchSeatLayout(eventId: string, version: string, signal: AbortSignal) {
  const response = await fetch(seatLayoutUrl(eventId, version), { signal });
  if (!response.ok) throw new Error(`The seat layout answered ${response.status}.`);
  return (await response.json()) as SeatLayoutWire;
}

export function seatLayoutQuery(eventId: string, version: string) {
  return queryOptions({
    queryKey: seatLayoutKey(eventId, version),
    queryFn: ({ signal }) => fetchSeatLayout(eventId, version, signal),
    staleTime: Number.POSITIVE_INFINITY,
    select: decodeSeatLayout,
  });
}
