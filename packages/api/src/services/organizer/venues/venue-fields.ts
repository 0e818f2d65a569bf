// The fields an organizer types about a venue, validated once for create and update, and the
// fields every venue answer carries.
import type { Prisma } from "@openticket/db";
import { z } from "zod";
import { name } from "../../../input.ts";

/** An IANA zone that both JavaScript and PostgreSQL know, stored under its canonical name. */
export const timeZoneField = name(64).transform((zone, context) => {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    context.addIssue({ code: "custom", message: "Unknown time zone." });
    return z.NEVER;
  }
});

export const venueFields = {
  name: name(120),
  city: name(80),
  address: name(300),
};

/** A venue's own fields, as every organizer.venues answer gives them. */
export const venueSelect = {
  id: true,
  ownerId: true,
  name: true,
  city: true,
  address: true,
  timeZone: true,
} satisfies Prisma.VenueSelect;
