"use client";
// Generates a section of rows × seats: where it starts, how rows are named and numbered, and
// whether rows curve towards the stage or are staggered. Whether it would overlap a section
// already there is shown while typing, by the api's own geometry, and it cannot be saved so; when
// the api refuses one that overlaps a section added since the page loaded, the page catches up.
import type { RouterInputs } from "@openticket/api";
import { generateSectionSeats, type PlacedSection } from "@openticket/api/venue-layout";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { FormField } from "~/components/form-field";
import { fieldInput, fieldLabel } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import {
  clearForNext,
  freeRowY,
  overlappedSections,
  PlacementFormEnd,
  PositionFields,
  refusedForOverlap,
} from "./section-placement";

type SectionInput = RouterInputs["organizer"]["venues"]["addSection"];

/** The section the form describes, as the api takes it. */
function readSection(form: FormData, venueId: string): SectionInput {
  const number = (key: string) => Number(form.get(key) ?? 0);
  const shape = form.get("shape");
  return {
    venueId,
    name: String(form.get("sectionName")),
    rows: {
      count: number("rowCount"),
      firstLabel: String(form.get("firstLabel") || "A"),
      skipIAndO: form.get("skipIAndO") === "on",
    },
    seatsPerRow: number("seatsPerRow"),
    numbering: form.get("numbering") === "RIGHT_TO_LEFT" ? "RIGHT_TO_LEFT" : "LEFT_TO_RIGHT",
    curve: shape === "curve" ? number("curve") : 0,
    rowOffset: shape === "offset" ? number("rowOffset") : 0,
    origin: { x: number("originX"), y: number("originY") },
  };
}

/** The sections it would overlap; none while the shape is incomplete (the api says why). */
function overlapsOf(input: SectionInput, sections: readonly PlacedSection[]): string[] {
  const { count, firstLabel, skipIAndO = false } = input.rows;
  const valid = [count, input.seatsPerRow, input.origin?.x ?? 0, input.origin?.y ?? 0].every(
    Number.isInteger,
  );
  if (!valid || count < 1 || input.seatsPerRow < 1 || count * input.seatsPerRow > 10_000) {
    return [];
  }
  try {
    const seats = generateSectionSeats({
      rows: { count, firstLabel: (firstLabel ?? "A").toUpperCase(), skipIAndO },
      seatsPerRow: input.seatsPerRow,
      numbering: input.numbering ?? "LEFT_TO_RIGHT",
      curve: input.curve ?? 0,
      rowOffset: input.rowOffset ?? 0,
      origin: input.origin ?? { x: 0, y: 0 },
    });
    return overlappedSections(seats, sections);
  } catch {
    return [];
  }
}

export function AddSectionForm({
  venueId,
  sections,
}: {
  venueId: string;
  /** The venue's sections as they are drawn, to warn of an overlap before saving. */
  sections: readonly PlacedSection[];
}) {
  const t = useTranslations("organizer.section");
  const trpc = useTRPC();
  const router = useRouter();
  const [shape, setShape] = useState<"straight" | "curve" | "offset">("straight");
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [initialY] = useState(() => freeRowY(sections.flatMap((section) => section.seats)));
  // What the form describes as it is typed (its defaults at first).
  const [draft, setDraft] = useState<SectionInput>({
    venueId,
    name: "",
    rows: { count: 5 },
    seatsPerRow: 10,
    origin: { x: 0, y: initialY },
  });
  const overlapping = useMemo(() => overlapsOf(draft, sections), [draft, sections]);
  const add = useMutation(
    trpc.organizer.venues.addSection.mutationOptions({
      onSuccess: (result) => {
        setDone(t("added", { name: result.section.name, count: result.section.seats.length }));
        // Ready for the next one: a new name, below what is there now.
        const current = form.current;
        if (current) {
          const seats = [...sections.flatMap((section) => section.seats), ...result.section.seats];
          clearForNext(current, { name: "sectionName", originY: "originY" }, seats);
          setDraft(readSection(new FormData(current), venueId));
        }
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
      onChange={(event) => setDraft(readSection(new FormData(event.currentTarget), venueId))}
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        add.mutate(readSection(new FormData(event.currentTarget), venueId));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label={t("name")} name="sectionName" required maxLength={80} />
        <FormField
          label={t("rows")}
          name="rowCount"
          type="number"
          required
          min={1}
          max={100}
          defaultValue={5}
        />
        <FormField
          label={t("firstLabel")}
          name="firstLabel"
          required
          maxLength={1}
          pattern="[A-Za-z]"
          defaultValue="A"
        />
        <FormField
          label={t("seatsPerRow")}
          name="seatsPerRow"
          type="number"
          required
          min={1}
          max={200}
          defaultValue={10}
        />
        <label className={fieldLabel}>
          {t("numbering")}
          <select name="numbering" className={fieldInput} defaultValue="LEFT_TO_RIGHT">
            <option value="LEFT_TO_RIGHT">{t("leftToRight")}</option>
            <option value="RIGHT_TO_LEFT">{t("rightToLeft")}</option>
          </select>
        </label>
        <label className={fieldLabel}>
          {t("shape")}
          <select
            name="shape"
            value={shape}
            onChange={(event) => setShape(event.target.value as typeof shape)}
            className={fieldInput}
          >
            <option value="straight">{t("straight")}</option>
            <option value="curve">{t("curved")}</option>
            <option value="offset">{t("offset")}</option>
          </select>
        </label>
        {shape === "curve" && (
          <FormField
            label={t("curve")}
            name="curve"
            type="number"
            required
            min={1}
            max={180}
            defaultValue={60}
            hint={t("curveHint")}
          />
        )}
        {shape === "offset" && (
          <FormField
            label={t("rowOffset")}
            name="rowOffset"
            type="number"
            required
            min={-50}
            max={50}
            defaultValue={5}
            hint={t("rowOffsetHint")}
          />
        )}
        <PositionFields initialY={initialY} />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="skipIAndO" className="size-4" />
        {t("skipIAndO")}
      </label>
      <PlacementFormEnd
        overlapping={overlapping}
        testId="section-overlap"
        error={add.error}
        done={done}
        pending={add.isPending}
        add={t("add")}
        adding={t("adding")}
      />
    </form>
  );
}
