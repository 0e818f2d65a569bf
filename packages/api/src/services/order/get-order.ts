// order.byId (R2, R5): one of the caller's own orders; anyone else's is NOT_FOUND.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { refundDue } from "../payments/refund-order.ts";
import { orderMoney } from "./order-money.ts";
import { canRefund, refundDeadline } from "./refund-policy.ts";

export const getOrderInput = z.object({ orderId: id });

export async function getOrder(db: Db, input: z.output<typeof getOrderInput>, caller: Caller) {
  const now = caller.now();
  const order = await db.order.findFirst({
    where: { id: input.orderId, userId: caller.user.id },
    select: {
      id: true,
      status: true,
      total: true,
      currency: true,
      discountAmount: true,
      discountCode: { select: { code: true } },
      createdAt: true,
      cancelledAt: true,
      event: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          status: true,
          refundableUntilHours: true,
          refundPercent: true,
          venue: { select: { name: true, city: true, timeZone: true } },
        },
      },
      tickets: {
        select: {
          id: true,
          code: true,
          status: true,
          pricePaid: true,
          ticketType: { select: { name: true } },
          eventSeat: {
            select: {
              id: true,
              tier: { select: { name: true } },
              seat: {
                select: {
                  label: true,
                  rowLabel: true,
                  number: true,
                  section: { select: { name: true, kind: true } },
                },
              },
            },
          },
        },
        orderBy: { eventSeat: { seat: { label: "asc" } } },
      },
      payments: {
        select: { kind: true, amount: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      paymentDueAt: true,
      attempts: { select: { kind: true, status: true, redirectUrl: true, amount: true } },
      holds: {
        select: { eventSeat: { select: { seat: { select: { label: true } } } } },
        orderBy: { eventSeat: { seat: { label: "asc" } } },
      },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist.");
  const { event, tickets, attempts, holds, paymentDueAt, discountCode, ...rest } = order;
  const charge = attempts.find((attempt) => attempt.kind === "CHARGE");
  const refundOwed = attempts.find((attempt) => attempt.kind === "REFUND");
  const cancellable =
    order.status === "PAID" && event.status !== "CANCELLED" && canRefund(event, now);
  return {
    ...rest,
    /** The code applied at checkout, as the organizer wrote it; `total` is after its discount. */
    discountCode: discountCode?.code ?? null,
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status,
      venue: event.venue,
    },
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      // A cancelled ticket's code would still open the door if shown: only live tickets carry it.
      code: ticket.status === "CANCELLED" ? null : ticket.code,
      status: ticket.status,
      pricePaid: ticket.pricePaid,
      eventSeatId: ticket.eventSeat.id,
      seat: ticket.eventSeat.seat.label,
      section: ticket.eventSeat.seat.section.name,
      /** A standing zone's place: `seat` is its entry number ("#12"). */
      standing: ticket.eventSeat.seat.section.kind === "STANDING",
      tier: ticket.eventSeat.tier.name,
      /** The ticket type it was sold as; null: at the tier's own price. */
      ticketType: ticket.ticketType?.name ?? null,
    })),
    /** While PENDING: where to pay, until when, and the seats kept for this payment. */
    payment:
      order.status === "PENDING"
        ? {
            redirectUrl: charge?.redirectUrl ?? null,
            dueAt: paymentDueAt,
            seats: holds.map((hold) => hold.eventSeat.seat.label),
          }
        : null,
    refund: {
      /** A refund decided but not yet confirmed by the payment provider. */
      pending:
        refundOwed && refundOwed.status !== "SUCCEEDED" ? { amount: refundOwed.amount } : null,
      policy: {
        refundableUntilHours: event.refundableUntilHours,
        refundPercent: event.refundPercent,
      },
      deadline: refundDeadline(event),
      cancellable,
      /** What cancelling now would give back. */
      amount: cancellable ? refundDue({ total: order.total, event }) : 0,
      refunded: order.payments.find((payment) => payment.kind === "REFUND")?.amount ?? null,
    },
    /** What the buyer paid, got back and paid in the end, from the payments recorded. */
    money: orderMoney(order.payments),
  };
}
