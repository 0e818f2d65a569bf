// The seat map's text, drawn at a constant screen size whatever the zoom (sizes in CSS pixels):
// the stage, section names (pinned to the top of the view when their section's top is out of
// it), row labels (pinned to the view's edge likewise) and a big venue's overview of sections.
import { Fragment } from "react";
import { tierColor } from "./seat-colors";
import type { Box, SeatLayout } from "./seat-layout";
import { SEAT_RADIUS } from "./seat-mark";
import type { SectionSummary } from "./section-summaries";

/** Screen pixels per map unit from which rows are labelled (seats 13 px apart). */
export const ROW_LABEL_SCALE = 1.3;

/** Text drawn at a constant screen size: `px` CSS pixels whatever the zoom. */
export function ScreenText({
  x,
  y,
  px,
  scale,
  weight,
  anchor = "middle",
  children,
}: {
  x: number;
  y: number;
  px: number;
  scale: number;
  weight?: number;
  anchor?: "middle" | "end";
  children: React.ReactNode;
}) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fontSize={px / scale}
      fontWeight={weight}
      fill="#1e293b"
      stroke="#ffffff"
      strokeWidth={3 / scale}
      paintOrder="stroke"
      pointerEvents="none"
    >
      {children}
    </text>
  );
}

/** About how wide a text is drawn, in screen pixels (CJK characters are square). */
function textWidth(text: string, px: number) {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? px : px * 0.62;
  return width;
}

/** A label kept on screen over the seats: on a white pill, so it reads over anything. */
function PinnedLabel({
  x,
  y,
  px,
  scale,
  weight,
  anchor = "middle",
  children,
}: {
  x: number;
  y: number;
  px: number;
  scale: number;
  weight?: number;
  anchor?: "middle" | "end";
  children: string;
}) {
  const w = (textWidth(children, px) + 8) / scale;
  const h = (px + 6) / scale;
  const left = anchor === "middle" ? x - w / 2 : x - w + 4 / scale;
  return (
    <>
      <rect
        x={left}
        y={y - px / scale - 1 / scale}
        width={w}
        height={h}
        rx={h / 2}
        fill="#ffffff"
        fillOpacity={0.92}
        stroke="#cbd5e1"
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      <ScreenText x={x} y={y} px={px} scale={scale} weight={weight} anchor={anchor}>
        {children}
      </ScreenText>
    </>
  );
}

/**
 * Each section's name above it, and, once the map is zoomed in so far that the top of a section
 * is out of view, pinned to the top of the view over the part of the section still shown: the
 * name of the section one is looking at is always on screen.
 */
export function SectionNames({
  layout,
  summaries,
  box,
  scale,
}: {
  layout: SeatLayout;
  summaries: Map<number, SectionSummary>;
  box: Box;
  scale: number;
}) {
  const px = 13;
  return (
    <g aria-hidden data-testid="section-names">
      {layout.sections.map((section) => {
        const name = summaries.get(section.index)?.name ?? "";
        const s = section.box;
        const left = Math.max(s.x, box.x);
        const right = Math.min(s.x + s.w, box.x + box.w);
        if (right <= left || s.y + s.h <= box.y || s.y >= box.y + box.h) return null;
        // Above the row labels of rows that run downwards, when those are shown.
        const above = s.y - (scale >= ROW_LABEL_SCALE ? 14 : 3) / scale;
        const top = box.y + (px + 6) / scale;
        const half = textWidth(name, px) / 2 / scale;
        // Over the part of the section in view; a name wider than that part stays in the view.
        const x =
          right - left > 2 * half
            ? clamp(s.x + s.w / 2, left + half, right - half)
            : clamp((left + right) / 2, box.x + half, box.x + box.w - half);
        if (above >= top) {
          return (
            <ScreenText key={section.index} x={x} y={above} px={px} scale={scale} weight={600}>
              {name}
            </ScreenText>
          );
        }
        return (
          <PinnedLabel
            key={section.index}
            x={x}
            y={Math.min(top, s.y + s.h)}
            px={px}
            scale={scale}
            weight={600}
          >
            {name}
          </PinnedLabel>
        );
      })}
    </g>
  );
}

/**
 * Each row's name before its first seat; when that is out of view but the row is not, at the
 * edge of the view (the left one, or the top for rows running down), so the rows one looks at
 * are always named.
 */
