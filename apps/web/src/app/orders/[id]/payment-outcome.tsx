// What became of an order's payment, for the orders that have no tickets to show: still being
// paid (the seats kept for it, and the way back to the payment page), or never paid and why.

import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RefreshWhilePending } from "./refresh-while-pending";

type Order = RouterOutputs["order"]["byId"];

export async function PaymentOutcome({
  order,
  money,
  dateTime,
}: {
  order: Order;
  money: (amount: number) => string;
  dateTime: (date: Date) => string;
}) {
  const t = await getTranslations("orders");
  if (order.status === "PENDING" && order.payment) {
    const { payment } = order;
    return (
      <section
        data-testid="payment-waiting"
        aria-labelledby="payment-waiting-title"
        className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
      >
        <RefreshWhilePending orderId={order.id} />
        <h2 id="payment-waiting-title" className="font-semibold" role="status">
          {t("waitingTitle")}
        </h2>
        <p>
          {t("waitingSeats", { seats: payment.seats.join(", ") })}
          {payment.dueAt && ` ${t("waitingDue", { date: dateTime(payment.dueAt) })}`}
        </p>
        <p className="text-sm">{t("waitingHint")}</p>
        {payment.redirectUrl && (
          <a
            href={payment.redirectUrl}
            className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t("continuePayment")}
          </a>
        )}
      </section>
    );
  }
  if (order.status !== "FAILED" && order.status !== "EXPIRED") return null;

  // Paid after the seats had gone (the order had expired, or its holds were lost): the charge
  // is in the ledger, and so is its refund once the provider confirmed it.
  const charged = order.payments.some((payment) => payment.kind === "CHARGE");
  const message = !charged
    ? t(order.status === "FAILED" ? "declined" : "expired")
    : order.refund.refunded !== null
      ? t("latePaymentRefunded", { amount: money(order.refund.refunded) })
      : t("latePaymentRefunding", { amount: money(order.refund.pending?.amount ?? order.total) });
  return (
    <section
      data-testid="payment-outcome"
      className="flex flex-col gap-2 rounded-xl border border-slate-300 bg-white p-4"
    >
      <p>{message}</p>
      <Link
        href={`/events/${order.event.id}/seats`}
        className="self-start font-medium text-brand-700 hover:underline"
      >
        {t("chooseAgain")}
      </Link>
    </section>
  );
}
