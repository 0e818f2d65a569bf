// One of the organizer's events: its name, status and date above tabs for its overview, seats,
// sales, attendees, door check-in, analytics, waiting room, discount codes and ticket types.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { OrganizerEventStatus } from "~/components/organizer/event-status-badge";
import { loadOwnEvent } from "./load-own-event";

export default async function OrganizerEventLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const { id } = await params;
  const [t, tStatus, format, event] = await Promise.all([
    getTranslations("organizer.event"),
    getTranslations("organizer.status"),
    getFormatter(),
    loadOwnEvent(id),
  ]);
  const base = `/organizer/events/${event.id}`;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold tracking-tight wrap-anywhere">{event.title}</h1>
          <OrganizerEventStatus status={event.status} label={tStatus(event.status)} />
        </div>
        <p className="text-sm text-slate-600">
          {event.venue.name} ·{" "}
          <time dateTime={event.startsAt.toISOString()}>
            {format.dateTime(event.startsAt, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone: event.venue.timeZone,
            })}
          </time>
        </p>
        <ConsoleNav
          label={t("tabs.label")}
          links={[
            { href: base, label: t("tabs.overview"), exact: true },
            { href: `${base}/seats`, label: t("tabs.seats") },
            { href: `${base}/sales`, label: t("tabs.sales") },
            { href: `${base}/attendees`, label: t("tabs.attendees") },
            { href: `${base}/check-in`, label: t("tabs.checkIn") },
            { href: `${base}/analytics`, label: t("tabs.analytics") },
            { href: `${base}/waiting-room`, label: t("tabs.waitingRoom") },
            { href: `${base}/discount-codes`, label: t("tabs.discountCodes") },
            { href: `${base}/ticket-types`, label: t("tabs.ticketTypes") },
          ]}
        />
      </header>
      {children}
    </div>
  );
}
