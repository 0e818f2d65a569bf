"use client";
// Generates a section of rows × seats: where it starts, how rows are named and numbered, and
// whether rows curve towards the stage or are staggered.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "~/components/form-field";
import { fieldInput, fieldLabel, primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { MutationError } from "./mutation-error";

export function AddSectionForm({ venueId }: { venueId: string }) {
  const t = useTranslations("organizer.section");
  const trpc = useTRPC();
  const router = useRouter();
  const [shape, setShape] = useState<"straight" | "curve" | "offset">("straight");
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation(
    trpc.organizer.venues.addSection.mutationOptions({
      onSuccess: (result, _input) => {
        setDone(t("added", { name: result.section.name, count: result.section.seats.length }));
        router.refresh();
      },
    }),
  );
  return (
    <form
      aria-label={t("title")}
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const form = new FormData(event.currentTarget);
        const number = (key: string) => Number(form.get(key) ?? 0);
        add.mutate({
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
        });
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
        <FormField
          label={t("originX")}
          name="originX"
          type="number"
          required
          defaultValue={0}
          hint={t("originHint")}
        />
        <FormField label={t("originY")} name="originY" type="number" required defaultValue={0} />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="skipIAndO" className="size-4" />
        {t("skipIAndO")}
      </label>
      <MutationError error={add.error} />
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
      <div>
        <button type="submit" disabled={add.isPending} className={primaryButton}>
          {add.isPending ? t("adding") : t("add")}
        </button>
      </div>
    </form>
  );
}
