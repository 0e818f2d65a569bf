"use client";
// The seat map drawing: one SVG circle per seat at its x/y, coloured by tier and status, with
// zoom (wheel, buttons), pan (drag) and keyboard navigation. Zoom and pan only change the
// viewBox, and the seats layer is memoised, so the 5,000-seat arena stays smooth.
import { memo, useCallback, useMemo, useRef, useState } from "react";
import { type MapSeat, seatFill, seatStroke } from "./seat-colors";
import { type CanChoose, firstChoosable, nextSeat } from "./seat-navigation";

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
  stageLabel: string;
  controls: { zoomIn: string; zoomOut: string; reset: string };
};

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

type Box = { x: number; y: number; w: number; h: number };
const PADDING = 30;
const SEAT_RADIUS = 4;

export function SeatMapSvg(props: SeatMapSvgProps) {
  const { seats, selected, onToggle, canChoose = everySeat } = props;
  const bounds = useMemo(() => seatBounds(seats), [seats]);
  const [view, setView] = useState<Box | null>(null);
  const box = view ?? bounds;
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; box: Box; moved: boolean } | null>(null);
  const byId = useMemo(() => new Map(seats.map((seat) => [seat.id, seat])), [seats]);
  const focused = focusedId ? byId.get(focusedId) : undefined;

  const zoom = useCallback(
    (factor: number, center?: { x: number; y: number }) => {
      setView((current) => {
        const from = current ?? bounds;
        const w = clamp(from.w * factor, bounds.w / 12, bounds.w * 1.5);
        const h = (from.h / from.w) * w;
        const cx = center?.x ?? from.x + from.w / 2;
        const cy = center?.y ?? from.y + from.h / 2;
        return { x: cx - ((cx - from.x) * w) / from.w, y: cy - ((cy - from.y) * h) / from.h, w, h };
      });
    },
    [bounds],
  );

  const toMapPoint = (clientX: number, clientY: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return undefined;
    const scale = Math.max(box.w / rect.width, box.h / rect.height);
    const offsetX = (rect.width * scale - box.w) / 2;
    const offsetY = (rect.height * scale - box.h) / 2;
    return {
      x: box.x - offsetX + (clientX - rect.left) * scale,
      y: box.y - offsetY + (clientY - rect.top) * scale,
    };
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "+" || event.key === "=") return zoom(0.8);
    if (event.key === "-") return zoom(1.25);
    // Nothing focused yet: any key lands on the first seat that can be chosen.
    const current = focused ?? firstChoosable(seats, canChoose) ?? seats[0];
    if (!current) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (focused) onToggle(focused);
      else setFocusedId(current.id);
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

  const keepInView = (seat: MapSeat) => {
    setView((current) => {
      if (!current) return current;
      const inside =
        seat.x > current.x &&
        seat.x < current.x + current.w &&
        seat.y > current.y &&
        seat.y < current.y + current.h;
      return inside
        ? current
        : { ...current, x: seat.x - current.w / 2, y: seat.y - current.h / 2 };
    });
  };

  return (
    <div className="relative h-full min-h-[320px] w-full overflow-hidden rounded-xl border border-slate-200 bg-white">
      <svg
        ref={svgRef}
        role="application"
        aria-label={props.label}
        aria-activedescendant={focused ? `seat-${focused.id}` : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map is one composite widget driven by the keyboard
        tabIndex={0}
        data-testid="seat-map"
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        className="h-full w-full touch-none select-none outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        onKeyDown={onKeyDown}
        onWheel={(event) => {
          const point = toMapPoint(event.clientX, event.clientY);
          zoom(event.deltaY > 0 ? 1.15 : 0.87, point);
        }}
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY, box, moved: false };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          const rect = svgRef.current?.getBoundingClientRect();
          if (!start || !rect) return;
          const dx = event.clientX - start.x;
          const dy = event.clientY - start.y;
          if (!start.moved && Math.hypot(dx, dy) < 4) return;
          if (!start.moved) svgRef.current?.setPointerCapture(event.pointerId);
          start.moved = true;
          const scale = Math.max(start.box.w / rect.width, start.box.h / rect.height);
          setView({ ...start.box, x: start.box.x - dx * scale, y: start.box.y - dy * scale });
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          drag.current = null;
          if (start?.moved) return;
          const id = (event.target as Element).getAttribute("data-seat-id");
          const seat = id ? byId.get(id) : undefined;
          if (seat) {
            setFocusedId(seat.id);
            onToggle(seat);
          }
        }}
      >
        <Stage bounds={bounds} label={props.stageLabel} />
        <SectionLabels seats={seats} sections={props.sections} />
        <SeatsLayer seats={seats} selected={selected} describeSeat={props.describeSeat} />
        {focused && (
          <circle
            cx={focused.x}
            cy={focused.y}
            r={SEAT_RADIUS + 3}
            fill="none"
            stroke="#f97316"
            strokeWidth={2}
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
      <p aria-live="polite" className="sr-only">
        {focused ? props.describeSeat(focused) : ""}
      </p>
    </div>
  );
}

