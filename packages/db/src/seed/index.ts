// The demo data behind `pnpm db:seed`: accounts, venues with seat maps, a programme of events
// across every category and city, and their past sales. Idempotent: every row has an id derived
// from a natural key and is written with skipDuplicates, and every time is an offset from the
// start of today in Taipei, so a second run on the same day changes nothing and a run on a later
// day leaves the earlier rows as they are.
import type { Db } from "../client.ts";
import { accountId, FAN_USERNAMES, seedAccounts } from "./accounts.ts";
import { startOfTaipeiDay } from "./clock.ts";
import { seedEvents } from "./events.ts";
import { seedVenues } from "./venues.ts";

export { DEMO_ACCOUNTS, DEMO_FAN_PASSWORD, type DemoAccount } from "./accounts.ts";

/** Rows in each table after seeding, including any that were there before. */
export type SeedSummary = {
  users: number;
  venues: number;
  sections: number;
  seats: number;
  events: number;
  priceTiers: number;
  eventSeats: number;
  orders: number;
  tickets: number;
  payments: number;
};

export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<SeedSummary> {
  const today = startOfTaipeiDay(options.now ?? new Date());
  const accounts = await seedAccounts(db, today);
  const idOf = (username: string) => accountId(accounts, username);
  const venues = await seedVenues(db, today, idOf);
  await seedEvents(db, today, venues, {
    organizerId: idOf,
    attendeeId: idOf("attendee"),
    fanIds: FAN_USERNAMES.map(idOf),
  });

  // Counted afterwards rather than summed from the inserts, so a rerun reports the same figures.
  return {
    users: await db.user.count(),
    venues: await db.venue.count(),
    sections: await db.section.count(),
    seats: await db.seat.count(),
    events: await db.event.count(),
    priceTiers: await db.priceTier.count(),
    eventSeats: await db.eventSeat.count(),
    orders: await db.order.count(),
    tickets: await db.ticket.count(),
    payments: await db.payment.count(),
  };
}
