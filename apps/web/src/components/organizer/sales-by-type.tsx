// One event's sales by ticket type (issue 15), part of the live sales page: the tickets sold at
// their tier's own price, then each ticket type's — the tickets still standing (and how many were
// cancelled) and what they were paid. An event without types says so instead.
import { useLocale, useTranslations } from "next-intl";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";

type TypeSales = {
  /** Null: the tier's own price. */
  ticketTypeId: string | null;
  name: string | null;
  ticketsSold: number;
  cancelledTickets: number;
  revenue: number;
};

export function SalesByType({ types, currency }: { types: TypeSales[]; currency: string }) {
  const t = useTranslations("organizer.sales");
  const locale = useLocale();
  // Only the tier-price row: the event has no ticket types.
  const noTypes = types.every((type) => type.ticketTypeId === null);
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-semibold">{t("byType")}</h3>
      {noTypes ? (
        <p
          data-testid="sales-by-type-empty"
          className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600"
        >
          {t("noTypes")}
        </p>
      ) : (
        <StackedTable
          label={t("byType")}
          testId="sales-by-type"
          columns={[
            { label: t("type") },
            { label: t("typeTickets"), numeric: true },
            { label: t("tierRevenue"), numeric: true },
          ]}
        >
          {types.map((type) => (
            <StackedRow key={type.ticketTypeId ?? "tier-price"} testId="sales-type">
              <StackedCell className="font-medium wrap-anywhere">
                {type.name ?? t("tierPrice")}
              </StackedCell>
              <StackedCell label={t("typeTickets")} numeric>
                {t("ticketsCount", { sold: type.ticketsSold, cancelled: type.cancelledTickets })}
              </StackedCell>
              <StackedCell label={t("tierRevenue")} numeric>
                {formatMoney(type.revenue, currency, locale)}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
    </section>
  );
}
