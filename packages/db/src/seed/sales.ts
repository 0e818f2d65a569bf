// Who bought what: turns an event's sales plan into orders of adjacent seats, their tickets and
// payments. Sold seats lean towards the front (they go first in real life), a few orders were
// cancelled and refunded under the event's policy, and most tickets of past events were scanned.
import type { Prisma } from "../generated/prisma/client.ts";
import { addHours, addMinutes, instantBetween } from "./clock.ts";
import type { EventPlan } from "./event-catalog.ts";
import { demoId, demoProviderReference, demoTicketCode } from "./ids.ts";
import { type Random, randomFor } from "./random.ts";
import type { SeatPlan } from "./venues.ts";

/** An event seat as the sales planner sees it. */
export type SaleSeat = { eventSeatId: string; seat: SeatPlan; price: number; blocked: boolean };

export type SalesInput = {
  plan: EventPlan;
  eventId: string;
  startsAt: Date;
  salesStartAt: Date;
  /** When the organizer cancelled the event, for CANCELLED events. */
  eventCancelledAt: Date | null;
  today: Date;
  /** In price-rank order, each row's seats by number (as VenueLayout lists them). */
  seats: readonly SaleSeat[];
  attendeeId: string;
  fanIds: readonly string[];
};

export type Sales = {
  orders: Prisma.OrderCreateManyInput[];
  tickets: Prisma.TicketCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  /** Event seats held by a paid order. */
  soldEventSeatIds: Set<string>;
};

/** Share of fan orders later cancelled, where the event's policy allows refunds. */
const CANCELLED_SHARE = 0.04;
/** Share of past tickets scanned at the door; the rest were no-shows. */
const CHECKED_IN_SHARE = 0.9;
/** Seats per order by relative weight: most people come in pairs, families in fours. */
const ORDER_SIZES = [
  [1, 15],
  [2, 45],
  [3, 15],
  [4, 25],
] as const;
/** How strongly buyers prefer the front: 0 sells seats uniformly. */
const FRONT_PREFERENCE = 0.7;

/** Splits each row into runs of adjacent seats one order could buy, never across a blocked seat. */
function seatBlocks(input: SalesInput, random: Random): SaleSeat[][] {
  const largest = Math.min(4, input.plan.maxSeatsPerOrder);
  const blocks: SaleSeat[][] = [];
  let current: SaleSeat[] = [];
  let size = 0;
  let previous: SaleSeat | undefined;
  const close = () => {
    if (current.length > 0) blocks.push(current);
    current = [];
  };
  for (const seat of input.seats) {
    const sameRow =
      previous?.seat.sectionName === seat.seat.sectionName &&
      previous.seat.rowLabel === seat.seat.rowLabel;
    if (!sameRow || current.length === size || seat.blocked) close();
    previous = seat;
    if (seat.blocked) continue;
    if (current.length === 0) {
      size = Math.min(largest, random.weighted(ORDER_SIZES));
    }
    current.push(seat);
  }
  close();
  return blocks;
}

