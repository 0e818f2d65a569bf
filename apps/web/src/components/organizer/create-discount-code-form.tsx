"use client";
// A new discount code (organizer.discountCodes.create): a percentage or a fixed amount off, for
// this event or all the organizer's events, with an optional usage limit and validity window
// typed in the venue's time zone. An amount is typed in the event's currency's main unit; a code
// for all events then applies to the events priced in that currency. A code for this event may
// be limited to some of its tickets — its ticket types, and its price tiers at their own prices
// ("General" in a talk) — and then takes its share off those tickets only. The
// api's refusals are shown next to the field they are about.
import { venueTimeToUtc } from "@openticket/api/venue-time";
import { minorUnitDigits, toMinorUnits } from "@openticket/db/currencies";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { card, fieldInput, primaryButton } from "~/components/ui/styles";
import { useApiMessage } from "~/i18n/api-message";
import { useTRPC } from "~/trpc/react";
import { FieldError, fieldErrorsOf } from "./field-errors";
import { MutationError } from "./mutation-error";

type Field = "code" | "kind" | "value" | "maxUses" | "validFrom" | "validUntil" | "scope" | "types";

/** Where each of the api's fields is shown on the form. */
const FIELD_OF: Record<string, Field> = {
  code: "code",
  kind: "kind",
  value: "value",
  currency: "value",
  maxUses: "maxUses",
  validFrom: "validFrom",
  validUntil: "validUntil",
  eventId: "scope",
  ticketTypeIds: "types",
  tierIds: "types",
};

export function CreateDiscountCodeForm({
  eventId,
  currency,
  timeZone,
  tiers,
  ticketTypes,
}: {
  eventId: string;
  currency: string;
  timeZone: string;
  /** The event's price tiers and ticket types, which a code for this event may be limited to. */
  tiers: { id: string; name: string }[];
  ticketTypes: { id: string; name: string }[];
}) {
  const t = useTranslations("organizer.discountCodes.form");
  const trpc = useTRPC();
  const router = useRouter();
  const apiMessage = useApiMessage();
  const [kind, setKind] = useState<"PERCENT" | "AMOUNT">("PERCENT");
  const [allEvents, setAllEvents] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.organizer.discountCodes.create.mutationOptions({
      onSuccess: (code) => {
        setCreated(code.code);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(create.error, apiMessage, FIELD_OF);
  const unplaced = create.error && Object.keys(errors).length === 0;

  return (
    <form
      noValidate
      className={`${card} flex flex-col gap-4`}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        const formElement = submitted.currentTarget;
        const form = new FormData(formElement);
        const text = (name: string) => String(form.get(name) ?? "").trim();
        /** Empty: none; a time that does not exist goes as an invalid date (refused). */
        const time = (name: string) =>
          text(name) ? (venueTimeToUtc(text(name), timeZone) ?? new Date(Number.NaN)) : null;
        const value =
          kind === "PERCENT" ? Number(text("value")) : toMinorUnits(text("value"), currency);
        setCreated(null);
        create.mutate(
          {
            eventId: text("scope") === "all" ? undefined : eventId,
            code: text("code"),
            kind,
            value: text("value") ? (value ?? Number.NaN) : Number.NaN,
            currency: kind === "AMOUNT" ? currency : undefined,
            maxUses: text("maxUses") ? Number(text("maxUses")) : null,
            validFrom: time("validFrom"),
            validUntil: time("validUntil"),
            ticketTypeIds: allEvents ? [] : form.getAll("ticketTypeIds").map(String),
            tierIds: allEvents ? [] : form.getAll("tierIds").map(String),
          },
          {
            onSuccess: () => {
              formElement.reset();
              setKind("PERCENT");
              setAllEvents(false);
            },
          },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={errors.code}
          required
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          className={`${fieldInput} font-mono`}
        />
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("kind")}</legend>
          <div className="flex flex-wrap gap-4 pt-1 text-sm">
            {(["PERCENT", "AMOUNT"] as const).map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  defaultChecked={option === "PERCENT"}
                  onChange={() => setKind(option)}
                />
                {option === "PERCENT" ? t("percent") : t("amount", { currency })}
              </label>
            ))}
          </div>
          {errors.kind && <FieldError id="kind" error={errors.kind} />}
        </fieldset>
        <FormField
          name="value"
          label={kind === "PERCENT" ? t("percentValue") : t("amountValue", { currency })}
          error={errors.value}
          type="number"
          required
          min={kind === "PERCENT" ? 1 : 0}
          max={kind === "PERCENT" ? 100 : undefined}
          step={kind === "PERCENT" ? 1 : 10 ** -minorUnitDigits(currency)}
          inputMode={kind === "AMOUNT" && minorUnitDigits(currency) > 0 ? "decimal" : "numeric"}
          className={fieldInput}
        />
        <FormField
          name="maxUses"
          label={t("maxUses")}
          hint={t("maxUsesHint")}
          error={errors.maxUses}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          className={fieldInput}
        />
        <FormField
          name="validFrom"
          label={t("validFrom")}
          hint={t("validFromHint", { timeZone })}
          error={errors.validFrom}
          type="datetime-local"
          className={fieldInput}
        />
        <FormField
          name="validUntil"
          label={t("validUntil")}
          hint={t("validUntilHint", { timeZone })}
          error={errors.validUntil}
          type="datetime-local"
          className={fieldInput}
        />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("scope")}</legend>
        <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="scope"
              value="event"
              defaultChecked
              onChange={() => setAllEvents(false)}
            />
            {t("scopeEvent")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" value="all" onChange={() => setAllEvents(true)} />
            {t("scopeAll")}
          </label>
        </div>
        <p className="text-xs text-slate-500">{t("scopeHint", { currency })}</p>
        {errors.scope && <FieldError id="scope" error={errors.scope} />}
      </fieldset>
      {tiers.length + ticketTypes.length > 1 && (
        <fieldset className="flex flex-col gap-1" disabled={allEvents} data-testid="code-types">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("types")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {tiers.map((tier) => (
              <label key={tier.id} className="flex items-center gap-2">
                <input type="checkbox" name="tierIds" value={tier.id} />
                {t("tierOwnPrice", { name: tier.name })}
              </label>
            ))}
            {ticketTypes.map((type) => (
              <label key={type.id} className="flex items-center gap-2">
                <input type="checkbox" name="ticketTypeIds" value={type.id} />
                {type.name}
              </label>
            ))}
          </div>
          <p className="text-xs text-slate-500">
            {allEvents ? t("typesNeedEvent") : t("typesHint")}
          </p>
          {errors.types && <FieldError id="types" error={errors.types} />}
        </fieldset>
      )}
      {unplaced && <MutationError error={create.error} />}
      {created && (
        <p role="status" className="text-sm text-green-700">
          {t("created", { code: created })}
        </p>
      )}
      <div>
        <button type="submit" disabled={create.isPending} className={primaryButton}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
