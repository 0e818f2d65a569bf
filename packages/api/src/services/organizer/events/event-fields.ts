// The fields an organizer types about an event, validated once for create and update, and the
// rules its dates must keep together (the database checks the first two as well).
import { EventCategory } from "@openticket/db";
import { EVENT_CURRENCIES, type EventCurrency } from "@openticket/db/currencies";
import { z } from "zod";
import { dateTime, httpUrl, int, MAX_SEATS_PER_ORDER, money, name, text } from "../../../input.ts";

const CURRENCY_CHOICE = `Choose a currency: ${EVENT_CURRENCIES.join(", ")}.`;

export const eventFields = {
  title: name(200),
  description: text(5_000),
  performer: text(200),
  category: z.enum(EventCategory),
  imageUrl: httpUrl(2_000).nullable(),
  startsAt: dateTime,
  endsAt: dateTime,
  /** Null: on sale as soon as it is published. */
  salesStartAt: dateTime.nullable(),
  /** Null: on sale until it starts. */
  salesEndAt: dateTime.nullable(),
  maxSeatsPerOrder: int(1, MAX_SEATS_PER_ORDER),
  /** Null: never refundable. */
  refundableUntilHours: int(0, 24 * 365).nullable(),
  refundPercent: int(0, 100),
  /** One of EVENT_CURRENCIES; prices are in its minor unit (@openticket/db/currencies). */
  currency: text(3, { tooLong: CURRENCY_CHOICE })
    .toUpperCase()
    .refine(
      (code): code is EventCurrency => (EVENT_CURRENCIES as readonly string[]).includes(code),
      CURRENCY_CHOICE,
    ),
};

export const tierNameField = name(50);
/** Minor units of the event's currency. */
export const tierPriceField = money;

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
