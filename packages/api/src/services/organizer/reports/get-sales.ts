// organizer.sales (R10): what one event has sold. Money as the payments say: CHARGE is revenue,
// REFUND refunds, net the difference. Tickets sold are the tickets still standing (VALID or
// CHECKED_IN). By tier, the price paid for those tickets; what a partial refund left behind is
// `keptFromCancellations`, so the tiers plus it add up to net. Over time, per calendar day in
// the venue's time zone: money on the day it moved, tickets on the day they were bought.
// Revenue is what was charged, after discount codes; `discounts` is what the codes took off the
// orders that were paid (and maybe cancelled since), and the tiers count tickets at the price
// paid, after their share of the discount; `byCode` breaks the codes down (./sales-by-code.ts),
// `byType` the tickets by the ticket type they were sold as (./sales-by-type.ts).
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { findOwnEvent } from "../ownership.ts";
import { loadSalesByCode } from "./sales-by-code.ts";
import { loadSalesByType } from "./sales-by-type.ts";

export const eventReportInput = z.object({ eventId: id });

export async function getSales(db: Db, input: z.output<typeof eventReportInput>, caller: Caller) {
  const event = await findOwnEvent(db, caller.user, input.eventId, {
    id: true,
    title: true,
    status: true,
    currency: true,
    venue: { select: { timeZone: true } },
  });
  const timeZone = event.venue.timeZone;
  const [tiers, moneyDays, ticketDays, discounted, byCode, byType] = await Promise.all([
    db.$queryRaw<
      { id: string; name: string; price: number; seats: number; sold: number; revenue: bigint }[]
    >`
      SELECT pt.id, pt.name, pt.price,
             count(es.id) FILTER (WHERE es.status <> 'BLOCKED')::int AS seats,
             count(t.id)::int AS sold, COALESCE(sum(t.price_paid), 0)::bigint AS revenue
      FROM price_tiers pt
      LEFT JOIN event_seats es ON es.tier_id = pt.id
      LEFT JOIN tickets t ON t.event_seat_id = es.id AND t.status IN ('VALID', 'CHECKED_IN')
      WHERE pt.event_id = ${event.id}::uuid
      GROUP BY pt.id
      ORDER BY pt.ordering, pt.price DESC, pt.name`,
    db.$queryRaw<{ day: string; revenue: bigint; refunds: bigint }[]>`
      SELECT to_char(p.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
             COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'CHARGE'), 0)::bigint AS revenue,
             COALESCE(sum(p.amount) FILTER (WHERE p.kind = 'REFUND'), 0)::bigint AS refunds
      FROM payments p JOIN orders o ON o.id = p.order_id
      WHERE o.event_id = ${event.id}::uuid
      GROUP BY 1`,
    db.$queryRaw<{ day: string; sold: number }[]>`
      SELECT to_char(t.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
             count(*)::int AS sold
      FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.event_id = ${event.id}::uuid AND t.status IN ('VALID', 'CHECKED_IN')
      GROUP BY 1`,
    db.order.aggregate({
      where: { eventId: event.id, status: { in: ["PAID", "CANCELLED"] } },
      _sum: { discountAmount: true },
    }),
    loadSalesByCode(db, event.id),
    loadSalesByType(db, event.id),
  ]);

  const byDay = mergeDays(moneyDays, ticketDays);
  const byTier = tiers.map((tier) => ({
    tierId: tier.id,
    name: tier.name,
    price: tier.price,
    seats: tier.seats,
    ticketsSold: tier.sold,
    revenue: Number(tier.revenue),
  }));
  const revenue = sum(byDay, (day) => day.revenue);
  const refunds = sum(byDay, (day) => day.refunds);
  const ticketRevenue = sum(byTier, (tier) => tier.revenue);
  return {
    eventId: event.id,
    title: event.title,
    status: event.status,
    currency: event.currency,
    timeZone,
    totals: {
      ticketsSold: sum(byTier, (tier) => tier.ticketsSold),
      revenue,
      refunds,
      net: revenue - refunds,
      keptFromCancellations: revenue - refunds - ticketRevenue,
      discounts: discounted._sum.discountAmount ?? 0,
    },
    byTier,
    byDay,
    byCode,
    byType,
  };
}

function mergeDays(
  money: { day: string; revenue: bigint; refunds: bigint }[],
  tickets: { day: string; sold: number }[],
) {
  const days = new Map<
    string,
    { date: string; ticketsSold: number; revenue: number; refunds: number }
  >();
  const entry = (date: string) => {
    let day = days.get(date);
    if (!day) {
      day = { date, ticketsSold: 0, revenue: 0, refunds: 0 };
      days.set(date, day);
    }
    return day;
  };
  for (const row of money) {
    const day = entry(row.day);
    day.revenue = Number(row.revenue);
    day.refunds = Number(row.refunds);
  }
  for (const row of tickets) entry(row.day).ticketsSold = row.sold;
  return [...days.values()]
    .map((day) => ({ ...day, net: day.revenue - day.refunds }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

function sum<T>(items: T[], value: (item: T) => number) {
  return items.reduce((total, item) => total + value(item), 0);
}
