// event.seatMap (R7, R12): every seat of an event, where it is drawn and what the caller may do
// with it, in one query. A hold past its expiry counts as no hold, swept or not.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";

export const seatMapInput = z.object({ eventId: id });

export const SEAT_STATUSES = ["AVAILABLE", "HELD", "MINE", "SOLD", "BLOCKED"] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

type SeatRow = {
  id: string;
  section_id: string;
  row_label: string;
  number: number;
  label: string;
  x: number;
  y: number;
  tier_id: string;
  status: "AVAILABLE" | "RESERVED" | "SOLD" | "BLOCKED";
  holder_id: string | null;
  expires_at: Date | null;
};

/**
 * Refuses an event the caller may not see: unknown ids, and drafts unless the caller is their
 * organizer or an admin. The live feed (event.onSeatChange) applies the same rule.
 */
export function assertVisible<T extends { status: string; organizerId: string }>(
  event: T | null,
  caller: Visitor,
): asserts event is T {
  const canSeeDraft = caller.user?.role === "ADMIN" || caller.user?.id === event?.organizerId;
  if (!event || (event.status === "DRAFT" && !canSeeDraft)) {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
}

/** Checks that the caller may watch an event's seats, before the live feed streams them. */
export async function assertSeatMapVisible(db: Db, eventId: string, caller: Visitor) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { status: true, organizerId: true },
  });
  assertVisible(event, caller);
}

export async function getSeatMap(db: Db, input: z.output<typeof seatMapInput>, caller: Visitor) {
  const viewerId = caller.user?.id ?? null;
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    select: {
      id: true,
      status: true,
      organizerId: true,
      currency: true,
      venue: {
        select: {
          sections: {
            select: { id: true, name: true, ordering: true, kind: true },
            orderBy: { ordering: "asc" },
          },
        },
      },
      priceTiers: {
        select: { id: true, name: true, price: true },
        orderBy: [{ ordering: "asc" }, { price: "desc" }],
      },
    },
  });
  assertVisible(event, caller);
  const rows = await db.$queryRaw<SeatRow[]>`
    SELECT es.id, s.section_id, s.row_label, s.number, s.label, s.x, s.y, es.tier_id, es.status,
           h.user_id AS holder_id, h.expires_at
    FROM event_seats es
    JOIN seats s ON s.id = es.seat_id
    LEFT JOIN seat_holds h ON h.event_seat_id = es.id AND h.expires_at > ${caller.now()}
    WHERE es.event_id = ${event.id}::uuid
    ORDER BY s.section_id, s.row_label, s.number`;

  const sectionIndex = new Map(event.venue.sections.map((section, index) => [section.id, index]));
  const tierIndex = new Map(event.priceTiers.map((tier, index) => [tier.id, index]));
  let myHoldExpiresAt: Date | null = null;
  const seats = rows.map((row) => {
    const status = seatStatus(row, viewerId);
    if (
      status === "MINE" &&
      row.expires_at &&
      (!myHoldExpiresAt || row.expires_at < myHoldExpiresAt)
    ) {
      myHoldExpiresAt = row.expires_at;
    }
    return {
      id: row.id,
      section: sectionIndex.get(row.section_id) ?? 0,
      row: row.row_label,
      number: row.number,
      label: row.label,
      x: row.x,
      y: row.y,
      tier: tierIndex.get(row.tier_id) ?? 0,
      status,
      // Others' holds too, so an open map can free the seat itself when the hold ends.
      ...(status === "HELD" && row.expires_at && { expiresAt: row.expires_at }),
    };
  });
  return {
    eventId: event.id,
    currency: event.currency,
    sections: event.venue.sections.map(({ id, name, kind }) => ({
      id,
      name,
      standing: kind === "STANDING",
    })),
    tiers: event.priceTiers,
    seats,
    /** When the caller's held seats are released, if they hold any. */
    myHoldExpiresAt: myHoldExpiresAt as Date | null,
  };
}

function seatStatus(row: SeatRow, viewerId: string | null): SeatStatus {
  if (row.status === "SOLD" || row.status === "BLOCKED") return row.status;
  if (row.holder_id) return row.holder_id === viewerId ? "MINE" : "HELD";
  return "AVAILABLE";
}
