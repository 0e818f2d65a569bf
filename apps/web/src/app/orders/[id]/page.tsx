// One order: the payment provider sends the buyer back here. While the payment is unconfirmed it
// waits (and refreshes itself); then it shows the tickets with QR codes, payments and
// cancellation within the refund policy — or why there are no tickets.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "~/components/order-status-badge";
import { TicketQrCode } from "~/components/ticket-qr-code";
import { formatMoney } from "~/format/money";
import { cityName } from "~/i18n/city-name";
import { getSessionUser } from "~/server/auth";
import { CancelOrderButton } from "./cancel-order-button";
import { loadOrder } from "./load-order";
import { PaymentOutcome } from "./payment-outcome";
import { ResendTicketsButton } from "./resend-tickets-button";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("orders");
  // Signed out, the page sends to sign-in: the title names no event.
  if (!(await getSessionUser())) return { title: t("order") };
  const order = await loadOrder(id);
  return { title: `${order.event.title} · ${t("order")} ${order.id.slice(0, 8)}` };
}

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ placed?: string }>;
}) {
  const { id } = await params;
  if (!(await getSessionUser()))
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/orders/${id}`)}`);
  const order = await loadOrder(id);
  const [t, tCity, format, locale, { placed }] = await Promise.all([
    getTranslations("orders"),
    getTranslations("cities"),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const zone = order.event.venue.timeZone;
  const dateTime = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  return (
    <div className="flex flex-col gap-6">
      <Link href="/orders" className="text-sm text-brand-700 hover:underline">
        ← {t("title")}
      </Link>
      {placed && order.status === "PAID" && (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
          {t("placed")}
        </p>
      )}
      <header className="flex flex-col gap-1">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">
            <Link href={`/events/${order.event.id}`} className="hover:underline">
              {order.event.title}
            </Link>
          </h1>
          <OrderStatusBadge status={order.status} label={t(`status.${order.status}`)} />
        </div>
        <p className="text-slate-600">
          {format.dateTime(order.event.startsAt, {
            dateStyle: "full",
            timeStyle: "short",
            timeZone: zone,
          })}{" "}
          · {order.event.venue.name}, {cityName(tCity, order.event.venue.city)}
        </p>
        <p className="text-sm text-slate-500">
          {t("order")} {order.id.slice(0, 8)} ·{" "}
          {t("placedOn", {
            date: dateTime(order.createdAt),
          })}
        </p>
        {order.event.status === "CANCELLED" && (
          <p className="font-medium text-red-800">{t("eventCancelled")}</p>
        )}
      </header>

      <PaymentOutcome order={order} money={money} dateTime={dateTime} />

      {order.tickets.length > 0 && (
        <section aria-labelledby="tickets">
          <h2 id="tickets" className="mb-3 text-lg font-semibold">
            {t("yourTickets")}
          </h2>
          <ul
            data-testid="tickets"
            className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
          >
            {order.tickets.map((ticket) => (
              <li
                key={ticket.id}
                data-testid="ticket"
                className={`flex flex-col items-center gap-2 rounded-xl border bg-white p-4 ${ticket.status === "CANCELLED" ? "border-slate-200 opacity-60" : "border-slate-300"}`}
              >
                <div className="flex w-full items-center justify-between">
                  <span className="font-semibold">
                    {t(ticket.standing ? "place" : "seat", { label: ticket.seat })}
                  </span>
                  <OrderStatusBadge
                    status={ticket.status}
                    label={t(`ticketStatus.${ticket.status}`)}
                  />
                </div>
                <span className="w-full text-sm text-slate-600">
                  {ticket.section} · {ticket.ticketType ?? ticket.tier} · {money(ticket.pricePaid)}
                </span>
                {ticket.code ? (
                  <>
                    <TicketQrCode code={ticket.code} label={t("qrLabel", { label: ticket.seat })} />
                    <span className="w-full text-xs text-slate-500">
                      {t("ticketCode")}: <code className="font-mono break-all">{ticket.code}</code>
                    </span>
                  </>
                ) : (
                  <p data-testid="ticket-void" className="py-4 text-center text-sm text-slate-600">
                    {t("ticketVoid")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section
        aria-labelledby="payments"
        className="rounded-xl border border-slate-200 bg-white p-4"
      >
        <h2 id="payments" className="mb-2 font-semibold">
          {t("payments")}
        </h2>
        <ul className="flex flex-col gap-1 text-sm" data-testid="payments">
          {order.payments.length === 0 && <li className="text-slate-500">{t("noPayments")}</li>}
          {order.payments.map((payment) => (
            <li
              key={`${payment.kind}-${payment.createdAt.toISOString()}`}
              className="flex justify-between"
            >
              <span>
                {payment.kind === "CHARGE" ? t("charge") : t("refund")} ·{" "}
                {dateTime(payment.createdAt)}
              </span>
              <span className={payment.kind === "REFUND" ? "text-emerald-700" : ""}>
                {payment.kind === "REFUND" ? "−" : ""}
                {money(payment.amount)}
              </span>
            </li>
          ))}
        </ul>
        <dl data-testid="order-money" className="mt-2 border-t border-slate-100 pt-2 text-sm">
          {order.discountCode && order.discountAmount > 0 && (
            // The seats' price, then the code's share of it: the total below is what was charged.
            <>
              <div className="flex justify-between">
                <dt>{t("seatsPrice")}</dt>
                <dd>{money(order.total + order.discountAmount)}</dd>
              </div>
              <div data-testid="order-discount" className="flex justify-between text-emerald-800">
                <dt>{t("discount", { code: order.discountCode })}</dt>
                <dd>−{money(order.discountAmount)}</dd>
              </div>
            </>
          )}
          {order.money.refunded > 0 ? (
            <>
              <div className="flex justify-between">
                <dt>{t("paid")}</dt>
                <dd>{money(order.money.paid)}</dd>
              </div>
              <div className="flex justify-between text-emerald-700">
                <dt>{t("refunded")}</dt>
                <dd>−{money(order.money.refunded)}</dd>
              </div>
              <div className="flex justify-between text-base font-semibold">
                <dt>{t("net")}</dt>
                <dd>{money(order.money.net)}</dd>
              </div>
            </>
          ) : (
            <div className="flex justify-between text-base font-semibold">
              <dt>{t("total")}</dt>
              <dd>{money(order.total)}</dd>
            </div>
          )}
        </dl>
      </section>

      {order.status === "CANCELLED" && order.cancelledAt && (
        <p data-testid="refund-summary" className="rounded-lg bg-slate-100 p-3 text-slate-800">
          {order.refund.pending
            ? t("cancelledRefundPending", {
                date: dateTime(order.cancelledAt),
                amount: money(order.refund.pending.amount),
              })
            : t("cancelledRefund", {
                date: dateTime(order.cancelledAt),
                amount: money(order.refund.refunded ?? 0),
              })}
        </p>
      )}
      {order.status === "PAID" && <ResendTicketsButton orderId={order.id} />}
      {order.status === "PAID" &&
        (order.refund.cancellable && order.refund.deadline ? (
          <section className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">
              {t("refundUntil", {
                date: dateTime(order.refund.deadline),
                percent: order.refund.policy.refundPercent,
              })}
            </p>
            <CancelOrderButton orderId={order.id} refundLabel={money(order.refund.amount)} />
          </section>
        ) : (
          <p className="text-sm text-slate-600">{t("notRefundable")}</p>
        ))}
    </div>
  );
}
