// organizer.analytics (R13): how full one event is — overall and per section and row, for a
// heat map — with utilisation = sold / sellable (sellable leaves BLOCKED seats out); attendance
// (checked in against sold) once the event has started, final once it has ended; the tickets
// of each ticket type (sold against its quota, and checked in) and of each discount code used;
// and revenue.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { loadEventFigures, NO_FIGURES } from "../event-figures.ts";
import { findOwnEvent } from "../ownership.ts";

export const analyticsInput = z.object({ eventId: id });

type TypeCounts = {
  /** Null: tickets at the tier `name`'s own price. */
  ticketTypeId: string | null;
  name: string;
  quota: number | null;
  sold: number;
  checkedIn: number;
  part: number;
  ordering: number;
};

type CodeCounts = { code: string; orders: number; sold: number; checkedIn: number };

type RowCounts = {
  section_id: string;
  section: string;
  standing: boolean;
  row_label: string;
  sellable: number;
  sold: number;
  blocked: number;
};

export async function getAnalytics(db: Db, input: z.output<typeof analyticsInput>, caller: Caller) {
  const now = caller.now();
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    id: true,
    title: true,
    status: true,
    startsAt: true,
    endsAt: true,
    currency: true,
  });
  const [figureMap, rows, types, codes] = await Promise.all([
    loadEventFigures(db, [event.id]),
    db.$queryRaw<RowCounts[]>`
      SELECT sec.id AS section_id, sec.name AS section, sec.kind = 'STANDING' AS standing,
             s.row_label,
             count(*) FILTER (WHERE es.status <> 'BLOCKED')::int AS sellable,
             count(*) FILTER (WHERE es.status = 'SOLD')::int AS sold,
             count(*) FILTER (WHERE es.status = 'BLOCKED')::int AS blocked
      FROM event_seats es
      JOIN seats s ON s.id = es.seat_id
      JOIN sections sec ON sec.id = s.section_id
      WHERE es.event_id = ${event.id}::uuid
      GROUP BY sec.id, sec.name, sec.kind, sec.ordering, s.row_label
      ORDER BY sec.ordering, sec.name, length(s.row_label), s.row_label`,
    // The live tickets at each tier's own price (no type), then of each type.
    db.$queryRaw<TypeCounts[]>`
      SELECT NULL AS "ticketTypeId", pt.name, NULL::int AS quota,
             count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN'))::int AS sold,
             count(t.id) FILTER (WHERE t.status = 'CHECKED_IN')::int AS "checkedIn",
             0 AS part, pt.ordering
      FROM price_tiers pt
      JOIN event_seats es ON es.tier_id = pt.id
      LEFT JOIN tickets t ON t.event_seat_id = es.id AND t.ticket_type_id IS NULL
      WHERE pt.event_id = ${event.id}::uuid
      GROUP BY pt.id
      UNION ALL
      SELECT tt.id::text, tt.name, tt.quota,
             count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN'))::int,
             count(t.id) FILTER (WHERE t.status = 'CHECKED_IN')::int,
             1, tt.ordering
      FROM ticket_types tt LEFT JOIN tickets t ON t.ticket_type_id = tt.id
      WHERE tt.event_id = ${event.id}::uuid
      GROUP BY tt.id
      ORDER BY part, ordering, name`,
    // The live tickets of the paid orders that used each code, and how many came in.
    db.$queryRaw<CodeCounts[]>`
      SELECT d.code,
             count(DISTINCT o.id)::int AS orders,
             count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN'))::int AS sold,
             count(t.id) FILTER (WHERE t.status = 'CHECKED_IN')::int AS "checkedIn"
      FROM orders o
      JOIN discount_codes d ON d.id = o.discount_code_id
      JOIN tickets t ON t.order_id = o.id
      WHERE o.event_id = ${event.id}::uuid AND o.status = 'PAID'
      GROUP BY d.id, d.code
      ORDER BY sold DESC, d.code`,
  ]);
  const figures = figureMap.get(event.id) ?? NO_FIGURES;
  const started = event.startsAt <= now;
  return {
    eventId: event.id,
    title: event.title,
    status: event.status,
    currency: event.currency,
    seats: {
      total: figures.seats,
      blocked: figures.blocked,
      sellable: figures.sellable,
      sold: figures.sold,
      unsold: figures.sellable - figures.sold,
      utilisation: figures.utilisation,
    },
    sections: bySection(rows),
    /**
     * Tickets at each tier's own price (ticketTypeId null, name the tier's), then of each ticket
     * type; only for an event with types (otherwise the sections say it all).
     */
    byType: types.some((type) => type.ticketTypeId !== null)
      ? types.map(({ part: _, ordering: __, ...counts }) => counts)
      : [],
    /** Each discount code used on the event's paid orders: orders, live tickets, checked in. */
    byCode: codes,
    attendance: started
      ? {
          sold: figures.sold,
          checkedIn: figures.checkedIn,
          rate: figures.sold > 0 ? figures.checkedIn / figures.sold : null,
          /** False while the event is still running: more people may arrive. */
          final: event.endsAt <= now,
        }
      : null,
    revenue: { revenue: figures.revenue, refunds: figures.refunds, net: figures.net },
  };
}

function bySection(rows: RowCounts[]) {
  const sections = new Map<
    string,
    {
      sectionId: string;
      name: string;
      /** A standing zone: its one "row" is all its places, so its utilisation is the zone's. */
      standing: boolean;
      sellable: number;
      sold: number;
      blocked: number;
      rows: { row: string; sellable: number; sold: number; utilisation: number | null }[];
    }
  >();
  for (const row of rows) {
    let section = sections.get(row.section_id);
    if (!section) {
      section = {
        sectionId: row.section_id,
        name: row.section,
        standing: row.standing,
        sellable: 0,
        sold: 0,
        blocked: 0,
        rows: [],
      };
      sections.set(row.section_id, section);
    }
    section.sellable += row.sellable;
    section.sold += row.sold;
    section.blocked += row.blocked;
    section.rows.push({
      row: row.row_label,
      sellable: row.sellable,
      sold: row.sold,
      utilisation: utilisation(row.sold, row.sellable),
    });
  }
  return [...sections.values()].map((section) => ({
    ...section,
    utilisation: utilisation(section.sold, section.sellable),
  }));
}

function utilisation(sold: number, sellable: number) {
  return sellable > 0 ? sold / sellable : null;
}
