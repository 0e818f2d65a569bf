// Whether an event sells seats right now: published, not started, inside its sales window.
import type { Db } from "@openticket/db";
import { AppError } from "../../errors.ts";

export async function loadEventForSale(db: Db, eventId: string) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      salesStartAt: true,
      salesEndAt: true,
      maxSeatsPerOrder: true,
      currency: true,
    },
  });
  if (!event || event.status === "DRAFT")
    throw new AppError("NOT_FOUND", "This event does not exist.");
  return event;
}

export type SaleWindow = Pick<
  Awaited<ReturnType<typeof loadEventForSale>>,
  "status" | "startsAt" | "salesStartAt" | "salesEndAt"
>;

export function assertOnSale(event: SaleWindow, now: Date) {
  const salesEnd = event.salesEndAt ?? event.startsAt;
  if (event.status !== "PUBLISHED") throw new AppError("BAD_REQUEST", "This event is not on sale.");
  if (event.salesStartAt && now < event.salesStartAt) {
    throw new AppError("BAD_REQUEST", "Sales for this event have not started yet.", {
      salesStartAt: event.salesStartAt.toISOString(),
    });
  }
  if (now >= salesEnd) throw new AppError("BAD_REQUEST", "Sales for this event have ended.");
}
