// A new venue: its name and address first; sections are added on the venue's page.
import { getTranslations } from "next-intl/server";
import { VenueForm } from "~/components/organizer/venue-form";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("venueForm.title") };
}

export default async function NewVenuePage() {
  const t = await getTranslations("organizer.venueForm");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </header>
      <VenueForm />
    </div>
  );
}
