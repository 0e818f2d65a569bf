// order.cancel (R5): while the event's refund policy allows (or at any time once the event was
// cancelled), the tickets are cancelled, the seats return to sale, and one REFUND is recorded
// (payments/refund-order.ts). Cancelling twice (or twice at once) refunds once.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id, idempotencyKey } from "../../input.ts";
import { refundOrder } from "../payments/refund-order.ts";
import { getOrder } from "./get-order.ts";
import { canRefund } from "./refund-policy.ts";

export const cancelOrderInput = z.object({
  orderId: id,
  /** Accepted for symmetry with checkout; cancellation is idempotent by order whatever the key. */
  idempotencyKey,
});

export async function cancelOrder(
  db: Db,
  input: z.output<typeof cancelOrderInput>,
  caller: Caller & Pick<Context, "payments">,
) {
  const order = await db.order.findFirst({
    where: { id: input.orderId, userId: caller.user.id },
    select: {
      id: true,
      status: true,
      total: true,
      currency: true,
      eventId: true,
      event: {
        select: { status: true, startsAt: true, refundableUntilHours: true, refundPercent: true },
      },
      tickets: { where: { status: "CHECKED_IN" }, select: { id: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist.");
  if (order.status === "CANCELLED") return getOrder(db, { orderId: order.id }, caller);
  if (order.status !== "PAID")
    throw new AppError("BAD_REQUEST", "Only paid orders can be cancelled.");
  if (order.tickets.length)
    throw new AppError("BAD_REQUEST", "Tickets of this order were already used.");
  if (order.event.status !== "CANCELLED" && !canRefund(order.event, caller.now())) {
    throw new AppError(
      "BAD_REQUEST",
      "This order can no longer be cancelled under the event's refund policy.",
    );
  }
  await refundOrder(db, order, caller, "order.cancel");
  return getOrder(db, { orderId: order.id }, caller);
}
