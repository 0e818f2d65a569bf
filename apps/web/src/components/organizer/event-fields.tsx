"use client";
import { formatVenueTime, venueTimeToUtc } from "@openticket/api/venue-time";
// The fields of an event that creating and editing share: what it is, when (wall-clock time at
// the venue), its sales window and its rules; and reading them back from the form for the api.
import { EventCategory } from "@openticket/db/enums";
import { useTranslations } from "next-intl";
import { FormField } from "~/components/form-field";
import { fieldInput, fieldLabel } from "~/components/ui/styles";

export type EventFieldValues = {
  title: string;
  description: string;
  performer: string;
  category: EventCategory;
  startsAt: Date;
  endsAt: Date;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  maxSeatsPerOrder: number;
  refundableUntilHours: number | null;
  refundPercent: number;
};

export function EventFields({
  timeZone,
  initial,
}: {
  timeZone: string;
  initial?: EventFieldValues;
}) {
  const t = useTranslations("organizer.eventForm");
  const tCategory = useTranslations("categories");
  // An <input type="datetime-local"> value: "2026-05-01T19:30" on the venue's clocks.
  const local = (date: Date | null | undefined) =>
    date ? formatVenueTime(date, timeZone).replace(" ", "T") : "";
  return (
    <>
      <FormField
        label={t("title")}
        name="title"
        required
        maxLength={200}
        defaultValue={initial?.title}
      />
      <label className={fieldLabel}>
        {t("description")}
        <textarea
          name="description"
          rows={4}
          maxLength={5000}
          defaultValue={initial?.description}
          className={fieldInput}
        />
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("performer")}
          name="performer"
          maxLength={200}
          defaultValue={initial?.performer}
        />
        <label className={fieldLabel}>
          {t("category")}
          <select
            name="category"
            required
            defaultValue={initial?.category ?? "CONCERT"}
            className={fieldInput}
          >
            {Object.values(EventCategory).map((category) => (
              <option key={category} value={category}>
                {tCategory(category)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">
          {t("when", { timeZone })}
        </legend>
        <FormField
          label={t("startsAt")}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={local(initial?.startsAt)}
        />
        <FormField
          label={t("endsAt")}
          name="endsAt"
          type="datetime-local"
          required
          defaultValue={local(initial?.endsAt)}
        />
        <FormField
          label={t("salesStartAt")}
          name="salesStartAt"
          type="datetime-local"
          hint={t("salesStartHint")}
          defaultValue={local(initial?.salesStartAt)}
        />
        <FormField
          label={t("salesEndAt")}
          name="salesEndAt"
          type="datetime-local"
          hint={t("salesEndHint")}
          defaultValue={local(initial?.salesEndAt)}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          label={t("maxSeatsPerOrder")}
          name="maxSeatsPerOrder"
          type="number"
          required
          min={1}
          max={50}
          defaultValue={initial?.maxSeatsPerOrder ?? 6}
        />
        <FormField
          label={t("refundableUntilHours")}
          name="refundableUntilHours"
          type="number"
          min={0}
          max={8760}
          hint={t("refundableHint")}
          defaultValue={initial?.refundableUntilHours ?? ""}
        />
        <FormField
          label={t("refundPercent")}
          name="refundPercent"
          type="number"
          required
          min={0}
          max={100}
          defaultValue={initial?.refundPercent ?? 100}
        />
      </div>
    </>
  );
}

/** The shared fields as the api takes them; dates typed at the venue become instants. */
export function readEventFields(form: FormData, timeZone: string) {
  const text = (key: string) => String(form.get(key) ?? "");
  const date = (key: string) => venueTimeToUtc(text(key), timeZone);
  const refundable = text("refundableUntilHours").trim();
  return {
    title: text("title"),
    description: text("description"),
    performer: text("performer"),
    category: text("category") as EventCategory,
    startsAt: date("startsAt") ?? new Date(Number.NaN),
    endsAt: date("endsAt") ?? new Date(Number.NaN),
    salesStartAt: date("salesStartAt"),
    salesEndAt: date("salesEndAt"),
    maxSeatsPerOrder: Number(text("maxSeatsPerOrder")),
    refundableUntilHours: refundable === "" ? null : Number(refundable),
    refundPercent: Number(text("refundPercent")),
  };
}
