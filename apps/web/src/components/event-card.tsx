import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "~/format/money";
import { cityName } from "~/i18n/city-name";
import { EventCover } from "./event-cover";

type EventListItem = RouterOutputs["event"]["list"]["items"][number];

/** Below this share of seats left, a card says how few remain. */
const FEW_LEFT_SHARE = 0.1;

export async function EventCard({ event }: { event: EventListItem }) {
  const [t, tCategory, tCity, format, locale] = await Promise.all([
    getTranslations("events"),
    getTranslations("categories"),
    getTranslations("cities"),
    getFormatter(),
    getLocale(),
  ]);
  const soldOut = event.seatsTotal > 0 && event.seatsAvailable === 0;
  const fewLeft =
    !soldOut &&
    event.seatsAvailable > 0 &&
    event.seatsAvailable <= event.seatsTotal * FEW_LEFT_SHARE;
  return (
    <li className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/events/${event.id}`} className="flex h-full flex-col">
        <EventCover
          event={event}
          sizes="(min-width: 1024px) 22rem, (min-width: 640px) 50vw, 100vw"
        />
        <div className="flex flex-1 flex-col gap-1 p-4">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700">
              {tCategory(event.category)}
            </span>
            {soldOut && (
              <span className="rounded-full bg-red-100 px-2 py-0.5 font-medium text-red-800">
                {t("soldOut")}
              </span>
            )}
            {fewLeft && (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                {t("fewLeft", { count: event.seatsAvailable })}
              </span>
            )}
          </div>
          <h2 className="text-base font-semibold leading-snug text-slate-900">{event.title}</h2>
          {event.performer && <p className="text-sm text-slate-600">{event.performer}</p>}
          <p className="text-sm text-slate-600">
            <time dateTime={event.startsAt.toISOString()}>
              {format.dateTime(event.startsAt, {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone: event.venue.timeZone,
              })}
            </time>
          </p>
          <p className="text-sm text-slate-600">
            {cityName(tCity, event.city)} · {event.venue.name}
          </p>
          <p className="mt-auto pt-2 text-sm font-semibold text-slate-900">
            {event.lowestPrice === null
              ? t("noPrice")
              : t("from_price", { price: formatMoney(event.lowestPrice, event.currency, locale) })}
          </p>
        </div>
      </Link>
    </li>
  );
}
