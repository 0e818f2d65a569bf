"use client";
// The seat map drawing: SVG, zoom = viewBox (wheel, pinch, buttons), pan = drag, keyboard
// navigation (./seat-navigation.ts). It scales to a 50,000-seat stadium by drawing only what a
// person can see: seats are rendered per grid cell, only for the cells in view, and a big venue
// zoomed out shows its sections as outlines (name, free seats, prices) that zoom in on a click,
// tap or Enter, instead of tens of thousands of dots. Text is sized in screen pixels so it stays
// readable at every zoom; row labels and seat numbers appear once there is room for them.
// Figures: docs/performance.md ("Issue 13 — the seat map draws 50,000 seats").
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MapSeat } from "./seat-colors";
import { type Box, buildLayout, CELL, inside, type SeatLayout } from "./seat-layout";
import {
  clamp,
  ROW_LABEL_SCALE,
  RowLabels,
  SectionNames,
  SectionOverview,
  Stage,
} from "./seat-map-labels";
import { SEAT_RADIUS, SeatMark } from "./seat-mark";
import { type CanChoose, firstChoosable, nextSeat } from "./seat-navigation";
import { type SectionSummary, useSectionSummaries } from "./section-summaries";
import { useBoundsWithZones, type ZoneArea, ZoneAreas } from "./zone-areas";

export type SeatMapSvgProps = {
  seats: MapSeat[];
  sections: { name: string }[];
  selected: ReadonlySet<string>;
  onToggle: (seat: MapSeat) => void;
  /** Accessible name of the map, and a description of a seat for screen readers. */
  label: string;
  describeSeat: (seat: MapSeat) => string;
  /** Which seats the keyboard stops on (the others are skipped); every seat unless given. */
  canChoose?: CanChoose;
  /** The stage's name, drawn above the seats; no stage without it (one section on its own). */
  stageLabel?: string;
  /**
   * The least zoom (screen pixels per map unit) the map opens and resets at: a map too big to
   * be drawn whole at it opens on its top (the stage end) instead, at this zoom. A phone opens
   * a section at a size that can be tapped rather than as a field of 3-pixel dots.
   */
  homeScale?: number;
  /** Whether the map opens on its sections' outlines; by default above SECTION_FIRST_SEATS. */
  overview?: boolean;
  controls: { zoomIn: string; zoomOut: string; reset: string };
  /** What to say under a section's name in a big venue's overview: free seats, prices. */
  describeSection?: (summary: SectionSummary) => string[];
  /** Shown over a big venue's overview: what to do with the sections. */
  sectionsHint?: string;
  /** Standing zones, drawn as areas where their places are (./zone-areas.tsx). */
  zones?: readonly ZoneArea[];
  /**
   * Zooms to this section whenever a new value comes (`key` tells two requests for one section
   * apart): where best available just held the buyer's seats. Then `onFocused`, for the caller
   * to clear it (a map drawn again later starts at its home view, not there).
   */
  focusSection?: { index: number; key: number };
  onFocused?: () => void;
};

/** Above this many seats a venue opens on its sections; the demo's halls (≤ 300) do not. */
export const SECTION_FIRST_SEATS = 1500;
/** Screen pixels per map unit from which a big venue draws seats (seats 10 px apart). */
const SEAT_SCALE = 1;
/** … seat numbers inside the seats (24 px); row labels from ROW_LABEL_SCALE. */
const SEAT_NUMBER_SCALE = 2.4;
/** At most this many screen pixels per map unit (a seat 40 px wide). */
const MAX_SCALE = 5;

const NAVIGATION_KEYS = new Set([
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "Home",
  "End",
  "PageUp",
  "PageDown",
]);

const everySeat: CanChoose = () => true;

