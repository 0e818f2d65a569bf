// One event: performer, time in the venue's zone, venue, prices with seats left, refund policy.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EventCover } from "~/components/event-cover";
import { formatMoney } from "~/format/money";
import { loadEvent } from "./load-event";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: (await loadEvent((await params).id)).title };
}

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadEvent((await params).id);
  const [t, tCategory, format, locale] = await Promise.all([
    getTranslations("event"),
    getTranslations("categories"),
    getFormatter(),
    getLocale(),
  ]);
  const zone = event.venue.timeZone;
  const cancelled = event.status === "CANCELLED";
  // Sold out when no seat is left in any tier; held seats may come back, but none can be chosen now.
  const soldOut = !cancelled && event.priceTiers.every((tier) => tier.seatsAvailable === 0);
  return (
    <article className="flex flex-col gap-6">
      <Link href="/" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      {event.status === "CANCELLED" && (
        <p role="status" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {t("cancelled")}
        </p>
      )}
      {event.status === "DRAFT" && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm font-medium text-amber-900">
          {t("draft")}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <div className="overflow-hidden rounded-xl">
            <EventCover event={event} sizes="(min-width: 1024px) 44rem, 100vw" priority />
          </div>
          <p className="text-sm font-medium text-brand-700">{tCategory(event.category)}</p>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{event.title}</h1>
          <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t("performer")}</dt>
              <dd className="font-medium">{event.performer || "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("when")}</dt>
              <dd className="font-medium">
                <time dateTime={event.startsAt.toISOString()}>
                  {format.dateTimeRange(event.startsAt, event.endsAt, {
                    dateStyle: "full",
                    timeStyle: "short",
                    timeZone: zone,
                  })}
                </time>
                <span className="block text-xs font-normal text-slate-500">{zone}</span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("where")}</dt>
              <dd className="font-medium">
                {event.venue.name}
                <span className="block font-normal text-slate-600">{event.venue.address}</span>
                {/* A plain link: no map script or tiles load here. */}
                <a
                  href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(
                    `${event.venue.address}, ${event.city}`,
                  )}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid="venue-map-link"
                  className="mt-1 inline-block font-normal text-brand-700 hover:underline"
                >
                  {t("mapLink")}
                  <span className="sr-only"> {t("mapLinkHint")}</span>
                </a>
              </dd>
            </div>
          </dl>
          <p className="whitespace-pre-line leading-relaxed text-slate-700">{event.description}</p>
          <p className="text-sm text-slate-500">
            {t("organizer", { name: event.organizer.displayName })}
          </p>
        </div>
        <aside className="flex flex-col gap-4">
          <section
            aria-labelledby="prices"
            className="rounded-xl border border-slate-200 bg-white p-4"
          >
            <h2 id="prices" className="mb-3 font-semibold">
              {t("prices")}
            </h2>
            <ul className="flex flex-col divide-y divide-slate-100">
              {event.priceTiers.map((tier) => (
                <li key={tier.id} className="flex items-baseline justify-between gap-3 py-2">
                  <span>
                    <span className="font-medium">{tier.name}</span>
                    <span className="block text-xs text-slate-500">
                      {cancelled
                        ? t("cancelledBadge")
                        : tier.seatsAvailable === 0
                          ? t("soldOut")
                          : t(event.seated ? "seatsLeft" : "placesLeft", {
                              available: tier.seatsAvailable,
                              total: tier.seatsTotal,
                            })}
                    </span>
                  </span>
                  <span className="font-semibold">
                    {formatMoney(tier.price, event.currency, locale)}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-xs text-slate-500">
              {t("maxPerOrder", { count: event.maxSeatsPerOrder })}
            </p>
            {cancelled || soldOut ? (
              <p
                data-testid="not-on-sale"
                className="mt-4 rounded-md bg-red-50 p-2 text-center text-sm font-medium text-red-800"
              >
                {cancelled ? t("cancelledBadge") : t("soldOut")}
              </p>
            ) : event.status === "PUBLISHED" ? (
              <Link
                href={`/events/${event.id}/seats`}
                data-testid="choose-seats"
                className="mt-4 block w-full rounded-md bg-brand-600 px-4 py-2 text-center font-medium text-white hover:bg-brand-700"
              >
                {t(event.seated ? "chooseSeats" : "getTickets")}
              </Link>
            ) : (
              <p className="mt-4 rounded-md bg-slate-100 p-2 text-center text-sm text-slate-600">
                {t("notOnSale")}
              </p>
            )}
          </section>
          <section
            aria-labelledby="refunds"
            className="rounded-xl border border-slate-200 bg-white p-4 text-sm"
          >
            <h2 id="refunds" className="mb-2 font-semibold">
              {t("refundPolicy")}
            </h2>
            <p className="text-slate-700">
              {event.refundableUntilHours === null
                ? t("notRefundable")
                : t("refundable", {
                    hours: event.refundableUntilHours,
                    percent: event.refundPercent,
                  })}
            </p>
          </section>
        </aside>
      </div>
    </article>
  );
}
