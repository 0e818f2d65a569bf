// organizer.events.update: any field of a draft or published event, and its price tiers
// (renamed, re-priced or added; tiers with seats are never dropped). Orders read the event, so
// attendees see new dates at once; tickets keep the price they were bought at. The dates are
// checked together after the change, so moving an event keeps it ending after it starts. The
// currency is fixed once the event has taken an order, or while seats are held (a hold keeps
// its price in the old unit); a currency with another minor unit (TWD → USD) needs every tier
// re-priced in the same request, so no price is silently read in the new unit. Moving a published event's dates tells
// every ticket holder, by mail, in the same transaction.
import { type Db, type Prisma, runSerializable, type Tx } from "@openticket/db";
import { minorUnitDigits } from "@openticket/db/currencies";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { queueEventChangedNotices } from "../../mail/event-changed-notices.ts";
import type { EventWhenWhere } from "../../mail/queue-mail.ts";
import { findOwnEvent } from "../ownership.ts";
import { eventFields, scheduleProblem, tierNameField, tierPriceField } from "./event-fields.ts";
import { getOrganizerEvent } from "./get-organizer-event.ts";

export const updateEventInput = z.object({
  eventId: id,
  title: eventFields.title.optional(),
  description: eventFields.description.optional(),
  performer: eventFields.performer.optional(),
  category: eventFields.category.optional(),
  imageUrl: eventFields.imageUrl.optional(),
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  salesStartAt: eventFields.salesStartAt.optional(),
  salesEndAt: eventFields.salesEndAt.optional(),
  maxSeatsPerOrder: eventFields.maxSeatsPerOrder.optional(),
  refundableUntilHours: eventFields.refundableUntilHours.optional(),
  refundPercent: eventFields.refundPercent.optional(),
  currency: eventFields.currency.optional(),
  /** With an id: that tier renamed or re-priced. Without: a new tier. Others stay as they are. */
  priceTiers: z
    .array(z.object({ id: id.optional(), name: tierNameField, price: tierPriceField }))
    .max(20)
    .optional(),
});

type UpdateEventInput = z.output<typeof updateEventInput>;
type EventFieldChanges = Omit<UpdateEventInput, "eventId" | "priceTiers">;

export async function updateEvent(db: Db, input: UpdateEventInput, caller: Caller) {
  const { eventId, priceTiers, ...fields } = input;
  await runSerializable(db, async (tx) => {
    const event = await findOwnEvent(tx, caller.user, eventId, {
      id: true,
      status: true,
      title: true,
      description: true,
      performer: true,
      category: true,
      imageUrl: true,
      startsAt: true,
      endsAt: true,
      salesStartAt: true,
      salesEndAt: true,
      maxSeatsPerOrder: true,
      refundableUntilHours: true,
      refundPercent: true,
      currency: true,
      priceTiers: { select: { id: true, name: true, price: true, ordering: true } },
      _count: { select: { orders: true } },
    });
    if (event.status === "CANCELLED") {
      throw new AppError("BAD_REQUEST", "A cancelled event can no longer be changed.");
    }
    const changed = changedFields(event, fields);
    const problem = scheduleProblem({ ...event, ...changed });
    if (problem) throw new AppError("BAD_REQUEST", problem.message, { field: problem.field });
    if (changed.currency && event._count.orders > 0) {
      throw new AppError("CONFLICT", "The currency cannot change once tickets were ordered.", {
        field: "currency",
      });
    }
    if (changed.currency && (await tx.seatHold.count({ where: { eventId: event.id } })) > 0) {
      throw new AppError("CONFLICT", "The currency cannot change while seats are held.", {
        field: "currency",
      });
    }
    if (
      changed.currency &&
      minorUnitDigits(changed.currency) !== minorUnitDigits(event.currency) &&
      event.priceTiers.some((tier) => !priceTiers?.some((change) => change.id === tier.id))
    ) {
      throw new AppError("BAD_REQUEST", "Give every price tier a price in the new currency.", {
        field: "priceTiers",
      });
    }
    const tierChanges = priceTiers ? planTierChanges(event.priceTiers, priceTiers) : [];

    if (Object.keys(changed).length) {
      await tx.event.update({ where: { id: event.id }, data: changed });
    }
    if (event.status === "PUBLISHED" && (changed.startsAt || changed.endsAt)) {
      await noticeHolders(
        tx,
        event.id,
        { startsAt: event.startsAt, endsAt: event.endsAt },
        {
          startsAt: changed.startsAt ?? event.startsAt,
          endsAt: changed.endsAt ?? event.endsAt,
        },
      );
    }
    let ordering = Math.max(-1, ...event.priceTiers.map((tier) => tier.ordering));
    for (const change of tierChanges) {
      if (change.id) {
        await tx.priceTier.update({
          where: { id: change.id },
          data: { name: change.name, price: change.price },
        });
      } else {
        await tx.priceTier.create({
          data: { eventId: event.id, name: change.name, price: change.price, ordering: ++ordering },
        });
      }
    }
    if (Object.keys(changed).length === 0 && tierChanges.length === 0) return;
    const before = Object.fromEntries(
      Object.keys(changed).map((key) => [key, event[key as keyof EventFieldChanges]]),
    );
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.update",
      entityType: "event",
      entityId: event.id,
      before: auditJson({
        ...before,
        ...(tierChanges.length && { priceTiers: event.priceTiers }),
      }),
      after: auditJson({ ...changed, ...(tierChanges.length && { priceTiers: tierChanges }) }),
    });
  });
  return getOrganizerEvent(db, { eventId }, caller);
}

