// The organizer's part: a stadium venue and an on-sale event, built through organizer.* like the
// console would. addSection takes at most 100 rows × 200 seats and 10,000 seats per call, so a
// stadium is many sections, one call each (as a real stadium is: 40 blocks of 1,250 seats).
import type { Api } from "./http.ts";

export const SEATS_PER_ROW = 50;
export const ROWS_PER_SECTION = 25;
/** Sections per row of blocks around the stage, for their positions on the map. */
const SECTIONS_ACROSS = 8;
/** addSection spaces seats 10 units apart; blocks get an aisle of 40 between them. */
const SECTION_WIDTH = SEATS_PER_ROW * 10 + 40;
const SECTION_DEPTH = ROWS_PER_SECTION * 10 + 40;

const TIERS = [
  { name: "Floor", price: 4_800 },
  { name: "Lower Bowl", price: 3_200 },
  { name: "Upper Bowl", price: 1_800 },
];

export type Stadium = { venueId: string; eventId: string; seats: number; sections: number };

/** Rows of SEATS_PER_ROW, in sections of ROWS_PER_SECTION rows: `seats` rounded up to a row. */
export function stadiumLayout(seats: number) {
  const rows = Math.max(1, Math.ceil(seats / SEATS_PER_ROW));
  const sections = Math.ceil(rows / ROWS_PER_SECTION);
  return Array.from({ length: sections }, (_, index) => ({
    name: `Block ${index + 1}`,
    rows: Math.min(ROWS_PER_SECTION, rows - index * ROWS_PER_SECTION),
    origin: {
      x: (index % SECTIONS_ACROSS) * SECTION_WIDTH,
      y: Math.floor(index / SECTIONS_ACROSS) * SECTION_DEPTH,
    },
  }));
}

export async function buildStadium(
  organizer: Api,
  options: { seats: number; maxSeatsPerOrder: number; log: (line: string) => void },
): Promise<Stadium> {
  const tag = Date.now().toString(36);
  const venue = await organizer.organizer.venues.create.mutate({
    name: `Bench Stadium ${tag}`,
    city: "Taipei",
    address: "1 Benchmark Avenue",
  });
  const layout = stadiumLayout(options.seats);
  const sectionIds: string[] = [];
  let seats = 0;
  for (const section of layout) {
    const added = await organizer.organizer.venues.addSection.mutate({
      venueId: venue.id,
      name: section.name,
      rows: { count: section.rows },
      seatsPerRow: SEATS_PER_ROW,
      origin: section.origin,
    });
    sectionIds.push(added.section.id);
    seats += added.section.seats.length;
  }
  options.log(
    `venue: ${layout.length} sections (addSection, ≤ ${ROWS_PER_SECTION} rows × ${SEATS_PER_ROW} seats each), ${seats} seats`,
  );

  // The front third of the blocks is Floor, then Lower, then Upper.
  const tiers = TIERS.slice(0, Math.max(2, Math.min(TIERS.length, sectionIds.length)));
  const tierNames = tiers.map((tier) => tier.name);
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
  const event = await organizer.organizer.events.create.mutate({
    venueId: venue.id,
    title: `Stadium On-Sale ${tag}`,
    category: "CONCERT",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
    // Null: on sale as soon as it is published.
    salesStartAt: null,
    maxSeatsPerOrder: options.maxSeatsPerOrder,
    priceTiers: tiers,
    sectionTiers: sectionIds.map((sectionId, index) => ({
      sectionId,
      tier: tierNames[Math.floor((index * tiers.length) / sectionIds.length)] ?? "Floor",
    })),
  });
  await organizer.organizer.events.publish.mutate({ eventId: event.id });
  return { venueId: venue.id, eventId: event.id, seats, sections: layout.length };
}