export function SeatMapSvg(props: SeatMapSvgProps) {
  const { seats, selected, onToggle, canChoose = everySeat } = props;
  const layout = useLayout(seats);
  const bounds = useBoundsWithZones(layout.bounds, props.zones);
  const big = props.overview ?? seats.length > SECTION_FIRST_SEATS;
  const [view, setView] = useState<Box | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useSize(containerRef);
  const home = useMemo(
    () => homeView(bounds, size, big ? undefined : props.homeScale),
    [bounds, size, big, props.homeScale],
  );
  const box = view ?? home;
  const seatById = (id: string) => {
    const index = layout.indexById.get(id);
    return index === undefined ? undefined : seats[index];
  };
  const focused = focusedId ? seatById(focusedId) : undefined;
  const scaleOf = useCallback(
    (of: Box) => Math.min(size.w / of.w, size.h / of.h),
    [size.w, size.h],
  );
  const scale = scaleOf(box);
  // A big venue opens on its sections, and goes back to them when zoomed out too far to read.
  const showSeats = !big || (view !== null && scale >= SEAT_SCALE);

  const zoom = useCallback(
    (factor: number, center?: { x: number; y: number }) => {
      setView((current) => {
        const from = current ?? home;
        const minW = size.w / MAX_SCALE;
        const w = clamp(from.w * factor, minW, bounds.w * 1.5);
        const h = (from.h / from.w) * w;
        const cx = center?.x ?? from.x + from.w / 2;
        const cy = center?.y ?? from.y + from.h / 2;
        return { x: cx - ((cx - from.x) * w) / from.w, y: cy - ((cy - from.y) * h) / from.h, w, h };
      });
    },
    [bounds, home, size.w],
  );

  /** Zooms to a section: all of it when it fits at a seat-drawing scale, else its middle. */
  const openSection = useCallback(
    (index: number) => {
      const shape = layout.sections.find((section) => section.index === index);
      if (!shape) return;
      // Room for the row labels on the left and the section's name above.
      const target = {
        x: shape.box.x - 25,
        y: shape.box.y - 25,
        w: shape.box.w + 35,
        h: shape.box.h + 35,
      };
      const fit = scaleOf(target);
      const wanted = Math.max(fit, SEAT_SCALE * 1.3);
      const w = size.w / wanted;
      const h = size.h / wanted;
      setView({
        x: target.x + target.w / 2 - w / 2,
        y: target.y + target.h / 2 - h / 2,
        w,
        h,
      });
    },
    [layout, scaleOf, size.w, size.h],
  );

  const openSectionNow = useRef(openSection);
  openSectionNow.current = openSection;
  const onFocused = useRef(props.onFocused);
  onFocused.current = props.onFocused;
  const { focusSection } = props;
  useEffect(() => {
    if (!focusSection) return;
    openSectionNow.current(focusSection.index);
    onFocused.current?.();
  }, [focusSection]);

  const toMapPoint = (clientX: number, clientY: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return undefined;
    const unit = Math.max(box.w / rect.width, box.h / rect.height);
    const offsetX = (rect.width * unit - box.w) / 2;
    const offsetY = (rect.height * unit - box.h) / 2;
    return {
      x: box.x - offsetX + (clientX - rect.left) * unit,
      y: box.y - offsetY + (clientY - rect.top) * unit,
    };
  };

  // The wheel zooms the map, not the page: React's wheel listeners are passive.
  const wheel = useRef<(event: WheelEvent) => void>(() => {});
  wheel.current = (event) => {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.15 : 0.87, toMapPoint(event.clientX, event.clientY));
  };
  useEffect(() => {
    const svg = svgRef.current;
    const listener = (event: WheelEvent) => wheel.current(event);
    svg?.addEventListener("wheel", listener, { passive: false });
    return () => svg?.removeEventListener("wheel", listener);
  }, []);

  const keepInView = (seat: MapSeat) => {
    // From a big venue's overview, the keyboard lands in the seat's section.
    if (!showSeats) return openSection(seat.section);
    setView((current) => {
      if (!current || inside(seat, current, -SEAT_RADIUS)) return current;
      return { ...current, x: seat.x - current.w / 2, y: seat.y - current.h / 2 };
    });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const section = (event.target as Element).getAttribute?.("data-section-index");
    if (section !== null && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      return openSection(Number(section));
    }
    if (event.key === "+" || event.key === "=") return zoom(0.8);
    if (event.key === "-") return zoom(1.25);
    // Nothing focused yet: any key lands on the first seat that can be chosen.
    const current = focused ?? firstChoosable(seats, canChoose) ?? seats[0];
    if (!current) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (focused) onToggle(focused);
      else {
        setFocusedId(current.id);
        keepInView(current);
      }
      return;
    }
    const next = focused
      ? nextSeat(seats, focused, event.key, {
          ctrl: event.ctrlKey || event.metaKey,
          canChoose,
        })
      : NAVIGATION_KEYS.has(event.key)
        ? current
        : undefined;
    if (next !== undefined) {
      event.preventDefault();
      setFocusedId(next.id);
      keepInView(next);
    }
  };

  // Drag to pan with one pointer, pinch to zoom with two.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{
    start: Map<number, { x: number; y: number }>;
    box: Box;
    moved: boolean;
  } | null>(null);
  const startGesture = () => {
    gesture.current = {
      start: new Map(pointers.current),
      box,
      moved: gesture.current?.moved ?? false,
    };
  };

  const visible = useMemo(
    () => (showSeats ? cellsInView(layout, grow(box, 0.1)) : []),
    [showSeats, layout, box],
  );
  const focusedCell = focused ? cellKey(focused) : undefined;
  const summaries = useSectionSummaries(seats, props.sections);

  return (
    <div
      ref={containerRef}
      className="relative h-full min-h-[320px] w-full overflow-hidden rounded-xl border border-slate-200 bg-white"
    >
      <svg
        ref={svgRef}
        role="application"
        aria-label={props.label}
        aria-activedescendant={focused && showSeats ? `seat-${focused.id}` : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map is one composite widget driven by the keyboard
        tabIndex={0}
        data-testid="seat-map"
        data-mode={showSeats ? "seats" : "sections"}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        className="h-full w-full touch-none select-none outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
          if (pointers.current.size === 1) gesture.current = null;
          startGesture();
        }}
        onPointerMove={(event) => {
          const start = gesture.current;
          const rect = svgRef.current?.getBoundingClientRect();
          if (!start || !rect || !pointers.current.has(event.pointerId)) return;
          pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
          const [a, b] = [...pointers.current.values()];
          const [a0, b0] = [...start.start.values()];
          if (!a || !a0) return;
          if (b && b0) {
            // Pinch: the map under the fingers' midpoint stays put while the distance scales it.
            start.moved = true;
            const factor =
              Math.hypot(b0.x - a0.x, b0.y - a0.y) / Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
            const minW = size.w / MAX_SCALE;
            const w = clamp(start.box.w * factor, minW, bounds.w * 1.5);
            const h = (start.box.h / start.box.w) * w;
            const unit0 = Math.max(start.box.w / rect.width, start.box.h / rect.height);
            const unit = Math.max(w / rect.width, h / rect.height);
            const mid0 = { x: (a0.x + b0.x) / 2 - rect.left, y: (a0.y + b0.y) / 2 - rect.top };
            const mid = { x: (a.x + b.x) / 2 - rect.left, y: (a.y + b.y) / 2 - rect.top };
            const anchor = { x: start.box.x + mid0.x * unit0, y: start.box.y + mid0.y * unit0 };
            setView({ x: anchor.x - mid.x * unit, y: anchor.y - mid.y * unit, w, h });
            return;
          }
          const dx = a.x - a0.x;
          const dy = a.y - a0.y;
          if (!start.moved && Math.hypot(dx, dy) < 4) return;
          if (!start.moved) svgRef.current?.setPointerCapture(event.pointerId);
          start.moved = true;
          const unit = Math.max(start.box.w / rect.width, start.box.h / rect.height);
          setView({ ...start.box, x: start.box.x - dx * unit, y: start.box.y - dy * unit });
        }}
        onPointerUp={(event) => {
          pointers.current.delete(event.pointerId);
          const start = gesture.current;
          if (pointers.current.size > 0) {
            // One finger of a pinch lifted: the other pans on from here.
            startGesture();
            return;
          }
          gesture.current = null;
          if (start?.moved) return;
          const target = event.target as Element;
          const section = target.closest("[data-section-index]");
          if (section) return openSection(Number(section.getAttribute("data-section-index")));
          const id = target.getAttribute("data-seat-id");
          const seat = id ? seatById(id) : undefined;
          if (seat) {
            setFocusedId(seat.id);
            onToggle(seat);
          }
        }}
        onPointerCancel={(event) => {
          pointers.current.delete(event.pointerId);
          gesture.current = null;
        }}
      >
        {props.stageLabel && <Stage bounds={bounds} label={props.stageLabel} scale={scale} />}
        {props.zones && <ZoneAreas zones={props.zones} scale={scale} />}
        {showSeats ? (
          <>
            {visible.map((key) => (
              <SeatCell
                key={key}
                seats={seats}
                indexes={layout.cells.get(key) ?? []}
                selected={selected}
                focused={key === focusedCell ? focused : undefined}
                describe={props.describeSeat}
                numbers={scale >= SEAT_NUMBER_SCALE}
              />
            ))}
            {scale >= ROW_LABEL_SCALE && <RowLabels layout={layout} box={box} scale={scale} />}
            <SectionNames layout={layout} summaries={summaries} box={box} scale={scale} />
          </>
        ) : (
          <SectionOverview
            layout={layout}
            summaries={summaries}
            scale={scale}
            describe={props.describeSection}
          />
        )}
        {focused && showSeats && (
          <circle
            cx={focused.x}
            cy={focused.y}
            // 3 px outside the seat and 2.5 px thick at any zoom.
            r={SEAT_RADIUS + 4 / scale}
            fill="none"
            stroke="#c2410c"
            strokeWidth={2.5}
            vectorEffect="non-scaling-stroke"
            pointerEvents="none"
          />
        )}
      </svg>
      <div className="absolute right-2 top-2 flex flex-col gap-1">
        <MapButton label={props.controls.zoomIn} onClick={() => zoom(0.7)}>
          +
        </MapButton>
        <MapButton label={props.controls.zoomOut} onClick={() => zoom(1.4)}>
          −
        </MapButton>
        <MapButton label={props.controls.reset} onClick={() => setView(null)}>
          ⟲
        </MapButton>
      </div>
      {!showSeats && props.sectionsHint && (
        <p className="pointer-events-none absolute inset-x-0 bottom-2 mx-auto w-fit max-w-[90%] rounded-full bg-slate-900/85 px-3 py-1 text-center text-xs text-white">
          {props.sectionsHint}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {focused ? props.describeSeat(focused) : ""}
      </p>
    </div>
  );
}

