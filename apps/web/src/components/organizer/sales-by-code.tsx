// One event's sales by discount code (issue 15), part of the live sales page: each code used by
// a paid order, with its orders (and how many were cancelled since), the tickets still standing,
// what the seats cost before the code, what it took off and what was kept after refunds.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";

type CodeSales = {
  code: string;
  orders: number;
  cancelledOrders: number;
  ticketsSold: number;
  gross: number;
  discount: number;
  net: number;
};

export function SalesByCode({ codes, currency }: { codes: CodeSales[]; currency: string }) {
  const t = useTranslations("organizer.sales");
  const locale = useLocale();
  const format = useFormatter();
  const money = (value: number) => formatMoney(value, currency, locale);
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-semibold">{t("byCode")}</h3>
      {codes.length === 0 ? (
        <p
          data-testid="sales-by-code-empty"
          className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600"
        >
          {t("noCodes")}
        </p>
      ) : (
        <StackedTable
          label={t("byCode")}
          testId="sales-by-code"
          columns={[
            { label: t("code") },
            { label: t("orders"), numeric: true },
            { label: t("codeTickets"), numeric: true },
            { label: t("gross"), numeric: true },
            { label: t("discount"), numeric: true },
            { label: t("codeNet"), numeric: true },
          ]}
        >
          {codes.map((code) => (
            <StackedRow key={code.code} testId="sales-code">
              <StackedCell className="font-mono font-medium">{code.code}</StackedCell>
              <StackedCell label={t("orders")} numeric>
                {t("ordersCount", { orders: code.orders, cancelled: code.cancelledOrders })}
              </StackedCell>
              <StackedCell label={t("codeTickets")} numeric>
                {format.number(code.ticketsSold)}
              </StackedCell>
              <StackedCell label={t("gross")} numeric>
                {money(code.gross)}
              </StackedCell>
              <StackedCell label={t("discount")} numeric>
                {money(code.discount)}
              </StackedCell>
              <StackedCell label={t("codeNet")} numeric>
                {money(code.net)}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
    </section>
  );
}
