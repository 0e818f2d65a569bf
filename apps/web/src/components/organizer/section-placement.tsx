"use client";
// Where a new section or standing zone goes on the venue's map, shared by the two forms that add
// them: its position fields (by default below everything already there) and the warning, while
// typing, that it would overlap sections already there. The warning uses the api's own geometry,
// so what the form lets through the api accepts. Also what both do after saving: the form made
// ready for the next one, and its end (warning, error, what was added, the button).
import { findOverlaps, type PlacedSection, SEAT_PITCH } from "@openticket/api/venue-layout";
import { useFormatter, useTranslations } from "next-intl";
import { FormField } from "~/components/form-field";
import { primaryButton } from "~/components/ui/styles";
import { type ApiFailure, MutationError } from "./mutation-error";

type Point = { x: number; y: number };

/** Where a new section's front row goes by default: three pitches below everything there. */
export function freeRowY(seats: readonly { y: number }[]) {
  if (seats.length === 0) return 0;
  return Math.max(...seats.map((seat) => seat.y)) + 3 * SEAT_PITCH;
}

/** The names of the sections that seats placed so would overlap. */
export function overlappedSections(seats: readonly Point[], sections: readonly PlacedSection[]) {
  return findOverlaps(seats, sections).map((overlap) => overlap.section);
}

/** The left edge and front row fields, `${prefix}originX` and `${prefix}originY` (a prefix keeps
 * two forms' field ids apart). */
export function PositionFields({ prefix = "", initialY }: { prefix?: string; initialY: number }) {
  const t = useTranslations("organizer.section");
  return (
    <>
      <FormField
        label={t("originX")}
        name={`${prefix}originX`}
        type="number"
        required
        defaultValue={0}
        hint={t("originHint")}
      />
      <FormField
        label={t("originY")}
        name={`${prefix}originY`}
        type="number"
        required
        defaultValue={initialY}
      />
    </>
  );
}

/** Names the sections in the way, for a section or (`zone`) a standing zone. */
export function OverlapWarning({
  sections,
  zone = false,
  testId,
}: {
  sections: string[];
  zone?: boolean;
  testId: string;
}) {
  const t = useTranslations("organizer.section");
  const format = useFormatter();
  if (sections.length === 0) return null;
  return (
    <p
      role="alert"
      data-testid={testId}
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {t(zone ? "zoneOverlaps" : "overlaps", {
        sections: format.list(sections.map((name) => t("quoted", { name }))),
      })}
    </p>
  );
}

/** Ready for the next one: the name emptied, the front row below everything there now. */
export function clearForNext(
  form: HTMLFormElement,
  fields: { name: string; originY: string },
  seats: readonly { y: number }[],
) {
  (form.elements.namedItem(fields.name) as HTMLInputElement).value = "";
  (form.elements.namedItem(fields.originY) as HTMLInputElement).value = String(freeRowY(seats));
}

/** A refusal for overlapping a section added meanwhile (another tab, a colleague). */
export function refusedForOverlap(error: ApiFailure) {
  return error.data?.details?.reason === "SECTIONS_OVERLAP";
}

/** The end of both forms: the overlap warning, the api's refusal, what was added, the button. */
export function PlacementFormEnd({
  overlapping,
  zone = false,
  testId,
  error,
  done,
  pending,
  add,
  adding,
}: {
  overlapping: string[];
  zone?: boolean;
  testId: string;
  error: ApiFailure | null;
  done: string | null;
  pending: boolean;
  add: string;
  adding: string;
}) {
  return (
    <>
      <OverlapWarning sections={overlapping} zone={zone} testId={testId} />
      <MutationError error={error} />
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={pending || overlapping.length > 0}
          className={primaryButton}
        >
          {pending ? adding : add}
        </button>
      </div>
    </>
  );
}