/**
 * The layout, rebuilt only when the seats' places change: a live status update replaces seat
 * objects but moves none, and rebuilding 50,000 seats' index on every update would cost a frame.
 */
function useLayout(seats: MapSeat[]): SeatLayout {
  const cache = useRef<{ key: string; layout: SeatLayout } | null>(null);
  const key = useMemo(() => {
    let checksum = 0;
    for (const seat of seats) checksum = (checksum * 31 + seat.x * 7 + seat.y + seat.section) | 0;
    return `${seats.length}:${seats[0]?.id}:${seats.at(-1)?.id}:${checksum}`;
  }, [seats]);
  if (cache.current?.key !== key) cache.current = { key, layout: buildLayout(seats) };
  return cache.current.layout;
}

/** The view the map opens and resets at: all of it, or its top at `minScale` when that is bigger. */
function homeView(bounds: Box, size: { w: number; h: number }, minScale?: number): Box {
  if (!minScale || Math.min(size.w / bounds.w, size.h / bounds.h) >= minScale) return bounds;
  const w = size.w / minScale;
  const h = size.h / minScale;
  return { x: bounds.x + bounds.w / 2 - w / 2, y: bounds.y, w, h };
}

/** The map's size in CSS pixels, kept current as the page resizes. */
function useSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ w: 800, h: 600 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setSize({ w: element.clientWidth || 800, h: element.clientHeight || 600 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

function cellKey(point: { x: number; y: number }) {
  return `${Math.floor(point.x / CELL)},${Math.floor(point.y / CELL)}`;
}

function cellsInView(layout: SeatLayout, box: Box): string[] {
  const keys: string[] = [];
  for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.w) / CELL); cx++) {
    for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.h) / CELL); cy++) {
      const key = `${cx},${cy}`;
      if (layout.cells.has(key)) keys.push(key);
    }
  }
  return keys;
}

