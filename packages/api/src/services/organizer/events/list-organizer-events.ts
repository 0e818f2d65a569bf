// organizer.events.list: the caller's events (every event for an admin), latest first, each
// with its venue and headline figures; filterable by status, with cursor pagination.
import { type Db, EventStatus } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id, pageSize } from "../../../input.ts";
import { loadEventFigures, NO_FIGURES } from "../event-figures.ts";
import { ownEvents } from "../ownership.ts";

export const listOrganizerEventsInput = z
  .object({
    status: z.enum(EventStatus).optional(),
    cursor: id.optional(),
    limit: pageSize(100, 50),
  })
  .prefault({});

export async function listOrganizerEvents(
  db: Db,
  input: z.output<typeof listOrganizerEventsInput>,
  caller: Caller,
) {
  const rows = await db.event.findMany({
    where: { ...ownEvents(caller.user), ...(input.status && { status: input.status }) },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: {
      id: true,
      title: true,
      category: true,
      status: true,
      startsAt: true,
      endsAt: true,
      salesStartAt: true,
      salesEndAt: true,
      currency: true,
      venue: { select: { id: true, name: true, city: true, timeZone: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const figures = await loadEventFigures(
    db,
    page.map((event) => event.id),
  );
  return {
    items: page.map((event) => ({ ...event, figures: figures.get(event.id) ?? NO_FIGURES })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
