// Standing zones on the buyers' seat map (issue 15): a floor or 搖滾區 is drawn as one area —
// its name and how many places are left — where its places are, instead of a dot per place
// (places are asked for by number in the Standing zones panel, not picked). The area widens the
// map's bounds, so the map frames seats and zones together and the stage sits above both.
import { SEAT_PITCH } from "@openticket/api/venue-layout";
import { useRef } from "react";
import { type MapSeat, tierColor } from "./seat-colors";
import type { Box } from "./seat-layout";
import { ScreenText } from "./seat-map-labels";

type Point = { x: number; y: number };

export type ZoneArea = {
  name: string;
  /** Under the name, e.g. "38 places left". */
  detail: string;
  /** The tier colour of its places. */
  colour: number;
  box: Box;
};

/** The area a zone's places cover, half a pitch around them (as far as seats are drawn). */
export function zoneBox(places: readonly Point[]): Box {
  const xs = places.map((place) => place.x);
  const ys = places.map((place) => place.y);
  const pad = SEAT_PITCH / 2;
  const x = Math.min(...xs) - pad;
  const y = Math.min(...ys) - pad;
  return { x, y, w: Math.max(...xs) + pad - x, h: Math.max(...ys) + pad - y };
}

/** Room around a zone's area, as the map leaves around its seats; above, room for the stage. */
const MARGIN = 15;
const ABOVE = 35;

/** The smallest box holding `bounds` and every zone with its margins. */
export function boundsWithZones(bounds: Box, zones: readonly ZoneArea[] | undefined): Box {
  if (!zones?.length) return bounds;
  const boxes = [
    bounds,
    ...zones.map(({ box }) => ({
      x: box.x - MARGIN,
      y: box.y - ABOVE,
      w: box.w + 2 * MARGIN,
      h: box.h + ABOVE + MARGIN,
    })),
  ];
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const bottom = Math.max(...boxes.map((box) => box.y + box.h));
  return { x, y, w: right - x, h: bottom - y };
}

type ZoneShape = { box: Box; colour: number };

/**
 * Each zone's area and colour by section, from its places. Places never move while the map is
 * open, but the live status replaces the place objects on every update: the shapes are kept
 * until the places' positions change, so an update costs no regrouping and the map's frame
 * (boundsWithZones) stays the same object.
 */
export function useZoneShapes(places: readonly MapSeat[]): ReadonlyMap<number, ZoneShape> {
  const cache = useRef<{ key: string; shapes: Map<number, ZoneShape> } | null>(null);
  let checksum = 0;
  for (const place of places)
    checksum = (checksum * 31 + place.x * 7 + place.y + place.section) | 0;
  const key = `${places.length}:${places[0]?.id}:${places.at(-1)?.id}:${checksum}`;
  if (cache.current?.key !== key) {
    const bySection = new Map<number, MapSeat[]>();
    for (const place of places) {
      const list = bySection.get(place.section);
      if (list) list.push(place);
      else bySection.set(place.section, [place]);
    }
    const shapes = new Map<number, ZoneShape>();
    for (const [section, list] of bySection) {
      shapes.set(section, { box: zoneBox(list), colour: list[0]?.tier ?? 0 });
    }
    cache.current = { key, shapes };
  }
  return cache.current.shapes;
}

/** The map's frame with its zones, the same object while neither changes. */
export function useBoundsWithZones(bounds: Box, zones: readonly ZoneArea[] | undefined): Box {
  const cache = useRef<{ bounds: Box; boxes: readonly Box[]; framed: Box } | null>(null);
  const boxes = zones?.map((zone) => zone.box) ?? [];
  const same =
    cache.current?.bounds === bounds &&
    cache.current.boxes.length === boxes.length &&
    cache.current.boxes.every((box, index) => box === boxes[index]);
  if (!same || !cache.current) {
    cache.current = { bounds, boxes, framed: boundsWithZones(bounds, zones) };
  }
  return cache.current.framed;
}

export function ZoneAreas({ zones, scale }: { zones: readonly ZoneArea[]; scale: number }) {
  return (
    <g aria-hidden pointerEvents="none">
      {zones.map((zone) => {
        const { box } = zone;
        const colour = tierColor(zone.colour);
        const cx = box.x + box.w / 2;
        const cy = box.y + box.h / 2;
        // Both lines when the area is tall enough on screen; else the name alone.
        const both = box.h * scale >= 40;
        return (
          <g key={zone.name} data-testid="map-standing-zone" data-zone={zone.name}>
            <rect
              x={box.x}
              y={box.y}
              width={box.w}
              height={box.h}
              rx={6}
              fill={colour}
              fillOpacity={0.18}
              stroke={colour}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            <ScreenText x={cx} y={cy + (both ? -4 : 4) / scale} px={13} scale={scale} weight={700}>
              {zone.name}
            </ScreenText>
            {both && (
              <ScreenText x={cx} y={cy + 14 / scale} px={11} scale={scale}>
                {zone.detail}
              </ScreenText>
            )}
          </g>
        );
      })}
    </g>
  );
}
