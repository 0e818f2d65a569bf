// @openticket/api/venue-layout — a venue layout's pure geometry, for the organizer's editor:
// which seats a generated section has, and whether it would overlap the sections already there
// (the same rules the api refuses with), and where a standing zone's places go. No server-only
// imports.

export {
  defaultPlacesPerRow,
  type GeneratedSeat,
  generateSectionSeats,
  generateStandingPlaces,
  SEAT_PITCH,
  type SectionShape,
  type StandingZoneShape,
} from "./services/organizer/venues/section-layout.ts";
export {
  findOverlaps,
  type Overlap,
  type PlacedSection,
  quotedNames,
} from "./services/organizer/venues/section-overlap.ts";
