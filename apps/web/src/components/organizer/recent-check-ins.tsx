"use client";
// The latest admissions at an event (checkin.recent), newest first, each with an undo: a ticket
// scanned by mistake is valid again at once (checkin.undo), and the counts follow. Polled with
// the counts, so a scan at a door appears here too.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { secondaryButton } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CHECK_IN_REFRESH_MS } from "./check-in-counts";
import { MutationError } from "./mutation-error";

export function RecentCheckIns({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const t = useTranslations("organizer.checkIn.recent");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery({
    ...trpc.checkin.recent.queryOptions({ eventId }),
    refetchInterval: CHECK_IN_REFRESH_MS,
  });
  const undo = useMutation(
    trpc.checkin.undo.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.checkin.recent.queryKey({ eventId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.checkin.counts.queryKey({ eventId }) }),
        ]),
    }),
  );

  if (data.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <MutationError error={undo.error} />
      <ul
        aria-label={t("title")}
        data-testid="recent-check-ins"
        className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
      >
        {data.map((row) => {
          const seat = t("seat", { section: row.section, seat: row.seat });
          return (
            <li
              key={row.checkInId}
              data-testid="recent-check-in"
              className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between sm:px-4"
            >
              <div className="flex min-w-0 flex-col text-sm">
                <span className="font-medium">
                  {seat} · {row.tier}
                </span>
                <span className="wrap-anywhere text-slate-600">
                  {t("who", { holder: row.holder, door: row.door, scannedBy: row.scannedBy })}
                </span>
                <time className="text-xs text-slate-500" dateTime={row.scannedAt.toISOString()}>
                  {format.dateTime(row.scannedAt, {
                    dateStyle: "medium",
                    timeStyle: "medium",
                    timeZone,
                  })}
                </time>
              </div>
              <button
                type="button"
                className={`${secondaryButton} shrink-0 self-start sm:self-center`}
                disabled={undo.isPending}
                aria-label={t("undoSeat", { seat })}
                onClick={() => undo.mutate({ eventId, ticketId: row.ticketId })}
              >
                {t("undo")}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
