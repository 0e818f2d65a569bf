// organizer.events.create: a DRAFT event at one of the caller's venues, with its price tiers and
// one event seat per venue seat, priced by its section's tier. The event snapshots the layout it
// is created on; seats added to the venue later join it while it is still a draft
// (./add-seats-to-drafts.ts). An admin creating an event at an organizer's venue creates it for
// that organizer, so that venue and event keep one owner.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { auditJson } from "../../audit/audit-json.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { findOwnVenue } from "../ownership.ts";
import { eventFields, scheduleProblem, tierNameField, tierPriceField } from "./event-fields.ts";
import { getOrganizerEvent } from "./get-organizer-event.ts";

export const createEventInput = z
  .object({
    venueId: id,
    title: eventFields.title,
    description: eventFields.description.default(""),
    performer: eventFields.performer.default(""),
    category: eventFields.category,
    imageUrl: eventFields.imageUrl.default(null),
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    salesStartAt: eventFields.salesStartAt.default(null),
    salesEndAt: eventFields.salesEndAt.default(null),
    maxSeatsPerOrder: eventFields.maxSeatsPerOrder.default(6),
    refundableUntilHours: eventFields.refundableUntilHours.default(null),
    refundPercent: eventFields.refundPercent.default(100),
    currency: eventFields.currency.default("TWD"),
    /** In display order. */
    priceTiers: z
      .array(z.object({ name: tierNameField, price: tierPriceField }))
      .min(1)
      .max(20),
    /** Each section's tier, by tier name. Optional when there is a single tier. */
    sectionTiers: z
      .array(z.object({ sectionId: id, tier: tierNameField }))
      .max(500)
      .default([]),
  })
  .superRefine((input, context) => {
    const problem = scheduleProblem(input);
    if (problem)
      context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    const names = input.priceTiers.map((tier) => tier.name);
    if (new Set(names).size !== names.length) {
      context.addIssue({
        code: "custom",
        path: ["priceTiers"],
        message: "Tier names must differ.",
      });
    }
    const sections = input.sectionTiers.map((mapping) => mapping.sectionId);
    if (new Set(sections).size !== sections.length) {
      context.addIssue({
        code: "custom",
        path: ["sectionTiers"],
        message: "Each section takes one tier.",
      });
    }
    for (const [index, mapping] of input.sectionTiers.entries()) {
      if (!names.includes(mapping.tier)) {
        context.addIssue({
          code: "custom",
          path: ["sectionTiers", index, "tier"],
          message: `No price tier is named "${mapping.tier}".`,
        });
      }
    }
  });

export async function createEvent(
  db: Db,
  input: z.output<typeof createEventInput>,
  caller: Caller,
) {
  const { venueId, priceTiers, sectionTiers, ...fields } = input;
  const eventId = await runSerializable(db, async (tx) => {
    const venue = await findOwnVenue(tx, caller.user, venueId, {
      id: true,
      ownerId: true,
      city: true,
      sections: { select: { id: true, _count: { select: { seats: true } } } },
    });
    const tierOfSection = sectionTierNames(venue.sections, sectionTiers, priceTiers);
    const event = await tx.event.create({
      data: {
        ...fields,
        organizerId: venue.ownerId,
        venueId: venue.id,
        city: venue.city,
        status: "DRAFT",
        priceTiers: {
          create: priceTiers.map((tier, ordering) => ({ ...tier, ordering })),
        },
      },
      select: { id: true, priceTiers: { select: { id: true, name: true } } },
    });
    const tierIds = new Map(event.priceTiers.map((tier) => [tier.name, tier.id]));
    const mapping = [...tierOfSection].map(([sectionId, name]) => ({
      sectionId,
      tierId: tierIds.get(name) ?? "",
    }));
    await tx.$executeRaw`
      INSERT INTO event_seats (id, event_id, seat_id, tier_id, status)
      SELECT gen_random_uuid(), ${event.id}::uuid, s.id, m.tier_id, 'AVAILABLE'
      FROM seats s
      JOIN unnest(${mapping.map((row) => row.sectionId)}::uuid[],
                  ${mapping.map((row) => row.tierId)}::uuid[]) AS m(section_id, tier_id)
        ON m.section_id = s.section_id
      WHERE s.venue_id = ${venue.id}::uuid`;
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.create",
      entityType: "event",
      entityId: event.id,
      after: auditJson({ ...fields, venueId: venue.id, status: "DRAFT", priceTiers }),
    });
    return event.id;
  });
  return getOrganizerEvent(db, { eventId }, caller);
}

/** Every section with seats gets a tier: as mapped, or the only tier there is. */
function sectionTierNames(
  sections: { id: string; _count: { seats: number } }[],
  mapped: { sectionId: string; tier: string }[],
  tiers: { name: string }[],
) {
  const known = new Set(sections.map((section) => section.id));
  const foreign = mapped.filter((mapping) => !known.has(mapping.sectionId));
  if (foreign.length) {
    throw new AppError("BAD_REQUEST", "Some sections are not part of this venue.", {
      sectionIds: foreign.map((mapping) => mapping.sectionId),
    });
  }
  const tierOf = new Map(mapped.map((mapping) => [mapping.sectionId, mapping.tier]));
  const onlyTier = tiers.length === 1 ? tiers[0]?.name : undefined;
  const unmapped: string[] = [];
  for (const section of sections) {
    if (tierOf.has(section.id) || section._count.seats === 0) continue;
    if (onlyTier) tierOf.set(section.id, onlyTier);
    else unmapped.push(section.id);
  }
  if (unmapped.length) {
    throw new AppError("BAD_REQUEST", "Choose a price tier for every section.", {
      sectionIds: unmapped,
    });
  }
  return tierOf;
}
