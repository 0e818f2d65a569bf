// @openticket/api/venue-layout — a venue layout's pure geometry, for the organizer's editor:
// which seats a generated section has, and whether it would overlap the sections already there
// (the same rules the api refuses with). No server-only imports.

export {
  type GeneratedSeat,
  generateSectionSeats,
  SEAT_PITCH,
  type SectionShape,
} from "./services/organizer/venues/section-layout.ts";
export {
  findOverlaps,
  type Overlap,
  type PlacedSection,
  quotedNames,
} from "./services/organizer/venues/section-overlap.ts";
