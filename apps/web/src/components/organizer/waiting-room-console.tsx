"use client";
// A high-demand event's waiting room, as its organizer runs it (docs/waiting-room.md): turn it
// on from a time, watch the line (refetched every few seconds), change the admission rate while
// buyers queue, or turn it off.
import { formatVenueTime, venueTimeToUtc } from "@openticket/api/venue-time";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { card, dangerButton, fieldInput, fieldLabel, primaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { FigureList } from "./figure-list";
import { MutationError } from "./mutation-error";

const REFRESH_MS = 3_000;

export function WaitingRoomConsole({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const t = useTranslations("organizer.waitingRoom");
  const format = useFormatter();
  const trpc = useTRPC();
  const room = useSuspenseQuery({
    ...trpc.organizer.waitingRoom.get.queryOptions({ eventId }),
    refetchInterval: REFRESH_MS,
  });
  const data = room.data;
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.organizer.waitingRoom.set.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await room.refetch();
      },
    }),
  );
  const send = (formElement: HTMLFormElement, turnOff: boolean) => {
    setSaved(false);
    const form = new FormData(formElement);
    const opensAtText = String(form.get("opensAt") ?? "");
    const opensAt = turnOff
      ? null
      : data.open
        ? data.opensAt
        : opensAtText
          ? venueTimeToUtc(opensAtText, timeZone)
          : new Date();
    save.mutate({
      eventId,
      opensAt: opensAt ?? new Date(Number.NaN),
      admissionsPerMinute: Number(form.get("admissionsPerMinute")),
    });
  };
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-600">{t("explain")}</p>
      {data.opensAt ? (
        <>
          <p className="text-xs text-slate-500" aria-live="polite">
            {data.open
              ? t("openSince", {
                  time: format.dateTime(data.opensAt, { timeStyle: "short", timeZone }),
                })
              : t("opensAt", {
                  time: format.dateTime(data.opensAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone,
                  }),
                })}{" "}
            · {t("live", { seconds: REFRESH_MS / 1000 })}
          </p>
          <FigureList
            figures={[
              {
                key: "waiting",
                label: t("waiting"),
                value: format.number(data.waiting),
                strong: true,
              },
              { key: "admitted", label: t("admitted"), value: format.number(data.admitted) },
              {
                key: "rate",
                label: t("rate"),
                value: t("perMinute", { count: data.admissionsPerMinute }),
              },
              {
                key: "lastWait",
                label: t("lastWait"),
                value: t("minutes", { count: Math.ceil(data.lastWaitSeconds / 60) }),
              },
            ]}
          />
        </>
      ) : (
        <p className="text-sm font-medium text-slate-700" data-testid="waiting-room-off">
          {t("off")}
        </p>
      )}
      <form
        className={`${card} flex flex-col gap-4`}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          send(event.currentTarget, false);
        }}
      >
        {data.open ? null : (
          <label className={fieldLabel}>
            {t("opensAtLabel")}
            <input
              type="datetime-local"
              name="opensAt"
              className={fieldInput}
              defaultValue={
                data.opensAt ? formatVenueTime(data.opensAt, timeZone).replace(" ", "T") : ""
              }
            />
            <span className="text-xs font-normal text-slate-500">
              {t("opensAtHint", { timeZone })}
            </span>
          </label>
        )}
        <label className={fieldLabel}>
          {t("rateLabel")}
          <input
            type="number"
            name="admissionsPerMinute"
            min={1}
            max={100000}
            required
            className={fieldInput}
            defaultValue={data.admissionsPerMinute}
          />
        </label>
        <MutationError error={save.error} />
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            {t("saved")}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButton} disabled={save.isPending}>
            {data.opensAt ? t("save") : t("turnOn")}
          </button>
          {data.opensAt ? (
            <button
              type="button"
              className={dangerButton}
              disabled={save.isPending}
              onClick={(event) => {
                const form = event.currentTarget.form;
                if (form) send(form, true);
              }}
            >
              {t("turnOff")}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
