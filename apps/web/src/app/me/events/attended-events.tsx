// The "Events you attended" section: one row per past event, dated in the event's own zone.
import type { RouterOutputs } from "@openticket/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cityName } from "~/i18n/city-name";

type AttendedPage = RouterOutputs["me"]["attendedEvents"];

export async function AttendedEvents({
  page,
  isFirstPage,
}: {
  page: AttendedPage;
  isFirstPage: boolean;
}) {
  const [t, tCategory, tCity, format] = await Promise.all([
    getTranslations("myEvents.attended"),
    getTranslations("categories"),
    getTranslations("cities"),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="attended-heading" className="flex flex-col gap-4">
      <h2 id="attended-heading" className="text-xl font-semibold tracking-tight">
        {t("heading")}
      </h2>
      {page.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p>{t("empty")}</p>
          <Link href="/" className="mt-2 inline-block font-medium text-brand-700 hover:underline">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <ul data-testid="attended-events" className="flex flex-col gap-3">
          {page.items.map((event) => (
            <li
              key={event.id}
              className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex min-w-0 flex-col gap-0.5">
                <span className="text-xs font-medium text-brand-700">
                  {tCategory(event.category)}
                </span>
                <h3 className="font-semibold leading-snug">
                  <Link
                    href={`/events/${event.id}`}
                    className="hover:text-brand-700 hover:underline"
                  >
                    {event.title}
                  </Link>
                </h3>
                {event.performer && <p className="text-sm text-slate-600">{event.performer}</p>}
                <p className="text-sm text-slate-600">
                  <time dateTime={event.startsAt.toISOString()}>
                    {format.dateTime(event.startsAt, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: event.venue.timeZone,
                    })}
                  </time>{" "}
                  · {cityName(tCity, event.city)} · {event.venue.name}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-2 text-sm">
                <span className="text-slate-700">{t("tickets", { count: event.ticketCount })}</span>
                {event.checkedIn && (
                  <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">
                    {t("checkedIn")}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {(!isFirstPage || page.nextCursor) && (
        <nav aria-label={t("pagination")} className="flex justify-between text-sm">
          {isFirstPage ? (
            <span />
          ) : (
            <Link href="/me/events" className="text-brand-700 hover:underline">
              {t("newest")}
            </Link>
          )}
          {page.nextCursor && (
            <Link
              href={`/me/events?cursor=${page.nextCursor}`}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:border-brand-600"
            >
              {t("more")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
