// The sales page's period: events starting from one Taipei calendar day up to and including
// another, read from the URL as YYYY-MM-DD.
import type { RouterInputs } from "@openticket/api";
import { param, type SearchParams } from "./search-params";
import { DAY, taipeiDayStart, taipeiDays } from "./taipei-days";

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
  return taipeiDays(period.fromDay, period.toDay);
}
