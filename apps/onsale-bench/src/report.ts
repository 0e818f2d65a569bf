// Printing the rush's figures: a table per step, then the headline numbers.
import { formatCodes, type RushResult } from "./rush.ts";
import { percentile, type StepName } from "./stats.ts";

const STEPS: { step: StepName; what: string }[] = [
  { step: "map", what: "event.seatStatus (open the map; layout once per version)" },
  { step: "hold", what: "reservation.hold" },
  { step: "checkout", what: "order.checkout" },
  { step: "pay", what: "demoPayment.approve (pay)" },
  { step: "paid", what: "order.byId until PAID" },
  { step: "release", what: "reservation.release (a refused checkout, or seats left over)" },
  { step: "order", what: "end to end: first map → PAID" },
];

export function stepTable(rush: RushResult): string[] {
  const lines = [
    `${"step".padEnd(48)} ${"ok".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}  errors`,
  ];
  for (const { step, what } of STEPS) {
    const sorted = [...(rush.stats.latencies.get(step) ?? [])].sort((a, b) => a - b);
    const errors = rush.stats.errors.get(step) ?? new Map();
    if (sorted.length === 0 && errors.size === 0) continue;
    const cell = (p: number) => (sorted.length ? ms(percentile(sorted, p)) : "-").padStart(8);
    lines.push(
      `${what.padEnd(48)} ${String(sorted.length).padStart(7)} ${cell(50)} ${cell(95)} ${cell(99)}  ${formatCodes(errors)}`,
    );
  }
  return lines;
}

function ms(value: number) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function megabytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
