// event.seatLayout: what does not change during a sale — sections, tiers and where every seat
// is drawn — built once per process per event and version, and shared by every request.
//
// Revalidation: a cached layout older than LAYOUT_RECHECK_MS is checked with a fingerprint query
// (a few aggregates; no rows sent) before it is served again; only a changed fingerprint rebuilds
// it. Tier assignments, prices and seats can change on a published event without touching the
// event row, so no cheaper marker exists without a trigger. Concurrent requests share one build
// or check (single-flight); at most LAYOUT_CACHE_SIZE events are kept (least recently used go).
import { createHash } from "node:crypto";
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { assertVisible } from "../event/get-seat-map.ts";
import { encodeLayoutColumns, type SeatLayoutWire } from "./codec.ts";

export const seatLayoutInput = z.object({ eventId: id });

export const LAYOUT_RECHECK_MS = 2_000;
const LAYOUT_CACHE_SIZE = 64;

/** A layout as the server keeps it: the wire form plus the id ↔ position maps. */
export type ServerSeatLayout = {
  wire: SeatLayoutWire;
  /** Event seat ids, by position. */
  eventSeatIds: string[];
  positionOf: Map<string, number>;
  /** For visibility and caching: who may see a draft, and whether the URL may be cached. */
  eventStatus: string;
  organizerId: string;
  fingerprint: string;
};

type Entry = { layout: Promise<ServerSeatLayout | null>; checkedAt: number };

const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * The event's layout, if the caller may see the event (NOT_FOUND otherwise). `signal` stops
 * this caller waiting; a build others share goes on.
 */
export async function getSeatLayout(
  db: Db,
  eventId: string,
  caller: Visitor,
  options: { signal?: AbortSignal; recheckMs?: number } = {},
): Promise<ServerSeatLayout> {
  options.signal?.throwIfAborted();
  const layout = await cachedLayout(db, eventId, options.recheckMs ?? LAYOUT_RECHECK_MS);
  options.signal?.throwIfAborted();
  assertVisible(layout && { status: layout.eventStatus, organizerId: layout.organizerId }, caller);
  if (!layout) throw new AppError("NOT_FOUND", "This event does not exist.");
  return layout;
}

/** The layout without a visibility check: for the server's own use (the status board). */
export function cachedLayoutUnchecked(db: Db, eventId: string) {
  return cachedLayout(db, eventId, LAYOUT_RECHECK_MS);
}

function cachedLayout(db: Db, eventId: string, recheckMs: number) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const entry = cache.get(eventId);
  const now = Date.now();
  if (entry) {
    // Most recently used last: Map keeps insertion order.
    cache.delete(eventId);
    cache.set(eventId, entry);
    if (now - entry.checkedAt < recheckMs) return entry.layout;
    entry.checkedAt = now;
    const previous = entry.layout;
    entry.layout = previous.then(async (layout) => {
      const fingerprint = await readFingerprint(db, eventId);
      if (layout && fingerprint === layout.fingerprint) return layout;
      return fingerprint === null ? null : buildLayout(db, eventId);
    });
    forgetOnFailure(cache, eventId, entry);
    return entry.layout;
  }
  const fresh: Entry = { layout: buildLayout(db, eventId), checkedAt: now };
  cache.set(eventId, fresh);
  forgetOnFailure(cache, eventId, fresh);
  while (cache.size > LAYOUT_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return fresh.layout;
}

/** A failed build is not cached: the next request tries again. */
function forgetOnFailure(cache: Map<string, Entry>, eventId: string, entry: Entry) {
  entry.layout.catch(() => {
    if (cache.get(eventId) === entry) cache.delete(eventId);
  });
}

type SeatRow = {
  id: string;
  section_id: string;
  tier_id: string;
  row_label: string;
  number: number;
  label: string;
  x: number;
  y: number;
};

type SeatTuple = [string, string, string, string, number, string, number, number];

