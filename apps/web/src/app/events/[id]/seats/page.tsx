// Seat selection for one event. The seat status is fetched here, with the page, and handed to
// the picker, which loads the layout and keeps the status live in the browser. The layout is not
// put in the page: a stadium's is hundreds of kilobytes, rendered into every visit's HTML on the
// server that the on-sale rush needs for holds. Instead the page tells the browser to preload
// its year-cacheable URL, so the download starts with the HTML, not after hydration, and a
// second visit (or a CDN) does not fetch it at all.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { preload } from "react-dom";
import { seatLayoutUrl } from "~/components/seat-map/seat-layout-query";
import { SeatPicker } from "~/components/seat-map/seat-picker";
import { WaitingRoomGate } from "~/components/waiting-room/waiting-room-gate";
import { getSessionUser } from "~/server/auth";
import { getServerApi, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadEvent } from "../load-event";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadEvent((await params).id);
  return { title: `${(await getTranslations("seats"))("title")} · ${event.title}` };
}

export default async function SeatsPage({ params }: { params: Promise<{ id: string }> }) {
  // The event first: a malformed, unknown or hidden id is the 404 page, not a failed seat map.
  const event = await loadEvent((await params).id);
  prefetch(trpc.event.seatStatus.queryOptions({ eventId: event.id }));
  // The layout's version (from the per-process layout cache, as the status's is: they agree; no
  // SQL on most requests) names the URL the picker will fetch.
  const api = await getServerApi();
  const [t, format, user, layout] = await Promise.all([
    getTranslations("seats"),
    getFormatter(),
    getSessionUser(),
    api.event.seatLayout({ eventId: event.id }),
  ]);
  // A talk or a standing-only show has places, not seats.
  const onlyStanding =
    layout.sections.length > 0 && layout.sections.every((section) => section.standing);
  preload(seatLayoutUrl(event.id, layout.version), { as: "fetch", crossOrigin: "anonymous" });
  const picker = (
    <SeatPicker
      eventId={event.id}
      maxSeatsPerOrder={event.maxSeatsPerOrder}
      signedIn={Boolean(user)}
      onSale={event.saleState === "ON_SALE"}
    />
  );
  return (
    <HydrateClient>
      <div className="flex flex-col gap-4">
        <div>
          <Link href={`/events/${event.id}`} className="text-sm text-brand-700 hover:underline">
            ← {event.title}
          </Link>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">
            {onlyStanding ? t("titlePlaces") : t("title")}
          </h1>
          <p className="text-sm text-slate-600">
            {format.dateTime(event.startsAt, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone: event.venue.timeZone,
            })}{" "}
            · {event.venue.name}
          </p>
        </div>
        {user && event.hasWaitingRoom ? (
          <WaitingRoomGate eventId={event.id}>{picker}</WaitingRoomGate>
        ) : (
          picker
        )}
      </div>
    </HydrateClient>
  );
}
