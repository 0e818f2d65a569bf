// The sales page's headline figures. Money is never added across currencies: each currency
// gets its own line.
import type { RouterOutputs } from "@openticket/api";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "~/format/money";

type SalesReport = RouterOutputs["admin"]["sales"];

export async function SalesFigures({ report }: { report: SalesReport }) {
  const [t, format, locale] = await Promise.all([
    getTranslations("admin.sales"),
    getFormatter(),
    getLocale(),
  ]);
  const money = (key: "revenue" | "refunds" | "net") =>
    report.totals.length === 0
      ? ["—"]
      : report.totals.map((total) => formatMoney(total[key], total.currency, locale));
  const figures = [
    { key: "ticketsSold", lines: [format.number(report.tickets.sold)] },
    { key: "ticketsUnsold", lines: [format.number(report.tickets.unsold)] },
    { key: "revenue", lines: money("revenue") },
    { key: "refunds", lines: money("refunds") },
    { key: "net", lines: money("net"), strong: true },
  ] as const;
  return (
    <dl
      data-testid="sales-figures"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
    >
      {figures.map((figure) => (
        <div
          key={figure.key}
          data-testid={`figure-${figure.key}`}
          className={`rounded-xl border bg-white p-4 ${"strong" in figure ? "border-brand-100 ring-1 ring-brand-100" : "border-slate-200"} ${figure.key === "net" ? "col-span-2 sm:col-span-1" : ""}`}
        >
          <dt className="text-xs font-medium text-slate-500">{t(figure.key)}</dt>
          {figure.lines.map((line) => (
            <dd
              key={line}
              className="mt-1 text-lg font-semibold tabular-nums tracking-tight wrap-anywhere sm:text-xl"
            >
              {line}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
