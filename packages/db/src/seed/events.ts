// Turns the event catalog into rows: events with their price tiers, one event seat per venue
// seat priced by its row, and the sales that mark seats SOLD. Everything is built in memory
// first, because an event seat's status depends on the sales planned for it.
import type { Db } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { addMinutes, taipeiTime } from "./clock.ts";
import { EVENT_CATALOG, type EventPlan } from "./event-catalog.ts";
import { demoId } from "./ids.ts";
import { insertMissing } from "./insert.ts";
import { planSales, type SaleSeat } from "./sales.ts";
import type { SeatPlan, VenueKey, VenueLayout } from "./venues.ts";

export type Buyers = {
  organizerId: (username: string) => string;
  attendeeId: string;
  fanIds: string[];
};

type EventRows = {
  events: Prisma.EventCreateManyInput[];
  priceTiers: Prisma.PriceTierCreateManyInput[];
  ticketTypes: Prisma.TicketTypeCreateManyInput[];
  discountCodes: Prisma.DiscountCodeCreateManyInput[];
  eventSeats: Prisma.EventSeatCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  tickets: Prisma.TicketCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
};

function isBlocked(plan: EventPlan, seat: SeatPlan): boolean {
  const blocked = plan.blocked;
  return (
    blocked !== undefined &&
    seat.sectionName === blocked.section &&
    blocked.rows.includes(seat.rowLabel) &&
    seat.number >= blocked.numbers[0] &&
    seat.number <= blocked.numbers[1]
  );
}

function buildEvent(
  plan: EventPlan,
  venue: VenueLayout,
  today: Date,
  buyers: Buyers,
  rows: EventRows,
) {
  const eventId = demoId(`event:${plan.key}`);
  const startsAt = taipeiTime(today, plan.day, plan.time[0], plan.time[1]);
  const salesStartAt = taipeiTime(today, plan.day - plan.salesOpenDaysBefore, 12, 0);
  const eventCancelledAt =
    plan.cancelledDay === undefined ? null : taipeiTime(today, plan.cancelledDay, 10, 0);
  // Organizers set an event up a couple of weeks before it goes on sale, and never in the future.
  const createdAt = taipeiTime(
    today,
    Math.min(plan.day - plan.salesOpenDaysBefore - 14, -1),
    11,
    0,
  );

  rows.events.push({
    id: eventId,
    organizerId: buyers.organizerId(venue.ownerUsername),
    venueId: venue.id,
    title: plan.title,
    description: plan.description,
    performer: plan.performer,
    category: plan.category,
    city: venue.city,
    imageUrl: null,
    startsAt,
    endsAt: addMinutes(startsAt, plan.durationMinutes),
    status: plan.status,
    salesStartAt,
    salesEndAt: startsAt,
    maxSeatsPerOrder: plan.maxSeatsPerOrder,
    currency: "TWD",
    refundableUntilHours: plan.refund.untilHours,
    refundPercent: plan.refund.percent,
    createdAt,
    updatedAt: eventCancelledAt ?? createdAt,
  });

  const tiers = plan.tiers.map(([name, price], ordering) => ({
    id: demoId(`price-tier:${plan.key}:${name}`),
    eventId,
    name,
    price,
    ordering,
  }));
  rows.priceTiers.push(...tiers);
  // Ticket types (issue 15): sold for every seat; the demo's sales are at the tiers' prices.
  (plan.ticketTypes ?? []).forEach((type, ordering) => {
    rows.ticketTypes.push({
      id: demoId(`ticket-type:${plan.key}:${type.name}`),
      eventId,
      name: type.name,
      price: type.price,
      quota: type.quota ?? null,
      note: type.note ?? "",
      salesEndAt:
        type.endsDaysBefore === undefined
          ? null
          : taipeiTime(today, plan.day - type.endsDaysBefore, 23, 59),
      ordering,
      createdAt,
      updatedAt: createdAt,
    });
  });

  // Discount codes (issue 15), none used yet: the demo's sales are without codes.
  for (const code of plan.discountCodes ?? []) {
    rows.discountCodes.push({
      id: demoId(`discount-code:${plan.key}:${code.code}`),
      organizerId: buyers.organizerId(venue.ownerUsername),
      eventId,
      code: code.code,
      kind: code.kind,
      value: code.value,
      currency: code.kind === "AMOUNT" ? "TWD" : null,
      maxUses: code.maxUses ?? null,
      ticketTypeIds: (code.forTypes ?? []).map((name) => {
        if (!plan.ticketTypes?.some((type) => type.name === name)) {
          throw new Error(`Discount code ${code.code} names unknown type ${name}`);
        }
        return demoId(`ticket-type:${plan.key}:${name}`);
      }),
      createdAt,
      updatedAt: createdAt,
    });
  }

  const saleSeats: (SaleSeat & { tierId: string })[] = venue.seats.map((seat) => {
    const bySection = plan.tierBySection?.[seat.sectionName];
    const tier = bySection
      ? tiers.find((candidate) => candidate.name === bySection)
      : tiers[Math.min(tiers.length - 1, Math.floor(seat.priceRank * tiers.length))];
    if (!tier) throw new Error(`Event ${plan.key} has no price tiers`);
    return {
      eventSeatId: demoId(`event-seat:${plan.key}:${seat.key}`),
      seat,
      price: tier.price,
      tierId: tier.id,
      blocked: isBlocked(plan, seat),
    };
  });

  const sales = planSales({
    plan,
    eventId,
    startsAt,
    salesStartAt,
    eventCancelledAt,
    today,
    seats: saleSeats,
    attendeeId: buyers.attendeeId,
    fanIds: buyers.fanIds,
  });
  for (const seat of saleSeats) {
    rows.eventSeats.push({
      id: seat.eventSeatId,
      eventId,
      seatId: seat.seat.id,
      tierId: seat.tierId,
      status: seat.blocked
        ? "BLOCKED"
        : sales.soldEventSeatIds.has(seat.eventSeatId)
          ? "SOLD"
          : "AVAILABLE",
    });
  }
  rows.orders.push(...sales.orders);
  rows.tickets.push(...sales.tickets);
  rows.payments.push(...sales.payments);
}

export async function seedEvents(
  db: Db,
  today: Date,
  venues: ReadonlyMap<VenueKey, VenueLayout>,
  buyers: Buyers,
): Promise<void> {
  const rows: EventRows = {
    events: [],
    priceTiers: [],
    ticketTypes: [],
    discountCodes: [],
    eventSeats: [],
    orders: [],
    tickets: [],
    payments: [],
  };
  for (const plan of EVENT_CATALOG) {
    const venue = venues.get(plan.venue);
    if (!venue) throw new Error(`Event ${plan.key} is at unknown venue ${plan.venue}`);
    buildEvent(plan, venue, today, buyers, rows);
  }

  // Parents before children, for the foreign keys; tables with the same parents go together.
  await insertMissing(db.event, rows.events);
  await Promise.all([
    insertMissing(db.priceTier, rows.priceTiers).then(() =>
      insertMissing(db.eventSeat, rows.eventSeats),
    ),
    insertMissing(db.ticketType, rows.ticketTypes).then(() =>
      insertMissing(db.discountCode, rows.discountCodes),
    ),
    insertMissing(db.order, rows.orders),
  ]);
  await Promise.all([
    insertMissing(db.ticket, rows.tickets),
    insertMissing(db.payment, rows.payments),
  ]);
}