export function planSales(input: SalesInput): Sales {
  const { plan, startsAt, today } = input;
  const sales: Sales = { orders: [], tickets: [], payments: [], soldEventSeatIds: new Set() };
  if (!plan.sales) return sales;

  const random = randomFor(`sales:${plan.key}`);
  const ordersUntil = new Date(
    Math.min(today.getTime(), startsAt.getTime(), input.eventCancelledAt?.getTime() ?? Infinity),
  );
  if (input.salesStartAt >= ordersUntil) {
    throw new Error(`Event ${plan.key} has sales planned before its sales open`);
  }
  const isPast = startsAt < today;
  const refundDeadline =
    plan.refund.untilHours === null ? null : addHours(startsAt, -plan.refund.untilHours);

  const ranked = seatBlocks(input, random)
    .map((block) => ({
      block,
      preference: random.next() + (block[0]?.seat.priceRank ?? 0) * FRONT_PREFERENCE,
    }))
    .sort((a, b) => a.preference - b.preference)
    .map(({ block }) => block);
  const sellable = input.seats.filter((seat) => !seat.blocked).length;
  const target = Math.round(sellable * plan.sales.soldShare);
  const attendeeOrders = plan.sales.attendee ?? [];

  let sold = 0;
  for (const [index, block] of ranked.entries()) {
    if (sold >= target) break;
    sold += block.length;
    const first = block[0];
    if (!first) continue;

    const attendeeOrder = attendeeOrders[index];
    const userId = attendeeOrder ? input.attendeeId : random.pick(input.fanIds);
    const orderId = demoId(`order:${plan.key}:${first.seat.key}`);
    // An order the attendee cancels is bought early, so the refund window is still open.
    const createdAt = instantBetween(
      input.salesStartAt,
      ordersUntil,
      attendeeOrder === "cancelled" ? random.next() / 2 : random.next(),
    );

    let cancelledAt: Date | null = null;
    let refundPercent = plan.refund.percent;
    if (input.eventCancelledAt) {
      // The organizer called the event off: everyone is refunded in full within the hour.
      cancelledAt = addMinutes(input.eventCancelledAt, random.int(1, 59));
      refundPercent = 100;
    } else if (
      refundDeadline &&
      plan.sales.soldShare < 1 &&
      (attendeeOrder === "cancelled" || (!attendeeOrder && random.chance(CANCELLED_SHARE)))
    ) {
      const cancelUntil = new Date(Math.min(today.getTime(), refundDeadline.getTime()));
      if (cancelUntil > createdAt) {
        cancelledAt = instantBetween(createdAt, cancelUntil, 0.05 + random.next() * 0.95);
      }
    }
    if (attendeeOrder === "cancelled" && !cancelledAt) {
      throw new Error(`Event ${plan.key} cannot refund the attendee's order`);
    }

    const total = block.reduce((sum, seat) => sum + seat.price, 0);
    sales.orders.push({
      id: orderId,
      userId,
      eventId: input.eventId,
      status: cancelledAt ? "CANCELLED" : "PAID",
      total,
      currency: "TWD",
      idempotencyKey: `seed-${orderId}`,
      createdAt,
      updatedAt: cancelledAt ?? createdAt,
      cancelledAt,
    });
    sales.payments.push({
      id: demoId(`payment:charge:${orderId}`),
      orderId,
      kind: "CHARGE",
      amount: total,
      currency: "TWD",
      provider: "demo",
      providerReference: demoProviderReference("ch", orderId),
      createdAt,
    });
    if (cancelledAt) {
      sales.payments.push({
        id: demoId(`payment:refund:${orderId}`),
        orderId,
        kind: "REFUND",
        amount: Math.floor((total * refundPercent) / 100),
        currency: "TWD",
        provider: "demo",
        providerReference: demoProviderReference("re", orderId),
        createdAt: cancelledAt,
      });
    }

    for (const seat of block) {
      const ticketId = demoId(`ticket:${plan.key}:${seat.seat.key}`);
      // The demo attendee always made it to the door, so "events I attended" has entries.
      const checkedIn =
        !cancelledAt && isPast && (attendeeOrder !== undefined || random.chance(CHECKED_IN_SHARE));
      sales.tickets.push({
        id: ticketId,
        orderId,
        eventSeatId: seat.eventSeatId,
        pricePaid: seat.price,
        status: cancelledAt ? "CANCELLED" : checkedIn ? "CHECKED_IN" : "VALID",
        code: demoTicketCode(ticketId),
        createdAt,
        checkedInAt: checkedIn ? addMinutes(startsAt, -random.int(5, 75)) : null,
      });
      if (!cancelledAt) sales.soldEventSeatIds.add(seat.eventSeatId);
    }
  }
  if (sales.orders.length < attendeeOrders.length) {
    throw new Error(`Event ${plan.key} sells too few seats for the attendee's orders`);
  }
  return sales;
}
