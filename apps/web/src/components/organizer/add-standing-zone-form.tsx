"use client";
// Adds a standing (general-admission) zone: a name, how many people it holds and where it is.
// Its places are numbered #1..capacity and drawn as a grid only so that the zone has an area on
// the map (places per row sets how wide). Like a section, it is warned of while typing when it
// would overlap what is there, and the page catches up when the api refuses one that overlaps a
// section added since the page loaded.
import type { RouterInputs } from "@openticket/api";
import {
  defaultPlacesPerRow,
  generateStandingPlaces,
  type PlacedSection,
} from "@openticket/api/venue-layout";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import {
  clearForNext,
  freeRowY,
  overlappedSections,
  PlacementFormEnd,
  PositionFields,
  refusedForOverlap,
} from "./section-placement";

type ZoneInput = RouterInputs["organizer"]["venues"]["addStandingZone"];

const MAX_CAPACITY = 10_000;
const MAX_PLACES_PER_ROW = 200;
/** Field ids apart from the add-section form's on the same page. */
const PREFIX = "zone-";

/** The zone the form describes, as the api takes it; places per row left empty = the api's. */
function readZone(form: FormData, venueId: string): ZoneInput {
  const number = (key: string) => Number(form.get(key) ?? 0);
  const perRow = String(form.get("placesPerRow") ?? "").trim();
  return {
    venueId,
    name: String(form.get("zoneName")),
    capacity: number("capacity"),
    placesPerRow: perRow ? Number(perRow) : undefined,
    origin: { x: number(`${PREFIX}originX`), y: number(`${PREFIX}originY`) },
  };
}

/** The sections it would overlap; none while the zone is incomplete (the api says why). */
function overlapsOf(input: ZoneInput, sections: readonly PlacedSection[]): string[] {
  const { capacity, placesPerRow = defaultPlacesPerRow(capacity) } = input;
  const origin = input.origin ?? { x: 0, y: 0 };
  const valid = [capacity, placesPerRow, origin.x, origin.y].every(Number.isInteger);
  if (!valid || capacity < 1 || capacity > MAX_CAPACITY) return [];
  if (placesPerRow < 1 || placesPerRow > MAX_PLACES_PER_ROW) return [];
  return overlappedSections(generateStandingPlaces({ capacity, placesPerRow, origin }), sections);
}

export function AddStandingZoneForm({
  venueId,
  sections,
}: {
  venueId: string;
  /** The venue's sections and zones as they are drawn, to warn of an overlap before saving. */
  sections: readonly PlacedSection[];
}) {
  const t = useTranslations("organizer.standingZone");
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [initialY] = useState(() => freeRowY(sections.flatMap((section) => section.seats)));
  // What the form describes once the organizer starts on it: an untouched form warns of nothing.
  const [draft, setDraft] = useState<ZoneInput | null>(null);
  const overlapping = useMemo(() => (draft ? overlapsOf(draft, sections) : []), [draft, sections]);
  const add = useMutation(
    trpc.organizer.venues.addStandingZone.mutationOptions({
      onSuccess: (result) => {
        setDone(t("added", { name: result.section.name, count: result.section.seats.length }));
        // Ready for the next one: a new name, below what is there now.
        const current = form.current;
        if (current) {
          const seats = [...sections.flatMap((section) => section.seats), ...result.section.seats];
          clearForNext(current, { name: "zoneName", originY: `${PREFIX}originY` }, seats);
        }
        setDraft(null);
        router.refresh();
      },
      // Show the section added meanwhile, and the warning with it.
      onError: (error) => {
        if (refusedForOverlap(error)) router.refresh();
      },
    }),
  );
  return (
    <form
      ref={form}
      aria-label={t("title")}
      className="flex flex-col gap-4"
      onChange={(event) => setDraft(readZone(new FormData(event.currentTarget), venueId))}
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        add.mutate(readZone(new FormData(event.currentTarget), venueId));
      }}
    >
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label={t("name")} name="zoneName" required maxLength={80} />
        <FormField
          label={t("capacity")}
          name="capacity"
          type="number"
          required
          min={1}
          max={MAX_CAPACITY}
          defaultValue={100}
          hint={t("capacityHint")}
        />
        <FormField
          label={t("placesPerRow")}
          name="placesPerRow"
          type="number"
          min={1}
          max={MAX_PLACES_PER_ROW}
          hint={t("placesPerRowHint")}
        />
        <PositionFields prefix={PREFIX} initialY={initialY} />
      </div>
      <PlacementFormEnd
        overlapping={overlapping}
        zone
        testId="zone-overlap"
        error={add.error}
        done={done}
        pending={add.isPending}
        add={t("add")}
        adding={t("adding")}
      />
    </form>
  );
}
