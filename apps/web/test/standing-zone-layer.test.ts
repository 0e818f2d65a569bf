// The geometry of a standing zone on the organizer's layout drawing
// (./src/components/organizer/standing-zone-layer.tsx): the few places the seat map gets to frame
// the zone, and the area the layer covers, including a zone whose last row is short; and the
// buyers' map widened to take in its zones (./src/components/seat-map/zone-areas.tsx).
import { generateStandingPlaces } from "@openticket/api/venue-layout";
import { expect, it } from "vitest";
import { zoneBox, zoneCorners } from "../src/components/organizer/standing-zone-layer";
import { boundsWithZones } from "../src/components/seat-map/zone-areas";

it("frames a zone by its outermost places and covers them half a pitch around", () => {
  // 23 places, 10 across: rows of 10, 10 and 3, from (100, 50).
  const places = generateStandingPlaces({
    capacity: 23,
    placesPerRow: 10,
    origin: { x: 100, y: 50 },
  });
  const corners = zoneCorners(places);
  expect(corners.length).toBeLessThanOrEqual(4);
  const xs = corners.map((place) => place.x);
  const ys = corners.map((place) => place.y);
  expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([
    100, 190, 50, 70,
  ]);
  expect(zoneBox(places)).toEqual({ x: 95, y: 45, w: 100, h: 30 });
  expect(zoneBox(corners)).toEqual(zoneBox(places));
});

it("frames a one-place zone by that place", () => {
  const places = generateStandingPlaces({ capacity: 1, placesPerRow: 1, origin: { x: 0, y: 0 } });
  expect(zoneCorners(places)).toEqual(places);
  expect(zoneCorners([])).toEqual([]);
  expect(zoneBox(places)).toEqual({ x: -5, y: -5, w: 10, h: 10 });
});

it("widens the buyers' map to take in its zones, and leaves it as it is without any", () => {
  const seats = { x: 0, y: 0, w: 100, h: 40 };
  const zone = {
    name: "Floor",
    detail: "",
    colour: 0,
    box: zoneBox(
      generateStandingPlaces({ capacity: 20, placesPerRow: 10, origin: { x: 120, y: 60 } }),
    ),
  };
  expect(boundsWithZones(seats, undefined)).toBe(seats);
  expect(boundsWithZones(seats, [])).toBe(seats);
  expect(boundsWithZones(seats, [zone])).toEqual({ x: 0, y: 0, w: 230, h: 90 });
  // A zone at the top leaves room above it for the stage.
  expect(boundsWithZones({ x: 0, y: 100, w: 100, h: 40 }, [zone]).y).toBe(20);
});
