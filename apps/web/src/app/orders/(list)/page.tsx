// My orders (R2, R5): every order with its status, event, date and total, newest first.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "~/components/order-status-badge";
import { formatMoney } from "~/format/money";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { uuidOrUndefined } from "~/url/uuid";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/orders");
  const { cursor } = await searchParams;
  const api = await getServerApi();
  const [t, format, locale, page] = await Promise.all([
    getTranslations("orders"),
    getFormatter(),
    getLocale(),
    api.order.list({ cursor: uuidOrUndefined(cursor) }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {page.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <p>{t("empty")}</p>
          <Link href="/" className="mt-2 inline-block text-brand-700 hover:underline">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <ul data-testid="order-list" className="flex flex-col gap-3">
          {page.items.map((order) => (
            <li key={order.id}>
              <Link
                href={`/orders/${order.id}`}
                className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 hover:shadow-md sm:flex-row sm:items-center sm:justify-between"
              >
                <span className="flex flex-col">
                  <span className="font-semibold">{order.event.title}</span>
                  <span className="text-sm text-slate-600">
                    {format.dateTime(order.event.startsAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: order.event.venue.timeZone,
                    })}{" "}
                    · {order.event.venue.name}
                  </span>
                  <span className="text-xs text-slate-500">
                    {t("placedOn", {
                      date: format.dateTime(order.createdAt, { dateStyle: "medium" }),
                    })}
                    {order.ticketCount > 0 && ` · ${t("tickets", { count: order.ticketCount })}`}
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <OrderStatusBadge status={order.status} label={t(`status.${order.status}`)} />
                  {order.money.refunded > 0 ? (
                    <span className="flex flex-col items-end" data-testid="order-net">
                      <span className="font-semibold">
                        {t("netAmount", {
                          amount: formatMoney(order.money.net, order.currency, locale),
                        })}
                      </span>
                      <span className="text-xs text-emerald-700">
                        {t("refundedAmount", {
                          amount: formatMoney(order.money.refunded, order.currency, locale),
                        })}
                      </span>
                    </span>
                  ) : (
                    <span className="font-semibold">
                      {formatMoney(order.total, order.currency, locale)}
                    </span>
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {cursor ? (
          <Link href="/orders" className="text-brand-700 hover:underline">
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link
            href={`/orders?cursor=${page.nextCursor}`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            {t("more")}
          </Link>
        )}
      </nav>
    </div>
  );
}