export function RowLabels({ layout, box, scale }: { layout: SeatLayout; box: Box; scale: number }) {
  const px = 11;
  const gap = SEAT_RADIUS + 4 / scale;
  return (
    <g aria-hidden data-testid="row-labels">
      {layout.rows.map((row) => {
        const key = `${row.section}-${row.row}`;
        if (row.vertical) {
          const y = row.y - gap;
          if (row.x < box.x || row.x > box.x + box.w || row.end < box.y || y > box.y + box.h) {
            return null;
          }
          const edge = box.y + (px + 4) / scale;
          if (y >= edge) {
            return (
              <ScreenText key={key} x={row.x} y={y} px={px} scale={scale}>
                {row.row}
              </ScreenText>
            );
          }
          return (
            <PinnedLabel key={key} x={row.x} y={Math.min(edge, row.end)} px={px} scale={scale}>
              {row.row}
            </PinnedLabel>
          );
        }
        const x = row.x - gap;
        const y = row.y + 4 / scale;
        if (row.y < box.y || row.y > box.y + box.h || row.end < box.x || x > box.x + box.w) {
          return null;
        }
        const edge = box.x + (textWidth(row.row, px) + 8) / scale;
        if (x >= edge) {
          return (
            <ScreenText key={key} x={x} y={y} px={px} scale={scale} anchor="end">
              {row.row}
            </ScreenText>
          );
        }
        return (
          <PinnedLabel
            key={key}
            x={Math.min(edge, row.end)}
            y={y}
            px={px}
            scale={scale}
            anchor="end"
          >
            {row.row}
          </PinnedLabel>
        );
      })}
    </g>
  );
}

/** A big venue zoomed out: each section an outline to open, with its name and free seats. */
export function SectionOverview({
  layout,
  summaries,
  scale,
  describe,
}: {
  layout: SeatLayout;
  summaries: Map<number, SectionSummary>;
  scale: number;
  describe?: (summary: SectionSummary) => string[];
}) {
  return (
    <g data-testid="section-overview">
      {layout.sections.map((section) => {
        const summary = summaries.get(section.index);
        if (!summary) return null;
        // Text that would overflow a small section (a stadium on a phone) is cut down: the
        // summary goes on one line, else a line per part (free seats, prices), else it goes;
        // then the name shrinks (the aria-label keeps everything).
        const room = section.box.w * scale;
        const fits = (text: string, px: number) => textWidth(text, px) <= room - 8;
        const parts = describe?.(summary) ?? [];
        const full = parts.join(" · ");
        const tallEnough = section.box.h * scale >= 16 + 14 * parts.length + 8;
        const lines = !full
          ? []
          : fits(full, 11)
            ? [full]
            : tallEnough && parts.every((part) => fits(part, 11))
              ? parts
              : [];
        const namePx = clamp(room / (textWidth(summary.name, 1) + 0.5), 9, 13);
        const soldOut = summary.free === 0;
        const color = soldOut ? "#64748b" : tierColor(summary.tiers[0] ?? 0);
        const cx = section.box.x + section.box.w / 2;
        const cy = section.box.y + section.box.h / 2;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
          <g
            key={section.index}
            data-section-index={section.index}
            role="button"
            tabIndex={0}
            aria-label={full ? `${summary.name}, ${full}` : summary.name}
            className="cursor-pointer outline-none [&:focus-visible>polygon]:stroke-[3px]"
          >
            <polygon
              points={section.outline.map((p) => `${p.x},${p.y}`).join(" ")}
              fill={color}
              fillOpacity={soldOut ? 0.08 : 0.16}
              stroke={color}
              strokeWidth={1.5}
              strokeDasharray={soldOut ? "4 3" : undefined}
              vectorEffect="non-scaling-stroke"
            />
            {/* One text of several lines, spaces between them, read as the aria-label says. */}
            <ScreenText
              x={cx}
              y={cy - (lines.length ? 7 * lines.length - 4 : -4) / scale}
              px={namePx}
              scale={scale}
              weight={700}
            >
              {summary.name}
              {lines.map((line, index) => (
                <Fragment key={line}>
                  {" "}
                  <tspan
                    x={cx}
                    y={cy + (14 * (index + 1) - 7 * lines.length + 2) / scale}
                    fontSize={11 / scale}
                    fontWeight={400}
                  >
                    {line}
                  </tspan>
                </Fragment>
              ))}
            </ScreenText>
          </g>
        );
      })}
    </g>
  );
}

export function Stage({ bounds, label, scale }: { bounds: Box; label: string; scale: number }) {
  const width = Math.min(bounds.w * 0.5, 400);
  const x = bounds.x + bounds.w / 2 - width / 2;
  const y = bounds.y + 2;
  return (
    <g aria-hidden>
      <rect x={x} y={y} width={width} height={14} rx={4} fill="#e2e8f0" />
      <ScreenText x={x + width / 2} y={y + 7 + 4 / scale} px={11} scale={scale}>
        {label}
      </ScreenText>
    </g>
  );
}

export function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}
