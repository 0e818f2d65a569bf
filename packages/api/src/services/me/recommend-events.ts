// me.recommendations (R6): upcoming events the caller may like, judged from what they booked,
// each with the reason it was picked so the page can say why.
//
// The rule is simple enough to explain on the page. History is the events of every PAID order
// of the caller, past and upcoming. A candidate event scores
//   4 if its performer is one the caller has booked,
// + 2 if its category is,
// + 1 if its city is.
// The weights are powers of two so that a stronger signal beats all weaker ones together:
// performer (4) > category + city (3) > category (2) > city (1). Equal scores go to the sooner
// event, then by id so pages are stable. Events scoring 0 are "popular": most tickets sold
// first, then sooner. They are all a caller without history sees, and they fill the list when
// history matches fewer than `limit` events, so the section is never half empty.
//
// Candidates are events the caller could buy a seat for now or soon: PUBLISHED, not ended,
// sales not closed and opening within SALES_OPEN_SOON_MS, at least one seat AVAILABLE, and not
// already held by a live ticket of the caller's.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { pageSize } from "../../input.ts";
import { salesCloseSql } from "../event/sale-state.ts";
import { LIVE_TICKET_STATUSES } from "../tickets/live-tickets.ts";
import { loadEventCards } from "./event-cards.ts";

export const recommendationsInput = z.object({ limit: pageSize(24, 6) }).prefault({});

const WEIGHTS = { performer: 4, category: 2, city: 1 } as const;

/** Events whose sales open later than this are not recommended yet. */
const SALES_OPEN_SOON_MS = 14 * 24 * 3600_000;

/** Only the most recent bookings shape recommendations: tastes change. */
const HISTORY_LIMIT = 200;

type MatchKind = keyof typeof WEIGHTS;

export type RecommendationReason =
  | {
      kind: MatchKind;
      /** The performer, the category (an EventCategory) or the city that matched. */
      value: string;
      /** The booked event that shares it: the most recent one attended, else the soonest. */
      becauseEventTitle: string;
      /** Whether that event has happened ("you went to") or is still ahead ("you're going"). */
      becauseEventPast: boolean;
    }
  | { kind: "popular" };

type HistoryEvent = Awaited<ReturnType<typeof loadHistory>>[number];

export async function recommendEvents(
  db: Db,
  input: z.output<typeof recommendationsInput>,
  caller: Caller,
) {
  const now = caller.now();
  const history = await loadHistory(db, caller.user.id);
  const liked = {
    performer: distinct(history.map((event) => event.performer).filter(Boolean)),
    category: distinct(history.map((event) => event.category)),
    city: distinct(history.map((event) => event.city)),
  };

  const ranked = await db.$queryRaw<{ id: string }[]>`
    WITH candidates AS (
      SELECT e.id, e.starts_at, seats.sold,
        CASE WHEN e.performer = ANY(${liked.performer}::text[]) THEN ${WEIGHTS.performer} ELSE 0 END
        + CASE WHEN e.category::text = ANY(${liked.category}::text[]) THEN ${WEIGHTS.category} ELSE 0 END
        + CASE WHEN e.city = ANY(${liked.city}::text[]) THEN ${WEIGHTS.city} ELSE 0 END
        AS score
      FROM events e
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE es.status = 'SOLD')::int AS sold,
               count(*) FILTER (WHERE es.status = 'AVAILABLE')::int AS available
        FROM event_seats es WHERE es.event_id = e.id
      ) seats
      WHERE e.status = 'PUBLISHED'
        AND e.ends_at > ${now}
        AND ${salesCloseSql("e")} > ${now}
        AND (e.sales_start_at IS NULL
          OR e.sales_start_at <= ${new Date(now.getTime() + SALES_OPEN_SOON_MS)})
        AND seats.available > 0
        AND NOT EXISTS (
          SELECT 1 FROM orders o JOIN tickets t ON t.order_id = o.id
          WHERE o.event_id = e.id AND o.user_id = ${caller.user.id}::uuid AND o.status = 'PAID'
            AND t.status::text = ANY(${[...LIVE_TICKET_STATUSES]}::text[]))
    )
    SELECT id FROM candidates
    ORDER BY score DESC, CASE WHEN score = 0 THEN sold ELSE 0 END DESC, starts_at, id
    LIMIT ${input.limit}`;

  const cards = await loadEventCards(
    db,
    ranked.map((row) => row.id),
  );
  return {
    items: cards.map((card) => ({ ...card, reason: reasonFor(card, history, now) })),
  };
}

/** The events of the caller's PAID orders, newest first (the first past one was attended last). */
function loadHistory(db: Db, userId: string) {
  return db.event.findMany({
    where: { orders: { some: { userId, status: "PAID" } } },
    select: { title: true, performer: true, category: true, city: true, startsAt: true },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
  });
}

/** The strongest signal that picked `event`; the same comparisons as the SQL score. */
function reasonFor(
  event: Pick<HistoryEvent, MatchKind>,
  history: HistoryEvent[],
  now: Date,
): RecommendationReason {
  const strongestFirst: MatchKind[] = ["performer", "category", "city"];
  for (const kind of strongestFirst) {
    const value = event[kind];
    if (kind === "performer" && !value) continue;
    const matching = history.filter((booked) => booked[kind] === value);
    // The latest event attended reads best ("because you went to…"); else the next one ahead.
    const because = matching.find((booked) => booked.startsAt < now) ?? matching.at(-1);
    if (because) {
      return {
        kind,
        value,
        becauseEventTitle: because.title,
        becauseEventPast: because.startsAt < now,
      };
    }
  }
  return { kind: "popular" };
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}
