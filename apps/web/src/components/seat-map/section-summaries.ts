// What is left in each section of the map (free seats, the tiers they are in): the big venue's
// overview writes it on the sections' outlines, a phone lists it before any seat is drawn.
import { useMemo } from "react";
import type { MapSeat } from "./seat-colors";

export type SectionSummary = { section: number; name: string; free: number; tiers: number[] };

/** Each section's summary by its index, in the sections' order. */
export function summarizeSections(
  seats: readonly MapSeat[],
  sections: readonly { name: string }[],
): Map<number, SectionSummary> {
  const summaries = new Map<number, SectionSummary & { tierSet: Set<number> }>();
  for (const seat of seats) {
    let summary = summaries.get(seat.section);
    if (!summary) {
      summary = {
        section: seat.section,
        name: sections[seat.section]?.name ?? "",
        free: 0,
        tiers: [],
        tierSet: new Set(),
      };
      summaries.set(seat.section, summary);
    }
    if (seat.status === "AVAILABLE") {
      summary.free++;
      summary.tierSet.add(seat.tier);
    }
  }
  const ordered = [...summaries.values()].sort((a, b) => a.section - b.section);
  return new Map(
    ordered.map(({ tierSet, ...summary }) => [
      summary.section,
      { ...summary, tiers: [...tierSet].sort((a, b) => a - b) },
    ]),
  );
}

export function useSectionSummaries(
  seats: readonly MapSeat[],
  sections: readonly { name: string }[],
) {
  return useMemo(() => summarizeSections(seats, sections), [seats, sections]);
}
