// organizer.discountCodes.create: a percentage or a fixed amount off, for one of the caller's
// events or (no eventId) all of them, with an optional usage limit and validity window. An
// amount is in minor units of a currency: the event's, or for all events the one given (it then
// applies only to events in that currency). A code for one event may be limited to some of its
// ticket types: it then takes its share off those tickets only (checkout, settle-checkout).
import { type Db, runGuarded } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id, money } from "../../../input.ts";
import { say } from "../../../messages.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { isUniqueViolation } from "../../payments/unique-violation.ts";
import { eventFields } from "../events/event-fields.ts";
import { findOwnEvent } from "../ownership.ts";
import { discountCodeFields, discountCodeSelect, windowProblem } from "./discount-code-fields.ts";

export const createDiscountCodeInput = z
  .object({
    /** Absent: every event of the caller's. */
    eventId: id.optional(),
    code: discountCodeFields.code,
    /** PERCENT: 1..100 percent off. AMOUNT: minor units of the currency off. */
    kind: z.enum(["PERCENT", "AMOUNT"]),
    value: money.min(1),
    /**
     * AMOUNT only: required for a code for all events (it then applies to events in this
     * currency); for one event it must be the event's, or absent.
     */
    currency: eventFields.currency.optional(),
    maxUses: discountCodeFields.maxUses.default(null),
    validFrom: discountCodeFields.validFrom.default(null),
    validUntil: discountCodeFields.validUntil.default(null),
    /**
     * A code for one event only: the ticket types it takes something off, and the price tiers
     * whose own price (no type) it takes something off. Both empty: every ticket.
     */
    ticketTypeIds: z.array(id).max(50).default([]),
    tierIds: z.array(id).max(50).default([]),
  })
  .refine((input) => input.kind !== "PERCENT" || input.value <= 100, {
    path: ["value"],
    message: say("numberTooBig", { max: 100 }),
  });

export async function createDiscountCode(
  db: Db,
  input: z.output<typeof createDiscountCodeInput>,
  caller: Caller,
) {
  const problem = windowProblem(input);
  if (problem) throw problem;
  try {
    return await runGuarded(db, async (tx) => {
      const event = input.eventId
        ? await findOwnEvent(tx, caller.user, input.eventId, {
            id: true,
            organizerId: true,
            currency: true,
          })
        : null;
      const ticketTypeIds = [...new Set(input.ticketTypeIds)];
      if (ticketTypeIds.length) {
        if (!event) {
          throw new AppError(
            "BAD_REQUEST",
            "Only a code for one event can be limited to some of its ticket types.",
            { field: "ticketTypeIds" },
          );
        }
        // Share-locked: a type being deleted meanwhile is waited for (then missing here), and
        // one is not deleted under this code until it is saved (then the delete prunes it).
        const types = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM ticket_types
          WHERE id = ANY (${ticketTypeIds}::uuid[]) AND event_id = ${event.id}::uuid
          FOR SHARE`;
        if (types.length !== ticketTypeIds.length) {
          throw new AppError("BAD_REQUEST", "Choose ticket types of this event.", {
            field: "ticketTypeIds",
          });
        }
      }
      const tierIds = [...new Set(input.tierIds)];
      if (tierIds.length) {
        if (!event) {
          throw new AppError(
            "BAD_REQUEST",
            "Only a code for one event can be limited to some of its ticket types.",
            { field: "tierIds" },
          );
        }
        // Tiers are never deleted while their event lives: no lock needed.
        const tiers = await tx.priceTier.count({
          where: { id: { in: tierIds }, eventId: event.id },
        });
        if (tiers !== tierIds.length) {
          throw new AppError("BAD_REQUEST", "Choose ticket types of this event.", {
            field: "tierIds",
          });
        }
      }
      let currency: string | null = null;
      if (input.kind === "AMOUNT") {
        currency = input.currency ?? event?.currency ?? null;
        if (!currency) {
          throw new AppError("BAD_REQUEST", "Choose the currency of the amount.", {
            field: "currency",
          });
        }
        if (event && currency !== event.currency) {
          throw new AppError("BAD_REQUEST", "The amount must be in the event's currency.", {
            field: "currency",
          });
        }
      }
      const created = await tx.discountCode.create({
        data: {
          // An admin's code for an event is the event organizer's; without one, their own.
          organizerId: event?.organizerId ?? caller.user.id,
          eventId: event?.id ?? null,
          code: input.code,
          kind: input.kind,
          value: input.value,
          currency,
          maxUses: input.maxUses,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          ticketTypeIds,
          tierIds,
        },
        select: discountCodeSelect,
      });
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "discountCode.create",
        entityType: "discountCode",
        entityId: created.id,
        after: {
          code: created.code,
          kind: created.kind,
          value: created.value,
          currency,
          ...(ticketTypeIds.length && { ticketTypeIds }),
          ...(tierIds.length && { tierIds }),
        },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "You already have this discount code.", {
        field: "code",
        reason: "DISCOUNT_CODE_TAKEN",
      });
    }
    throw error;
  }
}
