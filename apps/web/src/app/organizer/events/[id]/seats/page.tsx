// Seat management (R12): the event's seats by state, filtered by section and state from the
// URL, and blocking or unblocking the seats picked on the map.
import { getTranslations } from "next-intl/server";
import { SeatManager } from "~/components/organizer/seat-manager";
import { FilterForm, FilterSelect } from "~/components/ui/filter-form";
import { loadOr404 } from "~/trpc/load-or-404";
import { oneOf, param, type SearchParams } from "~/url/search-params";
import { uuidOrUndefined } from "~/url/uuid";
import { loadOwnEvent } from "../load-own-event";

const STATES = ["AVAILABLE", "HELD", "SOLD", "BLOCKED"] as const;

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("seats.title") };
}

export default async function EventSeatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const section = uuidOrUndefined(param(query, "section"));
  const state = oneOf(query, "state", STATES);
  const [t, event, map] = await Promise.all([
    getTranslations("organizer.seats"),
    loadOwnEvent(id),
    loadOr404(id, (api) => api.organizer.seats.map({ eventId: id, section, state })),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <FilterForm action={`/organizer/events/${id}/seats`} label={t("filters")}>
        <FilterSelect
          label={t("section")}
          name="section"
          value={section}
          any={t("allSections")}
          options={map.sections.map((option) => ({ value: option.id, label: option.name }))}
        />
        <FilterSelect
          label={t("stateFilter")}
          name="state"
          value={state}
          any={t("allStates")}
          options={STATES.map((option) => ({ value: option, label: t(`state.${option}`) }))}
        />
      </FilterForm>
      <SeatManager key={`${section}-${state}`} map={map} timeZone={event.venue.timeZone} />
    </div>
  );
}
