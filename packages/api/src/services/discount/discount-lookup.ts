// A buyer's discount code, checked for one event: the SQL that finds it (embedded in checkout's
// one read), and the rules that turn it away with a typed error. Nothing here writes: the use is
// taken by checkout's guarded UPDATE (checkout.ts), which alone decides against the limit.
import { type Db, Prisma } from "@openticket/db";
import { AppError } from "../../errors.ts";
import { text } from "../../input.ts";
import type { DiscountRule } from "./discount-math.ts";

/** What a buyer types; any case. Unknown codes are refused by the lookup, not by the schema. */
export const discountCodeInput = text(64, { min: 1 });

export type FoundDiscount = DiscountRule & {
  id: string;
  code: string;
  currency: string | null;
  validFrom: string | null;
  validUntil: string | null;
  exhausted: boolean;
} & CodeTickets;

/**
 * The tickets a code takes something off: those held as these ticket types, and those held at
 * these tiers' own prices (no type). Both empty: every ticket.
 */
export type CodeTickets = { ticketTypeIds: readonly string[]; tierIds: readonly string[] };

/** A held place as a code sees it: its price, its type (null: its tier's own price), its tier. */
export type PricedHold = { price: number; ticketTypeId: string | null; tierId: string };

/**
 * The code of this event's organizer, for this event or all of theirs, active, as a json object
 * (null when there is none). `code` null finds nothing, so the statement keeps one shape.
 */
export function discountSql(eventId: string, code: string | null) {
  return Prisma.sql`(SELECT json_build_object('id', d.id, 'code', d.code, 'kind', d.kind,
                              'value', d.value, 'currency', d.currency,
                              'validFrom', d.valid_from, 'validUntil', d.valid_until,
                              'exhausted', d.max_uses IS NOT NULL AND d.uses >= d.max_uses,
                              'ticketTypeIds', coalesce(d.ticket_type_ids, '{}'),
                              'tierIds', coalesce(d.tier_ids, '{}'))
       FROM discount_codes d JOIN events de ON de.organizer_id = d.organizer_id
       WHERE de.id = ${eventId}::uuid AND lower(d.code) = lower(${code}::text) AND d.active
         AND (d.event_id IS NULL OR d.event_id = de.id))`;
}

/** Refuses a code that does not apply to this order: BAD_REQUEST on the field, or CONFLICT. */
export function assertDiscountApplies(
  found: FoundDiscount | null,
  event: { currency: string },
  now: Date,
): FoundDiscount {
  const field = { field: "discountCode" } as const;
  if (!found) {
    throw new AppError("BAD_REQUEST", "This discount code is not valid for this event.", {
      ...field,
      reason: "DISCOUNT_UNKNOWN",
    });
  }
  if (found.validFrom && now < new Date(found.validFrom)) {
    throw new AppError("BAD_REQUEST", "This discount code is not valid yet.", {
      ...field,
      reason: "DISCOUNT_NOT_STARTED",
    });
  }
  if (found.validUntil && now >= new Date(found.validUntil)) {
    throw new AppError("BAD_REQUEST", "This discount code has expired.", {
      ...field,
      reason: "DISCOUNT_EXPIRED",
    });
  }
  if (found.kind === "AMOUNT" && found.currency !== event.currency) {
    throw new AppError("BAD_REQUEST", "This discount code is for another currency.", {
      ...field,
      reason: "DISCOUNT_CURRENCY",
    });
  }
  if (found.exhausted) throw exhausted();
  return found;
}

/**
 * What the code may take something off: the held seats' prices, of the tickets it is for.
 * Refuses a code for other tickets than the buyer holds.
 */
export function discountableSubtotal(found: FoundDiscount, holds: readonly PricedHold[]): number {
  const eligible = holds.filter((hold) => appliesTo(found, hold));
  if (eligible.length === 0) {
    throw new AppError("BAD_REQUEST", "This discount code is not valid for the tickets you hold.", {
      field: "discountCode",
      reason: "DISCOUNT_NOT_FOR_TYPES",
    });
  }
  return eligible.reduce((sum, hold) => sum + hold.price, 0);
}

/** Whether a code takes something off this ticket. */
export function appliesTo(code: CodeTickets, hold: Omit<PricedHold, "price">) {
  if (code.ticketTypeIds.length === 0 && code.tierIds.length === 0) return true;
  return hold.ticketTypeId === null
    ? code.tierIds.includes(hold.tierId)
    : code.ticketTypeIds.includes(hold.ticketTypeId);
}

/** Every use of the code is taken (seen before trying, or lost in the race for the last one). */
export function exhausted() {
  return new AppError("CONFLICT", "This discount code has been used up.", {
    field: "discountCode",
    reason: "DISCOUNT_EXHAUSTED",
  });
}

/** The same lookup outside checkout, for the preview. */
export async function findDiscount(db: Db, eventId: string, code: string) {
  const [row] = await db.$queryRaw<{ discount: FoundDiscount | null }[]>`
    SELECT ${discountSql(eventId, code)} AS discount`;
  return row?.discount ?? null;
}
