// Axis ticks at round numbers (1, 2 or 5 × 10ⁿ), for the charts drawn on the server
// (./column-chart.tsx, ./bar-list.tsx). Figures are whole numbers here (money in the currency's
// minor unit, tickets, percent), so a step is never below 1.

export type Ticks = { lo: number; hi: number; step: number; values: number[] };

/** Ticks spanning min..max and zero, in at most `intervals` steps. */
export function niceTicks(min: number, max: number, intervals = 4): Ticks {
  const from = Math.min(0, min);
  const to = Math.max(0, max, from === 0 ? 1 : 0);
  const rough = Math.max(1, (to - from) / intervals);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = 10 * magnitude;
  for (const factor of [1, 2, 5, 10]) {
    const candidate = factor * magnitude;
    if (candidate < 1) continue;
    if (Math.ceil(to / candidate) - Math.floor(from / candidate) <= intervals + 1) {
      step = candidate;
      break;
    }
  }
  return ticksOf(Math.floor(from / step) * step, Math.ceil(to / step) * step, step);
}

/**
 * A second axis on the same grid lines as `ticks` (zero on the same line), for figures ≥ 0 up to
 * `max`: its step is the round number that fits `max` above zero.
 */
export function alignedTicks(ticks: Ticks, max: number): Ticks {
  const below = Math.round(-ticks.lo / ticks.step);
  const above = Math.round(ticks.hi / ticks.step);
  const rough = Math.max(1, max / Math.max(1, above));
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ??
    rough;
  return ticksOf(-below * step, above * step, step);
}

function ticksOf(lo: number, hi: number, step: number): Ticks {
  const values: number[] = [];
  for (let value = lo; value <= hi + step / 2; value += step) values.push(value);
  return { lo, hi, step, values };
}

/** Where `value` falls between the axis' ends, 0–100 (percent of the plot). */
export function share(ticks: Ticks, value: number) {
  return ((value - ticks.lo) / (ticks.hi - ticks.lo)) * 100;
}
