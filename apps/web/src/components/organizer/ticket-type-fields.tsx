"use client";
// The fields of a ticket type as the organizer types them, shared by the create form and each
// type's editor: name, price in the event's currency's main unit, the price tier it is sold for
// (or all seats), an optional quota, an optional sale window typed in the venue's time zone, and
// a note for buyers. Each field shows the api's refusal about it below it.
import { formatVenueTime, venueTimeToUtc } from "@openticket/api/venue-time";
import { fromMinorUnits, minorUnitDigits, toMinorUnits } from "@openticket/db/currencies";
import { useLocale, useTranslations } from "next-intl";
import { FormField } from "~/components/form-field";
import { fieldInput } from "~/components/ui/styles";
import { formatMoney } from "~/format/money";
import { FieldError } from "./field-errors";

export type TicketTypeField =
  | "name"
  | "price"
  | "tierId"
  | "quota"
  | "salesStartAt"
  | "salesEndAt"
  | "note";

/** Where each of the api's fields is shown on the form. */
export const TICKET_TYPE_FIELD_OF: Record<string, TicketTypeField> = {
  name: "name",
  price: "price",
  tierId: "tierId",
  quota: "quota",
  salesStartAt: "salesStartAt",
  salesEndAt: "salesEndAt",
  note: "note",
};

export type TierOption = { id: string; name: string; price: number };

type Initial = {
  name: string;
  price: number;
  tierId: string | null;
  quota: number | null;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  note: string;
};

/** What the fields hold, as the api takes it: an unreadable price or time goes as NaN (refused). */
export function readTicketTypeFields(form: FormData, currency: string, timeZone: string) {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const time = (name: string) =>
    text(name) ? (venueTimeToUtc(text(name), timeZone) ?? new Date(Number.NaN)) : null;
  return {
    name: text("name"),
    price: text("price") ? (toMinorUnits(text("price"), currency) ?? Number.NaN) : Number.NaN,
    tierId: text("tierId") || null,
    quota: text("quota") ? Number(text("quota")) : null,
    salesStartAt: time("salesStartAt"),
    salesEndAt: time("salesEndAt"),
    note: text("note"),
  };
}

export function TicketTypeFields({
  idPrefix = "",
  currency,
  timeZone,
  tiers,
  initial,
  errors,
}: {
  /** Keeps ids apart when the fields appear more than once on a page. */
  idPrefix?: string;
  currency: string;
  timeZone: string;
  tiers: TierOption[];
  initial?: Initial;
  errors: Partial<Record<TicketTypeField, string>>;
}) {
  const t = useTranslations("organizer.ticketTypes.form");
  const locale = useLocale();
  const inVenueTime = (date: Date | null | undefined) =>
    date ? formatVenueTime(date, timeZone).replace(" ", "T") : "";
  const tierId = `${idPrefix}tierId`;
  // Full width of their column, never wider: a date input's own width overflows a phone.
  const wide = `${fieldInput} w-full min-w-0`;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <FormField
        id={`${idPrefix}name`}
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        error={errors.name}
        required
        maxLength={60}
        autoComplete="off"
        defaultValue={initial?.name}
        className={wide}
      />
      <FormField
        id={`${idPrefix}price`}
        name="price"
        label={t("price", { currency })}
        error={errors.price}
        type="number"
        required
        min={0}
        step={10 ** -minorUnitDigits(currency)}
        inputMode={minorUnitDigits(currency) > 0 ? "decimal" : "numeric"}
        defaultValue={initial ? fromMinorUnits(initial.price, currency) : undefined}
        className={wide}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={tierId} className="text-sm font-medium text-slate-700">
          {t("tier")}
        </label>
        <select
          id={tierId}
          name="tierId"
          defaultValue={initial?.tierId ?? ""}
          aria-invalid={errors.tierId ? true : undefined}
          aria-describedby={errors.tierId ? `${tierId}-error` : `${tierId}-hint`}
          className={wide}
        >
          <option value="">{t("allSeats")}</option>
          {tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {t("tierOption", {
                name: tier.name,
                price: formatMoney(tier.price, currency, locale),
              })}
            </option>
          ))}
        </select>
        <p id={`${tierId}-hint`} className="text-xs text-slate-500">
          {t("tierHint")}
        </p>
        {errors.tierId && <FieldError id={tierId} error={errors.tierId} />}
      </div>
      <FormField
        id={`${idPrefix}quota`}
        name="quota"
        label={t("quota")}
        hint={t("quotaHint")}
        error={errors.quota}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        defaultValue={initial?.quota ?? ""}
        className={wide}
      />
      <FormField
        id={`${idPrefix}salesStartAt`}
        name="salesStartAt"
        label={t("salesStartAt")}
        hint={t("salesStartAtHint", { timeZone })}
        error={errors.salesStartAt}
        type="datetime-local"
        defaultValue={inVenueTime(initial?.salesStartAt)}
        className={wide}
      />
      <FormField
        id={`${idPrefix}salesEndAt`}
        name="salesEndAt"
        label={t("salesEndAt")}
        hint={t("salesEndAtHint", { timeZone })}
        error={errors.salesEndAt}
        type="datetime-local"
        defaultValue={inVenueTime(initial?.salesEndAt)}
        className={wide}
      />
      <div className="sm:col-span-2">
        <FormField
          id={`${idPrefix}note`}
          name="note"
          label={t("note")}
          hint={t("noteHint")}
          error={errors.note}
          maxLength={200}
          defaultValue={initial?.note}
          className={wide}
        />
      </div>
    </div>
  );
}