/** The fields whose new value differs from the stored one. */
function changedFields(
  event: Record<keyof EventFieldChanges, unknown>,
  fields: EventFieldChanges,
): Prisma.EventUpdateInput & EventFieldChanges {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([key, value]) => value !== undefined && !same(value, event[key as keyof EventFieldChanges]),
    ),
  );
}

function planTierChanges(
  existing: { id: string; name: string; price: number }[],
  requested: { id?: string; name: string; price: number }[],
) {
  const byId = new Map(existing.map((tier) => [tier.id, tier]));
  const unknown = requested.filter((tier) => tier.id && !byId.has(tier.id));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", "Some price tiers are not part of this event.", {
      tierIds: unknown.flatMap((tier) => (tier.id ? [tier.id] : [])),
    });
  }
  const names = new Map(existing.map((tier) => [tier.id, tier.name]));
  for (const [index, tier] of requested.entries()) names.set(tier.id ?? `new:${index}`, tier.name);
  if (new Set(names.values()).size !== names.size) {
    throw new AppError("BAD_REQUEST", "Tier names must differ.", { field: "priceTiers" });
  }
  return requested.filter((tier) => {
    const current = tier.id ? byId.get(tier.id) : undefined;
    return !current || current.name !== tier.name || current.price !== tier.price;
  });
}

/**
 * The event-changed notice for new dates, keyed by them: the same move recorded again sends
 * nothing more, while a later move is a new notice. The venue cannot change here: it is the
 * same before and after (a venue's own changes notify from update-venue.ts).
 */
async function noticeHolders(
  tx: Tx,
  eventId: string,
  before: { startsAt: Date; endsAt: Date },
  after: { startsAt: Date; endsAt: Date },
) {
  const venue = await tx.venue.findFirstOrThrow({
    where: { events: { some: { id: eventId } } },
    select: { name: true, address: true, city: true, timeZone: true },
  });
  const place = { venueName: venue.name, address: venue.address, city: venue.city };
  const whenWhere = (dates: { startsAt: Date; endsAt: Date }): EventWhenWhere => ({
    startsAt: dates.startsAt.toISOString(),
    endsAt: dates.endsAt.toISOString(),
    timeZone: venue.timeZone,
    ...place,
  });
  await queueEventChangedNotices(tx, {
    eventId,
    change: `${after.startsAt.toISOString()}/${after.endsAt.toISOString()}`,
    before: whenWhere(before),
    after: whenWhere(after),
  });
}