const SeatsLayer = memo(function SeatsLayer({
  seats,
  selected,
  describeSeat,
}: {
  seats: MapSeat[];
  selected: ReadonlySet<string>;
  describeSeat: (seat: MapSeat) => string;
}) {
  return (
    <g>
      {seats.map((seat) => {
        const isSelected = selected.has(seat.id);
        return (
          <circle
            key={seat.id}
            id={`seat-${seat.id}`}
            data-seat-id={seat.id}
            data-status={isSelected ? "SELECTED" : seat.status}
            aria-label={describeSeat(seat)}
            cx={seat.x}
            cy={seat.y}
            r={SEAT_RADIUS}
            fill={seatFill(seat, isSelected)}
            stroke={seatStroke(seat, isSelected)}
            strokeWidth={isSelected || seat.status === "MINE" ? 1.6 : 0.6}
            className={
              seat.status === "AVAILABLE" || seat.status === "MINE"
                ? "cursor-pointer"
                : "cursor-not-allowed"
            }
          />
        );
      })}
    </g>
  );
});

function Stage({ bounds, label }: { bounds: Box; label: string }) {
  const width = Math.min(bounds.w * 0.5, 400);
  const x = bounds.x + bounds.w / 2 - width / 2;
  const y = bounds.y + 2;
  return (
    <g aria-hidden>
      <rect x={x} y={y} width={width} height={14} rx={4} fill="#e2e8f0" />
      <text x={x + width / 2} y={y + 10} textAnchor="middle" fontSize={8} fill="#475569">
        {label}
      </text>
    </g>
  );
}

function SectionLabels({ seats, sections }: { seats: MapSeat[]; sections: { name: string }[] }) {
  const labels = useMemo(() => {
    const boxes = new Map<number, { minX: number; maxX: number; minY: number }>();
    for (const seat of seats) {
      const box = boxes.get(seat.section) ?? { minX: seat.x, maxX: seat.x, minY: seat.y };
      box.minX = Math.min(box.minX, seat.x);
      box.maxX = Math.max(box.maxX, seat.x);
      box.minY = Math.min(box.minY, seat.y);
      boxes.set(seat.section, box);
    }
    return [...boxes].map(([section, box]) => ({
      name: sections[section]?.name ?? "",
      x: (box.minX + box.maxX) / 2,
      y: box.minY - 9,
    }));
  }, [seats, sections]);
  return (
    <g aria-hidden>
      {labels.map((label) => (
        <text
          key={label.name}
          x={label.x}
          y={label.y}
          textAnchor="middle"
          fontSize={7}
          fill="#64748b"
        >
          {label.name}
        </text>
      ))}
    </g>
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

function seatBounds(seats: MapSeat[]): Box {
  if (seats.length === 0) return { x: 0, y: 0, w: 100, h: 100 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const seat of seats) {
    minX = Math.min(minX, seat.x);
    minY = Math.min(minY, seat.y);
    maxX = Math.max(maxX, seat.x);
    maxY = Math.max(maxY, seat.y);
  }
  // Room above the seats for the stage and the section labels.
  return {
    x: minX - PADDING,
    y: minY - PADDING - 20,
    w: maxX - minX + 2 * PADDING,
    h: maxY - minY + 2 * PADDING + 20,
  };
}

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}
