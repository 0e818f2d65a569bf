// One event's details (R3, R7): performer, time, venue, prices with seats left per tier, and the
// refund policy. Drafts are visible only to their organizer and to admins.
import type { Db } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import type { SessionUser } from "../auth/session-user.ts";

export const getEventInput = z.object({ id: z.uuid() });

export async function getEvent(
  db: Db,
  input: z.output<typeof getEventInput>,
  viewer: SessionUser | null,
) {
  const event = await db.event.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      title: true,
      description: true,
      performer: true,
      category: true,
      city: true,
      imageUrl: true,
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
      organizer: { select: { displayName: true } },
      venue: { select: { id: true, name: true, city: true, address: true, timeZone: true } },
      priceTiers: {
        select: { id: true, name: true, price: true },
        orderBy: [{ ordering: "asc" }, { price: "desc" }],
      },
    },
  });
  const canSeeDraft = viewer?.role === "ADMIN" || viewer?.id === event?.organizerId;
  if (!event || (event.status === "DRAFT" && !canSeeDraft)) {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  const tierCounts = await db.eventSeat.groupBy({
    by: ["tierId", "status"],
    where: { eventId: event.id },
    _count: { _all: true },
  });
  const { organizerId: _, ...details } = event;
  return {
    ...details,
    priceTiers: event.priceTiers.map((tier) => {
      const counts = tierCounts.filter((count) => count.tierId === tier.id);
      const sum = (keep: (status: string) => boolean) =>
        counts
          .filter((count) => keep(count.status))
          .reduce((total, count) => total + count._count._all, 0);
      return {
        ...tier,
        seatsTotal: sum((status) => status !== "BLOCKED"),
        seatsAvailable: sum((status) => status === "AVAILABLE"),
      };
    }),
  };
}
