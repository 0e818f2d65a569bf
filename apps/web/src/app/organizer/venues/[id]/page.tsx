// One venue: its details (editable), its layout drawn as buyers will see it, its sections and
// standing zones (removable), and the ways to build it — a generated section, a standing zone, an
// imported CSV, seats taken out.
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { AddSectionForm } from "~/components/organizer/add-section-form";
import { AddStandingZoneForm } from "~/components/organizer/add-standing-zone-form";
import { ImportLayoutForm } from "~/components/organizer/import-layout-form";
import { VenueForm } from "~/components/organizer/venue-form";
import { VenueLayoutEditor } from "~/components/organizer/venue-layout-editor";
import { VenueSections } from "~/components/organizer/venue-sections";
import { card } from "~/components/ui/styles";
import { loadOr404 } from "~/trpc/load-or-404";

// The page and its metadata share one load a request.
const loadVenue = cache((id: string) =>
  loadOr404(id, (api) => api.organizer.venues.byId({ venueId: id })),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const venue = await loadVenue((await params).id);
  return { title: venue.name };
}

export default async function VenuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, venue] = await Promise.all([getTranslations("organizer.venue"), loadVenue(id)]);
  // A standing zone's places are seats to the api; people count them apart.
  const count = (kind: "SEATED" | "STANDING") =>
    venue.sections
      .filter((section) => section.kind === kind)
      .reduce((total, section) => total + section.seats.length, 0);
  const standingPlaces = count("STANDING");
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{venue.name}</h1>
        <p className="text-sm text-slate-600">
          {venue.city} · {venue.address} · {venue.timeZone}
        </p>
        <p className="text-sm text-slate-600" data-testid="venue-size">
          {standingPlaces > 0
            ? t("sizeWithStanding", {
                sections: venue.sections.length,
                seats: count("SEATED"),
                places: standingPlaces,
              })
            : t("size", { sections: venue.sections.length, seats: count("SEATED") })}
        </p>
      </header>

      <details className={`${card} group`}>
        <summary className="cursor-pointer text-lg font-semibold">{t("editDetails")}</summary>
        <div className="mt-4">
          <VenueForm venue={venue} />
        </div>
      </details>

      <section aria-labelledby="layout-heading" className="flex flex-col gap-3">
        <h2 id="layout-heading" className="text-lg font-semibold">
          {t("layout")}
        </h2>
        <VenueLayoutEditor venue={venue} />
        <VenueSections venueId={venue.id} sections={venue.sections} />
      </section>

      <section aria-labelledby="section-heading" className={card}>
        <h2 id="section-heading" className="mb-4 text-lg font-semibold">
          {t("addSection")}
        </h2>
        <AddSectionForm venueId={venue.id} sections={venue.sections} />
      </section>

      <section aria-labelledby="zone-heading" className={card}>
        <h2 id="zone-heading" className="mb-2 text-lg font-semibold">
          {t("addStandingZone")}
        </h2>
        <AddStandingZoneForm venueId={venue.id} sections={venue.sections} />
      </section>

      <section aria-labelledby="import-heading" className={card}>
        <h2 id="import-heading" className="mb-2 text-lg font-semibold">
          {t("import")}
        </h2>
        <ImportLayoutForm venueId={venue.id} />
      </section>
    </div>
  );
}
