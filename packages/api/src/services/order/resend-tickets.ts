// order.resendTickets: "send me my tickets again" — the order confirmation, queued once more for
// the order's owner, if the order is PAID. The client's idempotency key names the request, so a
// retried click records one message; the rate limit (mailResends) keeps it from being a flood.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id, idempotencyKey } from "../../input.ts";
import { queueMailToUsers } from "../mail/queue-mail.ts";

export const resendTicketsInput = z.object({ orderId: id, idempotencyKey });

export async function resendTickets(
  db: Db,
  input: z.output<typeof resendTicketsInput>,
  caller: Caller,
) {
  const order = await db.order.findFirst({
    where: { id: input.orderId, userId: caller.user.id },
    select: { id: true, status: true },
  });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist.");
  if (order.status !== "PAID") {
    throw new AppError("BAD_REQUEST", "Only a paid order has tickets to send.");
  }
  const queued = await queueMailToUsers(db, [
    {
      key: `order-confirmation:${order.id}:resend:${input.idempotencyKey}`,
      userId: caller.user.id,
      mail: { kind: "order-confirmation", orderId: order.id },
    },
  ]);
  return { orderId: order.id, queued: queued === 1 };
}
