// A new event, created as a draft at one of the organizer's venues.
import { getTranslations } from "next-intl/server";
import { CreateEventForm } from "~/components/organizer/create-event-form";
import { getServerApi } from "~/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("eventForm.newTitle") };
}

export default async function NewEventPage() {
  const api = await getServerApi();
  const [t, venues] = await Promise.all([
    getTranslations("organizer.eventForm"),
    api.organizer.venues.list(),
  ]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("newTitle")}</h1>
        <p className="text-sm text-slate-600">{t("newIntro")}</p>
      </header>
      <CreateEventForm
        venues={venues.map(({ id, name, city, timeZone, seatCount }) => ({
          id,
          name,
          city,
          timeZone,
          seatCount,
        }))}
      />
    </div>
  );
}
