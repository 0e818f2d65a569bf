// checkin.counts: for the organizer, how many of the event's ticket holders are in — in all,
// per door and per section. Counted by the database, so a 50,000-seat event costs three small
// aggregate queries, not a read of every ticket.
import { type Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { id } from "../../input.ts";
import { findOwnEvent } from "../organizer/ownership.ts";

export const countCheckInsInput = z.object({ eventId: id });

type SectionRow = { section: string; expected: bigint; checkedIn: bigint };

export async function countCheckIns(
  db: Db,
  input: z.output<typeof countCheckInsInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const [sections, doors] = await Promise.all([
    db.$queryRaw<SectionRow[]>(Prisma.sql`
      SELECT sec.name AS "section",
             count(*) AS "expected",
             count(*) FILTER (WHERE t.status = 'CHECKED_IN') AS "checkedIn"
      FROM tickets t
      JOIN orders o ON o.id = t.order_id
      JOIN event_seats es ON es.id = t.event_seat_id
      JOIN seats s ON s.id = es.seat_id
      JOIN sections sec ON sec.id = s.section_id
      WHERE o.event_id = ${input.eventId}::uuid AND t.status IN ('VALID', 'CHECKED_IN')
      GROUP BY sec.name, sec.ordering
      ORDER BY sec.ordering, sec.name`),
    db.checkIn.groupBy({
      by: ["door"],
      where: { eventId: input.eventId, undoneAt: null, supersededAt: null },
      _count: { _all: true },
      orderBy: { door: "asc" },
    }),
  ]);
  const bySection = sections.map((row) => ({
    section: row.section,
    expected: Number(row.expected),
    checkedIn: Number(row.checkedIn),
  }));
  return {
    expected: bySection.reduce((sum, row) => sum + row.expected, 0),
    checkedIn: bySection.reduce((sum, row) => sum + row.checkedIn, 0),
    bySection,
    byDoor: doors.map((row) => ({ door: row.door, checkedIn: row._count._all })),
  };
}
