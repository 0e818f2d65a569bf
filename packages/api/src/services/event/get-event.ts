// One event's details (R3, R7): performer, time, venue, prices with seats left per tier, and the
// refund policy. Drafts are visible only to their organizer and to admins.
import type { Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { saleState } from "./sale-state.ts";

export const getEventInput = z.object({ id });

/** The event's own fields, as its public page and the organizer console both show them. */
export const eventDetailsSelect = {
  id: true,
  title: true,
  description: true,
  performer: true,
  category: true,
  city: true,
  imageUrl: true,
  coverKey: true,
  coverWidth: true,
  coverHeight: true,
  startsAt: true,
  endsAt: true,
  status: true,
  salesStartAt: true,
  salesEndAt: true,
  maxSeatsPerOrder: true,
  currency: true,
  refundableUntilHours: true,
  refundPercent: true,
  organizerId: true,
} satisfies Prisma.EventSelect;

/** How many of an event's seats each price tier has, by status. */
export async function seatCountsByTier(db: Db, eventId: string) {
  const rows = await db.eventSeat.groupBy({
    by: ["tierId", "status"],
    where: { eventId },
    _count: { _all: true },
  });
  return (tierId: string, keep: (status: string) => boolean = () => true) =>
    rows
      .filter((row) => row.tierId === tierId && keep(row.status))
      .reduce((total, row) => total + row._count._all, 0);
}

export async function getEvent(db: Db, input: z.output<typeof getEventInput>, caller: Visitor) {
  const event = await db.event.findUnique({
    where: { id: input.id },
    select: {
      ...eventDetailsSelect,
      organizer: { select: { displayName: true } },
      venue: {
        select: {
          id: true,
          name: true,
          city: true,
          address: true,
          timeZone: true,
          // Any seated section: else the event is sold by standing places only (a talk).
          sections: { where: { kind: "SEATED" }, select: { id: true }, take: 1 },
        },
      },
      waitingRoomOpensAt: true,
      priceTiers: {
        select: { id: true, name: true, price: true },
        orderBy: [{ ordering: "asc" }, { price: "desc" }],
      },
    },
  });
  const canSeeDraft = caller.user?.role === "ADMIN" || caller.user?.id === event?.organizerId;
  if (!event || (event.status === "DRAFT" && !canSeeDraft)) {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  const seats = await seatCountsByTier(db, event.id);
  const { organizerId: _, waitingRoomOpensAt, venue, ...details } = event;
  const { sections, ...venueDetails } = venue;
  return {
    ...details,
    venue: venueDetails,
    /** False when the venue has only standing zones: buyers choose how many, not seats. */
    seated: sections.length > 0,
    /** High-demand: buyers queue in a waiting room before they may hold seats. */
    hasWaitingRoom: waitingRoomOpensAt !== null,
    saleState: saleState(event, caller.now()),
    priceTiers: event.priceTiers.map((tier) => ({
      ...tier,
      seatsTotal: seats(tier.id, (status) => status !== "BLOCKED"),
      seatsAvailable: seats(tier.id, (status) => status === "AVAILABLE"),
    })),
  };
}
