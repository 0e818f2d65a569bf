// organizer.venues.byId: one venue with everything needed to draw and edit its layout, and
// whether the layout is still open to removals (no event there has sold yet).
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { findOwnVenue } from "../ownership.ts";
import { venueHasSales } from "./layout-lock.ts";
import { venueSelect } from "./venue-fields.ts";

export const getVenueInput = z.object({ venueId: id });

export async function getVenue(db: Db, input: z.output<typeof getVenueInput>, caller: Caller) {
  const venue = await findOwnVenue(db, caller.user, input.venueId, {
    ...venueSelect,
    sections: {
      orderBy: [{ ordering: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        ordering: true,
        kind: true,
        seats: {
          orderBy: [{ rowLabel: "asc" }, { number: "asc" }],
          select: { id: true, rowLabel: true, number: true, label: true, x: true, y: true },
        },
      },
    },
    events: { select: { id: true, title: true, status: true, startsAt: true } },
  });
  const sold = await venueHasSales(db, venue.id);
  return {
    ...venue,
    sections: venue.sections.map(({ seats, ...section }) => ({
      ...section,
      seats: seats.map(({ rowLabel, ...seat }) => ({ ...seat, row: rowLabel })),
    })),
    /** False once an event here has sold: seats and sections can then only be added. */
    removalsAllowed: !sold,
  };
}
