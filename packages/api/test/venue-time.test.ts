import { describe, expect, it } from "vitest";
import { formatVenueTime, venueTimeToUtc } from "../src/venue-time.ts";

describe("venue time", () => {
  it("writes an instant as the venue's clocks show it", () => {
    const instant = new Date("2026-05-01T11:30:00Z");
    expect(formatVenueTime(instant, "Asia/Taipei")).toBe("2026-05-01 19:30");
    expect(formatVenueTime(instant, "Europe/London")).toBe("2026-05-01 12:30");
  });

  it("reads what an organizer typed back into the same instant, across a DST change", () => {
    expect(venueTimeToUtc("2026-05-01T19:30", "Asia/Taipei")?.toISOString()).toBe(
      "2026-05-01T11:30:00.000Z",
    );
    // New York moves its clocks on 2026-03-08; both sides of the change round-trip.
    for (const local of ["2026-03-07 22:15", "2026-03-08 12:00"]) {
      const instant = venueTimeToUtc(local, "America/New_York");
      expect(instant && formatVenueTime(instant, "America/New_York")).toBe(local);
    }
    expect(venueTimeToUtc("2026-03-08T12:00", "America/New_York")?.toISOString()).toBe(
      "2026-03-08T16:00:00.000Z",
    );
  });

  it("gives null for an empty or malformed value", () => {
    expect(venueTimeToUtc("", "Asia/Taipei")).toBeNull();
    expect(venueTimeToUtc("not a date", "Asia/Taipei")).toBeNull();
  });
});
