// Seat selection for one event. The seat map is fetched here, with the page, and handed to the
// picker, which keeps it live in the browser.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SeatPicker } from "~/components/seat-map/seat-picker";
import { getSessionUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadEvent } from "../load-event";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadEvent((await params).id);
  return { title: `${(await getTranslations("seats"))("title")} · ${event.title}` };
}

export default async function SeatsPage({ params }: { params: Promise<{ id: string }> }) {
  // The event first: a malformed, unknown or hidden id is the 404 page, not a failed seat map.
  const event = await loadEvent((await params).id);
  prefetch(trpc.event.seatMap.queryOptions({ eventId: event.id }));
  const [t, format, user] = await Promise.all([
    getTranslations("seats"),
    getFormatter(),
    getSessionUser(),
  ]);
  return (
    <HydrateClient>
      <div className="flex flex-col gap-4">
        <div>
          <Link href={`/events/${event.id}`} className="text-sm text-brand-700 hover:underline">
            ← {event.title}
          </Link>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600">
            {format.dateTime(event.startsAt, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone: event.venue.timeZone,
            })}{" "}
            · {event.venue.name}
          </p>
        </div>
        <SeatPicker
          eventId={event.id}
          maxSeatsPerOrder={event.maxSeatsPerOrder}
          signedIn={Boolean(user)}
          onSale={event.saleState === "ON_SALE"}
        />
      </div>
    </HydrateClient>
  );
}