type CellProps = {
  seats: MapSeat[];
  indexes: number[];
  selected: ReadonlySet<string>;
  focused: MapSeat | undefined;
  describe: (seat: MapSeat) => string;
  numbers: boolean;
};

/**
 * One grid cell's seats. Re-rendered only when one of its own seats changed (status, selection,
 * focus), so a live update or a click repaints a cell, not the map.
 */
const SeatCell = memo(
  function SeatCell({ seats, indexes, selected, focused, describe, numbers }: CellProps) {
    return (
      <g>
        {indexes.map((index) => {
          const seat = seats[index];
          if (!seat) return null;
          const kind = selected.has(seat.id) ? "SELECTED" : seat.status;
          const isFocused = seat.id === focused?.id;
          return (
            <SeatWithNumber
              key={seat.id}
              seat={seat}
              kind={kind}
              number={numbers}
              label={isFocused ? describe(seat) : undefined}
            />
          );
        })}
      </g>
    );
  },
  (before, after) =>
    before.indexes === after.indexes &&
    before.numbers === after.numbers &&
    before.focused === after.focused &&
    before.describe === after.describe &&
    after.indexes.every((index) => {
      const seat = after.seats[index];
      return (
        seat === before.seats[index] &&
        (seat === undefined || before.selected.has(seat.id) === after.selected.has(seat.id))
      );
    }),
);

