"use client";
// Standing zones on the organizer's layout drawing: each one a filled rounded rectangle over its
// places' bounds saying how many it holds, instead of a dot per place (a zone holds up to
// 10,000). The seat map the drawing uses (~/components/seat-map, the buyers' own) draws seats
// only and belongs to the buyer side, so the zones are a layer laid over it that follows its view
// (its svg's viewBox) as the organizer zooms and pans. The map gets only each zone's outermost
// places (zoneCorners), so that it frames and names a zone like any section; the layer hides them.
import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useState } from "react";
import { tierColor } from "../seat-map/seat-colors";
import type { Box } from "../seat-map/seat-layout";

export { zoneBox } from "../seat-map/zone-areas";

type Point = { x: number; y: number };

export type StandingZone = { name: string; places: number; colour: number; box: Box };

/** The places that set a zone's bounds: the leftmost, rightmost, front and back ones. */
export function zoneCorners<P extends Point>(places: readonly P[]): P[] {
  if (places.length === 0) return [];
  const pick = (better: (a: P, b: P) => boolean) =>
    places.reduce((best, place) => (better(place, best) ? place : best));
  return [
    ...new Set([
      pick((a, b) => a.x < b.x),
      pick((a, b) => a.x > b.x),
      pick((a, b) => a.y < b.y),
      pick((a, b) => a.y > b.y),
    ]),
  ];
}

/** The seat map's view: its viewBox, and screen pixels per map unit. */
function useMapView(container: RefObject<HTMLElement | null>) {
  const [view, setView] = useState<{ viewBox: string; scale: number } | null>(null);
  useEffect(() => {
    const svg = container.current?.querySelector<SVGSVGElement>("svg[data-testid='seat-map']");
    if (!svg) return;
    const read = () => {
      const viewBox = svg.getAttribute("viewBox") ?? "";
      const [, , w = 1, h = 1] = viewBox.split(" ").map(Number);
      const scale = Math.min(svg.clientWidth / w, svg.clientHeight / h) || 1;
      setView({ viewBox, scale });
    };
    read();
    const changes = new MutationObserver(read);
    changes.observe(svg, { attributes: true, attributeFilter: ["viewBox"] });
    const resizes = new ResizeObserver(read);
    resizes.observe(svg);
    return () => {
      changes.disconnect();
      resizes.disconnect();
    };
  }, [container]);
  return view;
}

/** About how wide a text is drawn, in screen pixels (CJK characters are square). */
function textWidth(text: string, px: number) {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? px : px * 0.6;
  return width;
}

export function StandingZoneLayer({
  zones,
  map,
}: {
  zones: StandingZone[];
  /** The element holding the seat map, whose view the layer follows. */
  map: RefObject<HTMLElement | null>;
}) {
  const t = useTranslations("organizer.layout");
  const view = useMapView(map);
  if (!view || zones.length === 0) return null;
  const { scale } = view;
  return (
    // Over the map's svg, inside its 1 px border; clicks and drags go through to the map.
    <svg
      aria-hidden
      viewBox={view.viewBox}
      className="pointer-events-none absolute left-px top-px"
      style={{ width: "calc(100% - 2px)", height: "calc(100% - 2px)" }}
    >
      {zones.map((zone) => {
        const { box } = zone;
        const colour = tierColor(zone.colour);
        const places = t("zonePlaces", { count: zone.places });
        const kind = t("zone");
        // Text at a constant screen size, as the map's own; what does not fit is left out.
        const room = { w: box.w * scale - 8, h: box.h * scale };
        const lines = [
          { text: places, px: 13, weight: 700 },
          { text: kind, px: 11, weight: 400 },
        ].filter(
          (line, index) => textWidth(line.text, line.px) <= room.w && room.h >= 18 * (index + 1),
        );
        const cx = box.x + box.w / 2;
        const top = box.y + box.h / 2 - ((lines.length * 16) / 2 - 12) / scale;
        return (
          <g key={zone.name} data-testid="standing-zone" data-zone={zone.name}>
            <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} fill="#ffffff" />
            <rect
              x={box.x}
              y={box.y}
              width={box.w}
              height={box.h}
              rx={6}
              fill={colour}
              fillOpacity={0.22}
              stroke={colour}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            {lines.map((line, index) => (
              <text
                key={line.text}
                x={cx}
                y={top + (index * 16) / scale}
                textAnchor="middle"
                fontSize={line.px / scale}
                fontWeight={line.weight}
                fill="#1e293b"
              >
                {line.text}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
