"use client";
// An instant in the viewer's own time zone, with the zone named. The server cannot know the zone,
// so it renders UTC (labelled UTC, never unlabelled) and the browser re-renders in its own.
import { useFormatter } from "next-intl";
import { useSyncExternalStore } from "react";

const noChanges = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function LocalTime({ date }: { date: Date }) {
  const format = useFormatter();
  const zone = useSyncExternalStore(noChanges, browserZone, () => "UTC");
  return (
    <time dateTime={date.toISOString()} data-time-zone={zone} data-testid="local-time">
      {format.dateTime(date, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        timeZone: zone,
        timeZoneName: "short",
      })}
    </time>
  );
}
