// A heat map of how full an event is: every seat drawn where buyers see it, coloured by its
// row's utilisation (sold / sellable), blocked seats grey. Static SVG: read, not clicked.
// The seats of one colour are one path of dots (a zero-length line with round caps draws a dot):
// an arena is a handful of elements, not 5,000 circles in the HTML and again in the RSC payload.
import type { RouterOutputs } from "@openticket/api";

type SeatMap = RouterOutputs["organizer"]["seats"]["map"];
type Sections = RouterOutputs["organizer"]["analytics"]["sections"];

const PADDING = 20;
const BLOCKED = "#cbd5e1";
/** Light to dark blue: 0% to 100% sold. */
const SCALE = ["#e0f2fe", "#bae6fd", "#7dd3fc", "#38bdf8", "#0284c7", "#075985", "#0c4a6e"];

export function heatColor(utilisation: number | null) {
  if (utilisation === null) return BLOCKED;
  const index = Math.min(SCALE.length - 1, Math.floor(utilisation * (SCALE.length - 1) + 0.5));
  return SCALE[index] ?? BLOCKED;
}

export function UtilisationHeatMap({
  map,
  sections,
  label,
  legend,
}: {
  map: SeatMap;
  sections: Sections;
  label: string;
  legend: { empty: string; full: string; blocked: string };
}) {
  const rowUtilisation = new Map<string, number | null>();
  for (const section of sections) {
    for (const row of section.rows) {
      rowUtilisation.set(`${section.sectionId}/${row.row}`, row.utilisation);
    }
  }
  const dotsByColor = new Map<string, string[]>();
  for (const seat of map.seats) {
    const color =
      seat.state === "BLOCKED"
        ? BLOCKED
        : heatColor(rowUtilisation.get(`${seat.sectionId}/${seat.row}`) ?? null);
    const dots = dotsByColor.get(color) ?? [];
    dots.push(`M${seat.x} ${seat.y}h0`);
    dotsByColor.set(color, dots);
  }
  const xs = map.seats.map((seat) => seat.x);
  const ys = map.seats.map((seat) => seat.y);
  const minX = Math.min(...xs) - PADDING;
  const minY = Math.min(...ys) - PADDING;
  const width = Math.max(...xs) - minX + PADDING;
  const height = Math.max(...ys) - minY + PADDING;
  return (
    <figure className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3">
      <svg
        role="img"
        aria-label={label}
        data-testid="heat-map"
        viewBox={`${minX} ${minY} ${width} ${height}`}
        className="max-h-[420px] w-full"
      >
        <g strokeWidth={8} strokeLinecap="round">
          {[...dotsByColor].map(([color, dots]) => (
            <path key={color} stroke={color} d={dots.join("")} />
          ))}
        </g>
      </svg>
      <figcaption className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>{legend.empty}</span>
        <span aria-hidden className="flex">
          {SCALE.map((color) => (
            <span key={color} className="inline-block h-3 w-5" style={{ background: color }} />
          ))}
        </span>
        <span>{legend.full}</span>
        <span
          aria-hidden
          className="ml-3 inline-block size-3 rounded-full"
          style={{ background: BLOCKED }}
        />
        <span>{legend.blocked}</span>
      </figcaption>
    </figure>
  );
}
