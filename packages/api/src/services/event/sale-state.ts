// Whether an event sells tickets at a given moment: the one definition, used by hold and
// checkout (assertOnSale), by event pages (saleState, through event.byId) and by SQL listings
// (salesCloseSql). Sales are open while the event is PUBLISHED, from salesStartAt (or at once)
// until salesEndAt (or the event's start).
import { type Db, type EventStatus, Prisma } from "@openticket/db";
import { AppError } from "../../errors.ts";

export type SaleWindow = {
  status: EventStatus;
  startsAt: Date;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
};

export type SaleState = "NOT_PUBLISHED" | "NOT_STARTED" | "ON_SALE" | "ENDED";

/** When sales close: salesEndAt, or the event's start when none is set. */
export function salesCloseAt(event: SaleWindow): Date {
  return event.salesEndAt ?? event.startsAt;
}

export function saleState(event: SaleWindow, now: Date): SaleState {
  if (event.status !== "PUBLISHED") return "NOT_PUBLISHED";
  if (event.salesStartAt && now < event.salesStartAt) return "NOT_STARTED";
  if (now >= salesCloseAt(event)) return "ENDED";
  return "ON_SALE";
}

export function assertOnSale(event: SaleWindow, now: Date) {
  switch (saleState(event, now)) {
    case "NOT_PUBLISHED":
      throw new AppError("BAD_REQUEST", "This event is not on sale.");
    case "NOT_STARTED":
      throw new AppError("BAD_REQUEST", "Sales for this event have not started yet.", {
        salesStartAt: event.salesStartAt?.toISOString(),
      });
    case "ENDED":
      throw new AppError("BAD_REQUEST", "Sales for this event have ended.");
    case "ON_SALE":
      return;
  }
}

/** salesCloseAt in SQL, for the events table under `alias` (e.g. `e`). */
export function salesCloseSql(alias: string): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`COALESCE(${table}.sales_end_at, ${table}.starts_at)`;
}

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
