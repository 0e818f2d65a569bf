// organizer.comparison (R13): the headline figures of every one of the caller's events side by
// side (every event for an admin), soonest first, and totals per currency. Utilisation and
// attendance totals count published events only: a draft has not been on sale and a cancelled
// event's seats were all given back.
import type { Db } from "@openticket/db";
import type { Caller } from "../../../context.ts";
import { loadEventFigures, NO_FIGURES } from "../event-figures.ts";
import { ownEvents } from "../ownership.ts";

export async function compareEvents(db: Db, caller: Caller) {
  const now = caller.now();
  const events = await db.event.findMany({
    where: ownEvents(caller.user),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      currency: true,
      venue: { select: { id: true, name: true } },
    },
  });
  const figures = await loadEventFigures(
    db,
    events.map((event) => event.id),
  );
  const items = events.map((event) => {
    const figure = figures.get(event.id) ?? NO_FIGURES;
    const started = event.startsAt <= now;
    return {
      ...event,
      ticketsSold: figure.sold,
      sellable: figure.sellable,
      utilisation: figure.utilisation,
      checkedIn: figure.checkedIn,
      attendanceRate: started && figure.sold > 0 ? figure.checkedIn / figure.sold : null,
      revenue: figure.revenue,
      refunds: figure.refunds,
      net: figure.net,
    };
  });
  return { events: items, totals: totalsByCurrency(items, now) };
}

type Item = {
  status: string;
  startsAt: Date;
  currency: string;
  ticketsSold: number;
  sellable: number;
  checkedIn: number;
  revenue: number;
  refunds: number;
  net: number;
};

function totalsByCurrency(items: Item[], now: Date) {
  const totals = new Map<
    string,
    {
      currency: string;
      events: number;
      ticketsSold: number;
      sellable: number;
      publishedSold: number;
      attendanceSold: number;
      checkedIn: number;
      revenue: number;
      refunds: number;
      net: number;
    }
  >();
  for (const item of items) {
    let total = totals.get(item.currency);
    if (!total) {
      total = {
        currency: item.currency,
        events: 0,
        ticketsSold: 0,
        sellable: 0,
        publishedSold: 0,
        attendanceSold: 0,
        checkedIn: 0,
        revenue: 0,
        refunds: 0,
        net: 0,
      };
      totals.set(item.currency, total);
    }
    total.events++;
    total.ticketsSold += item.ticketsSold;
    total.revenue += item.revenue;
    total.refunds += item.refunds;
    total.net += item.net;
    if (item.status !== "PUBLISHED") continue;
    total.sellable += item.sellable;
    total.publishedSold += item.ticketsSold;
    if (item.startsAt <= now) {
      total.attendanceSold += item.ticketsSold;
      total.checkedIn += item.checkedIn;
    }
  }
  return [...totals.values()].map(({ attendanceSold, publishedSold, ...total }) => ({
    ...total,
    utilisation: total.sellable > 0 ? publishedSold / total.sellable : null,
    attendanceRate: attendanceSold > 0 ? total.checkedIn / attendanceSold : null,
  }));
}
