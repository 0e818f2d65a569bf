// The fields an organizer types about an event, validated once for create and update, and the
// rules its dates must keep together (the database checks the first two as well).
import { EventCategory } from "@openticket/db";
import { z } from "zod";

export const eventFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5_000),
  performer: z.string().trim().max(200),
  category: z.enum(EventCategory),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .nullable(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  /** Null: on sale as soon as it is published. */
  salesStartAt: z.coerce.date().nullable(),
  /** Null: on sale until it starts. */
  salesEndAt: z.coerce.date().nullable(),
  maxSeatsPerOrder: z.number().int().min(1).max(50),
  /** Null: never refundable. */
  refundableUntilHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 365)
    .nullable(),
  refundPercent: z.number().int().min(0).max(100),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "An ISO 4217 code such as TWD."),
};

export const tierNameField = z.string().trim().min(1).max(50);
/** Minor units of the event's currency. */
export const tierPriceField = z.number().int().min(0).max(100_000_000);

export type Schedule = {
  startsAt: Date;
  endsAt: Date;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
};

/** The first rule the dates break, with the field to blame; null when they are consistent. */
export function scheduleProblem(schedule: Schedule): { field: string; message: string } | null {
  const { startsAt, endsAt, salesStartAt, salesEndAt } = schedule;
  if (endsAt <= startsAt)
    return { field: "endsAt", message: "The event must end after it starts." };
  if (salesEndAt && salesEndAt > endsAt) {
    return { field: "salesEndAt", message: "Sales must end by the end of the event." };
  }
  if (salesStartAt && salesStartAt >= (salesEndAt ?? startsAt)) {
    return {
      field: "salesStartAt",
      message: "Sales must open before they close (by default, when the event starts).",
    };
  }
  return null;
}
