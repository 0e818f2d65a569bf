// An event on sale with a known seat list, and buyers for it.
import type { Db, Prisma } from "@openticket/db";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";

export async function eventOnSale(
  db: Db,
  options: {
    rows?: number;
    seatsPerRow?: number;
    price?: number;
    event?: Prisma.EventUpdateInput;
  } = {},
) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, {
    ownerId: organizer.id,
    rows: options.rows ?? 2,
    seatsPerRow: options.seatsPerRow ?? 5,
  });
  const created = await makeEvent(db, {
    organizerId: organizer.id,
    venueId: venue.id,
    price: options.price ?? 1000,
  });
  const event = options.event
    ? await db.event.update({ where: { id: created.id }, data: options.event })
    : created;
  const seats = await db.eventSeat.findMany({
    where: { eventId: event.id },
    select: { id: true },
    orderBy: { seat: { label: "asc" } },
  });
  return { organizer, event, seatIds: seats.map((seat) => seat.id) };
}

export function makeBuyers(db: Db, count: number) {
  return Promise.all(Array.from({ length: count }, () => makeUser(db)));
}

type BuyerApi = ReturnType<typeof import("./callers.ts").callerFor>;

/** The demo checkout's reference, from the URL checkout sent the buyer to. */
export function demoReference(redirectUrl: string | null) {
  const reference = redirectUrl?.split("/").at(-1);
  if (!reference) throw new Error(`Not a demo payment page: ${redirectUrl}`);
  return reference;
}

/**
 * Checks out and pays on the demo provider's page, as a buyer would; the demo's signed webhook
 * settles the order before this returns. Answers the order as the buyer then sees it.
 */
export async function checkoutAndPay(api: BuyerApi, eventId: string, idempotencyKey: string) {
  const started = await api.order.checkout({ eventId, idempotencyKey });
  if (started.redirectUrl) {
    await api.demoPayment.approve({ reference: demoReference(started.redirectUrl) });
  }
  return api.order.byId({ orderId: started.orderId });
}
