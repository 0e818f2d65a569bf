"use client";
// How many of an event's ticket holders are in (checkin.counts): in all, per section against
// the tickets expected there, and per door. Polled every few seconds while the page is open
// (React Query's refetchInterval, as the sales page does), so a scan at any door shows here
// without a reload.
import { useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { useTRPC } from "~/trpc/react";

export const CHECK_IN_REFRESH_MS = 3_000;

export function CheckInCounts({ eventId }: { eventId: string }) {
  const t = useTranslations("organizer.checkIn");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({
    ...trpc.checkin.counts.queryOptions({ eventId }),
    refetchInterval: CHECK_IN_REFRESH_MS,
  });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <p className="flex flex-wrap items-baseline gap-x-2" data-testid="check-in-total">
          <span className="text-3xl font-semibold tabular-nums tracking-tight">
            {t("inOfExpected", { checkedIn: data.checkedIn, expected: data.expected })}
          </span>
          <span className="text-sm text-slate-600">{t("checkedIn")}</span>
        </p>
        <ProgressBar label={t("progress")} value={data.checkedIn} max={data.expected} />
        <p className="text-xs text-slate-500" aria-live="polite">
          {t("live", { seconds: CHECK_IN_REFRESH_MS / 1000 })}
        </p>
      </div>
      {data.checkedIn === 0 ? (
        <EmptyState
          title={t("empty")}
          hint={data.expected === 0 ? t("noTickets") : t("emptyHint")}
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="flex flex-col gap-2">
            <h3 className="font-semibold">{t("bySection")}</h3>
            <StackedTable
              label={t("bySection")}
              testId="check-in-by-section"
              columns={[
                { label: t("section") },
                { label: t("checkedInColumn"), numeric: true },
                { label: t("progressColumn") },
              ]}
            >
              {data.bySection.map((row) => (
                <StackedRow key={row.section}>
                  <StackedCell className="font-medium">{row.section}</StackedCell>
                  <StackedCell label={t("checkedInColumn")} numeric>
                    {t("inOfExpected", { checkedIn: row.checkedIn, expected: row.expected })}
                  </StackedCell>
                  <StackedCell label={t("progressColumn")}>
                    <ProgressBar
                      label={t("sectionProgress", { section: row.section })}
                      value={row.checkedIn}
                      max={row.expected}
                    />
                  </StackedCell>
                </StackedRow>
              ))}
            </StackedTable>
          </div>
          <div className="flex flex-col gap-2">
            <h3 className="font-semibold">{t("byDoor")}</h3>
            <StackedTable
              label={t("byDoor")}
              testId="check-in-by-door"
              columns={[{ label: t("door") }, { label: t("checkedInColumn"), numeric: true }]}
            >
              {data.byDoor.map((row) => (
                <StackedRow key={row.door}>
                  <StackedCell className="font-medium">{row.door}</StackedCell>
                  <StackedCell label={t("checkedInColumn")} numeric>
                    {row.checkedIn}
                  </StackedCell>
                </StackedRow>
              ))}
            </StackedTable>
          </div>
        </div>
      )}
    </div>
  );
}

function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const format = useFormatter();
  const share = max === 0 ? 0 : Math.min(value / max, 1);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        className="h-3 min-w-24 flex-1 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className="h-full rounded-full bg-emerald-600 transition-[width]"
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <span className="w-12 text-right text-sm tabular-nums text-slate-600">
        {format.number(share, { style: "percent" })}
      </span>
    </div>
  );
}
