// One seat's mark as a single SVG element (so clicks, ids and data attributes sit on one node),
// drawn the same way on the map and in the legend. Shapes and colours: ./seat-colors.ts.
import type { SVGProps } from "react";
import { type MarkKind, SELECTED_RING, seatMark } from "./seat-colors";

/** Seat radius in map units (seats are 10 units apart). */
export const SEAT_RADIUS = 4;

type Props = { kind: MarkKind; tier?: number; x: number; y: number } & Omit<
  SVGProps<SVGElement>,
  "x" | "y" | "ref"
>;

export function SeatMark({ kind, tier, x, y, ...rest }: Props) {
  const { shape, color } = seatMark(kind, tier);
  const r = SEAT_RADIUS;
  const props = rest as SVGProps<SVGCircleElement> & SVGProps<SVGRectElement>;
  switch (shape) {
    case "disc":
      return (
        <circle cx={x} cy={y} r={r} fill={color} stroke="#ffffff" strokeWidth={0.6} {...props} />
      );
    case "selected":
      return (
        <circle
          cx={x}
          cy={y}
          r={r - 0.2}
          fill={color}
          stroke={SELECTED_RING}
          strokeWidth={2}
          {...props}
        />
      );
    case "square":
      return (
        <rect
          x={x - r}
          y={y - r}
          width={2 * r}
          height={2 * r}
          rx={1.2}
          fill={color}
          stroke="#0b2a66"
          strokeWidth={1.2}
          {...props}
        />
      );
    case "ring":
      return (
        <circle
          cx={x}
          cy={y}
          r={r - 0.9}
          fill="#ffffff"
          stroke={color}
          strokeWidth={1.6}
          {...props}
        />
      );
    case "dot":
      return <circle cx={x} cy={y} r={r * 0.55} fill={color} {...props} />;
    case "cross": {
      const d = r * 0.75;
      return (
        <path
          d={`M${x - d} ${y - d}L${x + d} ${y + d}M${x + d} ${y - d}L${x - d} ${y + d}`}
          stroke={color}
          strokeWidth={1.7}
          strokeLinecap="round"
          fill="none"
          {...(props as SVGProps<SVGPathElement>)}
        />
      );
    }
  }
}

/** A legend swatch: the map's mark, at a readable size, hidden from screen readers. */
export function SeatSwatch({ kind, tier }: { kind: MarkKind; tier?: number }) {
  return (
    <svg viewBox="-6 -6 12 12" className="size-4 shrink-0" aria-hidden>
      <SeatMark kind={kind} tier={tier} x={0} y={0} />
    </svg>
  );
}