function SeatWithNumber({
  seat,
  kind,
  number,
  label,
}: {
  seat: MapSeat;
  kind: MapSeat["status"] | "SELECTED";
  number: boolean;
  label: string | undefined;
}) {
  const choosable = seat.status === "AVAILABLE" || seat.status === "MINE";
  const mark = (
    <SeatMark
      kind={kind}
      tier={seat.tier}
      x={seat.x}
      y={seat.y}
      id={`seat-${seat.id}`}
      data-seat-id={seat.id}
      data-status={kind}
      // Only the focused seat is named (the map points assistive technology at it); naming
      // thousands of marks made every one a screen-reader stop.
      role={label ? "img" : undefined}
      aria-label={label}
      className={choosable ? "cursor-pointer" : "cursor-not-allowed"}
    />
  );
  if (!number || kind === "SOLD" || kind === "BLOCKED") return mark;
  return (
    <>
      {mark}
      <text
        x={seat.x}
        y={seat.y + 1.5}
        textAnchor="middle"
        fontSize={4}
        fontWeight={600}
        fill={kind === "HELD" ? "#334155" : "#ffffff"}
        pointerEvents="none"
        aria-hidden
        data-seat-number
      >
        {seat.number}
      </text>
    </>
  );
}

function MapButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="flex size-9 items-center justify-center rounded-md border border-slate-300 bg-white text-lg font-semibold text-slate-700 shadow-sm hover:bg-slate-50"
    >
      {children}
    </button>
  );
}

function grow(box: Box, by: number): Box {
  return {
    x: box.x - box.w * by,
    y: box.y - box.h * by,
    w: box.w * (1 + 2 * by),
    h: box.h * (1 + 2 * by),
  };
}
