// The sales page's period: events starting from one Taipei calendar day up to and including
// another, read from the URL as YYYY-MM-DD.
import type { RouterInputs } from "@openticket/api";
import { taipeiDayStart } from "~/app/event-filters-from-url";
import { param, type SearchParams } from "../url-params";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type SalesPeriod = { fromDay?: string; toDay?: string };

export function salesPeriodFromUrl(params: SearchParams): SalesPeriod {
  const day = (key: string) => {
    const value = param(params, key, 10);
    return value && DAY.test(value) && !Number.isNaN(taipeiDayStart(value).getTime())
      ? value
      : undefined;
  };
  return { fromDay: day("from"), toDay: day("to") };
}

export function toSalesInput(period: SalesPeriod): RouterInputs["admin"]["sales"] {
  const from = period.fromDay ? taipeiDayStart(period.fromDay) : undefined;
  const to = period.toDay
    ? new Date(taipeiDayStart(period.toDay).getTime() + 24 * 3600_000)
    : undefined;
  // An end before the start would be refused: read it as no end.
  return { from, to: from && to && to <= from ? undefined : to };
}