/** Null when the event does not exist. */
export async function buildLayout(db: Db, eventId: string): Promise<ServerSeatLayout | null> {
  const [event, fingerprint] = await Promise.all([
    db.event.findUnique({
      where: { id: eventId },
      select: {
        id: true,
        status: true,
        organizerId: true,
        currency: true,
        venue: {
          select: {
            sections: {
              select: { id: true, name: true, kind: true },
              orderBy: [{ ordering: "asc" }, { id: "asc" }],
            },
          },
        },
        priceTiers: {
          select: { id: true, name: true, price: true },
          orderBy: [{ ordering: "asc" }, { price: "desc" }, { id: "asc" }],
        },
      },
    }),
    readFingerprint(db, eventId),
  ]);
  if (!event || fingerprint === null) return null;
  // The stable order that defines positions. COLLATE "C": the same order whatever the
  // database's locale. One JSON text rather than 50,000 rows: the driver's per-row work was most
  // of the build's time.
  const [result] = await db.$queryRaw<{ seats: string | null }[]>`
    SELECT json_agg(json_build_array(es.id, s.section_id, es.tier_id, s.row_label, s.number,
                                     s.label, s.x, s.y)
                    ORDER BY sec.ordering, sec.id, s.row_label COLLATE "C", s.number, es.id)::text
           AS seats
    FROM event_seats es
    JOIN seats s ON s.id = es.seat_id
    JOIN sections sec ON sec.id = s.section_id
    WHERE es.event_id = ${eventId}::uuid`;
  const rows = (JSON.parse(result?.seats ?? "[]") as SeatTuple[]).map(
    ([id, section_id, tier_id, row_label, number, label, x, y]): SeatRow => ({
      id,
      section_id,
      tier_id,
      row_label,
      number,
      label,
      x,
      y,
    }),
  );
  const sectionIndex = new Map(event.venue.sections.map((section, index) => [section.id, index]));
  const tierIndex = new Map(event.priceTiers.map((tier, index) => [tier.id, index]));
  const columns = encodeLayoutColumns(
    rows.map((row) => ({
      section: sectionIndex.get(row.section_id) ?? 0,
      tier: tierIndex.get(row.tier_id) ?? 0,
      row: row.row_label,
      number: row.number,
      label: row.label,
      x: row.x,
      y: row.y,
    })),
  );
  const eventSeatIds = rows.map((row) => row.id);
  const content = {
    eventId: event.id,
    currency: event.currency,
    sections: event.venue.sections.map(({ id, name, kind }) => ({
      id,
      name,
      standing: kind === "STANDING",
    })),
    tiers: event.priceTiers,
    seatCount: rows.length,
    ...columns,
  };
  // The ids are hashed too: the same drawing with other seats behind it is another layout.
  const version = createHash("sha256")
    .update(JSON.stringify(content))
    .update(eventSeatIds.join(","))
    .digest("base64url")
    .slice(0, 16);
  return {
    wire: { ...content, version },
    eventSeatIds,
    positionOf: new Map(eventSeatIds.map((id, position) => [id, position])),
    eventStatus: event.status,
    organizerId: event.organizerId,
    fingerprint,
  };
}

/**
 * Everything the layout depends on, folded into a few aggregates: the event row, its tiers, its
 * venue's sections, and each event seat with its tier. A seat's drawing (row, number, label,
 * x, y) is not read: seats are only ever added or removed, never edited, and either changes the
 * event's seat ids. Null when the event does not exist.
 */
async function readFingerprint(db: Db, eventId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('|', e.status, e.organizer_id, e.currency,
      (SELECT string_agg(concat_ws(',', t.id, t.name, t.price, t.ordering), ';' ORDER BY t.id)
         FROM price_tiers t WHERE t.event_id = e.id),
      (SELECT string_agg(concat_ws(',', sec.id, sec.name, sec.ordering, sec.kind), ';' ORDER BY sec.id)
         FROM sections sec WHERE sec.venue_id = e.venue_id),
      (SELECT concat_ws(',', count(*), sum(hashtext(es.id::text || es.tier_id::text)))
         FROM event_seats es WHERE es.event_id = e.id)
    ) AS fingerprint
    FROM events e WHERE e.id = ${eventId}::uuid`;
  return row?.fingerprint ?? null;
}
