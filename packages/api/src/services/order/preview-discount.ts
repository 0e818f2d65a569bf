// order.previewDiscount (issue 15): what a discount code would take off the caller's seats held
// for an event, for the checkout page — or the refusal checkout would give. Reads only: the use
// is taken by checkout, and a code that previews fine may still be used up by then.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import {
  assertDiscountApplies,
  discountableSubtotal,
  discountCodeInput,
  findDiscount,
} from "../discount/discount-lookup.ts";
import { discountOn } from "../discount/discount-math.ts";

export const previewDiscountInput = z.object({ eventId: id, code: discountCodeInput });

export async function previewDiscount(
  db: Db,
  input: z.output<typeof previewDiscountInput>,
  caller: Caller,
) {
  const now = caller.now();
  const event = await db.event.findUnique({
    where: { id: input.eventId },
    select: { id: true, status: true, currency: true },
  });
  if (!event || event.status === "DRAFT") {
    throw new AppError("NOT_FOUND", "This event does not exist.");
  }
  const found = assertDiscountApplies(await findDiscount(db, event.id, input.code), event, now);
  const holds = await db.seatHold.findMany({
    where: { eventId: event.id, userId: caller.user.id, orderId: null, expiresAt: { gt: now } },
    select: { price: true, ticketTypeId: true, eventSeat: { select: { tierId: true } } },
  });
  const subtotal = holds.reduce((sum, hold) => sum + hold.price, 0);
  // Nothing held yet: nothing to refuse either (the page previews before the seats are chosen).
  const priced = holds.map((hold) => ({ ...hold, tierId: hold.eventSeat.tierId }));
  const discount = holds.length ? discountOn(discountableSubtotal(found, priced), found) : 0;
  return {
    code: found.code,
    kind: found.kind,
    value: found.value,
    currency: event.currency,
    seats: holds.length,
    subtotal,
    discount,
    total: subtotal - discount,
  };
}
