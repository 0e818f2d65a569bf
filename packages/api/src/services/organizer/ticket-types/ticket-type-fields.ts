// The fields of an event's ticket type (issue 15), validated once for create and update, what
// the console sees of one, and the type an organizer may touch.
import type { Prisma, Tx } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { dateTime, INT4_MAX, id, int, money, name, text } from "../../../input.ts";
import type { Actor } from "../ownership.ts";
import { ownEvents } from "../ownership.ts";

export const ticketTypeFields = z.object({
  name: name(60),
  price: money,
  /** Only seats (or standing places) of this price tier of the event; null: any. */
  tierId: id.nullable().default(null),
  /** At most this many held and sold together; null: no limit. */
  quota: int(1, INT4_MAX).nullable().default(null),
  salesStartAt: dateTime.nullable().default(null),
  salesEndAt: dateTime.nullable().default(null),
  /** Shown to the buyer, e.g. "Bring your student ID." */
  note: text(200).default(""),
});

export type TicketTypeFields = z.output<typeof ticketTypeFields>;

export const ticketTypeSelect = {
  id: true,
  eventId: true,
  name: true,
  price: true,
  tierId: true,
  quota: true,
  held: true,
  sold: true,
  salesStartAt: true,
  salesEndAt: true,
  note: true,
  ordering: true,
} satisfies Prisma.TicketTypeSelect;

/** Refusals that need the event: a tier of another event, a window that ends first. */
export async function checkTicketType(tx: Tx, eventId: string, fields: TicketTypeFields) {
  if (fields.salesStartAt && fields.salesEndAt && fields.salesStartAt >= fields.salesEndAt) {
    throw new AppError("BAD_REQUEST", "A ticket type's sale must start before it ends.", {
      field: "salesEndAt",
    });
  }
  if (fields.tierId) {
    const tier = await tx.priceTier.findFirst({
      where: { id: fields.tierId, eventId },
      select: { id: true },
    });
    if (!tier) {
      throw new AppError("BAD_REQUEST", "This price tier is not part of this event.", {
        field: "tierId",
      });
    }
  }
}

/**
 * The caller's ticket type, its row locked until the transaction ends, with its counts as the
 * triggers keep them: every hold and sale of the type writes the row, so once the lock is taken
 * no write of another transaction is half-way.
 */
export async function lockOwnTicketType(tx: Tx, actor: Actor, ticketTypeId: string) {
  const own = await tx.ticketType.findFirst({
    where: { id: ticketTypeId, event: ownEvents(actor) },
    select: { id: true, eventId: true },
  });
  if (!own) throw new AppError("NOT_FOUND", "This ticket type does not exist.");
  const [counts] = await tx.$queryRaw<{ held: number; sold: number }[]>`
    SELECT held, sold FROM ticket_types WHERE id = ${own.id}::uuid FOR UPDATE`;
  if (!counts) throw new AppError("NOT_FOUND", "This ticket type does not exist.");
  return { ...own, ...counts };
}
