// The fields an organizer types about a venue, validated once for create and update.
import { z } from "zod";

/** An IANA zone that both JavaScript and PostgreSQL know, stored under its canonical name. */
export const timeZoneField = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((zone, context) => {
    try {
      return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      context.addIssue({ code: "custom", message: "Unknown time zone." });
      return z.NEVER;
    }
  });

export const venueFields = {
  name: z.string().trim().min(1).max(120),
  city: z.string().trim().min(1).max(80),
  address: z.string().trim().min(1).max(300),
};
