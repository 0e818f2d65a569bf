// What a queued message becomes at send time: its stored payload (QueuedMail) plus what the
// database says now, as @openticket/email's MailData. Reading at send time means a message shows
// the order as it is (a resend after a refund lists only the tickets still live).
import type { Db } from "@openticket/db";
import type { Locale, MailData } from "@openticket/email";
import { refundDeadline } from "../../order/refund-policy.ts";
import type { QueuedMail } from "../queue-mail.ts";
import { loadMailEvent, loadMailTickets } from "./event-parts.ts";

const PAYMENT_METHODS: Record<string, Record<Locale, string>> = {
  demo: { en: "Demo payment", "zh-TW": "示範付款" },
  stripe: { en: "Card (Stripe)", "zh-TW": "信用卡（Stripe）" },
};

export async function loadMailData(
  db: Db,
  queued: QueuedMail,
  recipient: { name: string; locale: Locale; userId: string | null },
  publicUrl: string,
): Promise<MailData> {
  const recipientName = recipient.name;
  switch (queued.kind) {
    case "order-confirmation": {
      const order = await db.order.findUniqueOrThrow({ where: { id: queued.orderId } });
      return {
        kind: queued.kind,
        recipientName,
        orderId: order.id,
        orderUrl: `${publicUrl}/orders/${order.id}`,
        event: await loadMailEvent(db, order.eventId, publicUrl),
        tickets: await loadMailTickets(db, [order.id]),
        total: { amount: order.total, currency: order.currency },
      };
    }
    case "refund-receipt": {
      const payment = await db.payment.findUniqueOrThrow({
        where: { id: queued.paymentId },
        select: { amount: true, currency: true, provider: true, createdAt: true, order: true },
      });
      const method = PAYMENT_METHODS[payment.provider]?.[recipient.locale] ?? payment.provider;
      return {
        kind: queued.kind,
        recipientName,
        orderId: payment.order.id,
        orderUrl: `${publicUrl}/orders/${payment.order.id}`,
        event: await loadMailEvent(db, payment.order.eventId, publicUrl),
        amount: { amount: payment.amount, currency: payment.currency },
        method,
        refundedAt: payment.createdAt.toISOString(),
      };
    }
    case "event-changed": {
      const event = await db.event.findUniqueOrThrow({
        where: { id: queued.eventId },
        select: { startsAt: true, refundableUntilHours: true, refundPercent: true },
      });
      return {
        kind: queued.kind,
        recipientName,
        event: await loadMailEvent(db, queued.eventId, publicUrl),
        before: queued.before,
        after: queued.after,
        ordersUrl: `${publicUrl}/orders`,
        refundableUntil: refundDeadline(event)?.toISOString() ?? null,
        refundPercent: event.refundPercent,
      };
    }
    case "event-cancelled": {
      const orders = await db.order.findMany({
        where: { id: { in: queued.orderIds } },
        select: { total: true, currency: true },
      });
      // A cancelled event is refunded in full (payments/refund-order.ts refundDue).
      return {
        kind: queued.kind,
        recipientName,
        event: await loadMailEvent(db, queued.eventId, publicUrl),
        refund: {
          amount: orders.reduce((sum, order) => sum + order.total, 0),
          currency: orders[0]?.currency ?? "TWD",
        },
        ordersUrl: `${publicUrl}/orders`,
      };
    }
    case "event-reminder": {
      const orders = await db.order.findMany({
        where: { eventId: queued.eventId, userId: recipient.userId ?? "", status: "PAID" },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      return {
        kind: queued.kind,
        recipientName,
        event: await loadMailEvent(db, queued.eventId, publicUrl),
        tickets: await loadMailTickets(
          db,
          orders.map((order) => order.id),
        ),
        orderUrl: orders[0] ? `${publicUrl}/orders/${orders[0].id}` : `${publicUrl}/orders`,
      };
    }
    case "password-reset":
      return {
        kind: queued.kind,
        recipientName,
        resetUrl: queued.secret.url,
        expiresAt: queued.expiresAt,
      };
    case "verify-email":
      return {
        kind: queued.kind,
        recipientName,
        verifyUrl: queued.secret.url,
        expiresAt: queued.expiresAt,
      };
    case "sign-up-attempt":
      return {
        kind: queued.kind,
        recipientName,
        signInUrl: queued.signInUrl,
        resetUrl: queued.resetUrl,
      };
    case "confirm-email-change":
      return {
        kind: queued.kind,
        recipientName,
        newEmail: queued.newEmail,
        confirmUrl: queued.secret.url,
        expiresAt: queued.expiresAt,
      };
    case "email-changed":
      return {
        kind: queued.kind,
        recipientName,
        newEmail: queued.newEmail,
        changedAt: queued.changedAt,
      };
    case "email-change-attempt":
      return { kind: queued.kind, recipientName, signInUrl: queued.signInUrl };
  }
}
