// organizer.discountCodes.list: the caller's discount codes (every code for an admin), newest
// first, a page at a time; with eventId, those that apply to that event (its own and the
// organizer's codes for all events).
import type { Db, Prisma } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id, pageSize } from "../../../input.ts";
import { findOwnEvent } from "../ownership.ts";
import { discountCodeSelect, ownCodes } from "./discount-code-fields.ts";

export const listDiscountCodesInput = z
  .object({
    eventId: id.optional(),
    cursor: id.optional(),
    limit: pageSize(100, 50),
  })
  .prefault({});

export async function listDiscountCodes(
  db: Db,
  input: z.output<typeof listDiscountCodesInput>,
  caller: Caller,
) {
  let where: Prisma.DiscountCodeWhereInput = ownCodes(caller.user);
  if (input.eventId) {
    const event = await findOwnEvent(db, caller.user, input.eventId, {
      id: true,
      organizerId: true,
    });
    where = {
      organizerId: event.organizerId,
      OR: [{ eventId: event.id }, { eventId: null }],
    };
  }
  const rows = await db.discountCode.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: discountCodeSelect,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
