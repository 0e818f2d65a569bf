// Seat selection for one event.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SeatPicker } from "~/components/seat-map/seat-picker";
import { getSessionUser } from "~/server/auth";
import { loadEvent } from "../load-event";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadEvent((await params).id);
  return { title: `${(await getTranslations("seats"))("title")} · ${event.title}` };
}

export default async function SeatsPage({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadEvent((await params).id);
  const [t, format, user] = await Promise.all([
    getTranslations("seats"),
    getFormatter(),
    getSessionUser(),
  ]);
  return (
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
  );
}
