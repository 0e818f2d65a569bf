// One event's analytics (R13): how full it is overall, per section and per row (a heat map on
// the seat map), attendance once it has started, each ticket type's tickets against its quota
// and each discount code's, and how many of them came in, and its money.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FigureList } from "~/components/organizer/figure-list";
import { UtilisationHeatMap } from "~/components/organizer/utilisation-heat-map";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";
import { loadOr404 } from "~/trpc/load-or-404";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("analytics.title") };
}

export default async function EventAnalyticsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, format, locale, analytics, map] = await Promise.all([
    getTranslations("organizer.analytics"),
    getFormatter(),
    getLocale(),
    loadOr404(id, (api) => api.organizer.analytics({ eventId: id })),
    loadOr404(id, (api) => api.organizer.seats.map({ eventId: id })),
  ]);
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const money = (amount: number) => formatMoney(amount, analytics.currency, locale);
  const attendance = analytics.attendance;
  return (
    <div className="flex flex-col gap-6">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <FigureList
        figures={[
          {
            key: "utilisation",
            label: t("utilisation"),
            value: percent(analytics.seats.utilisation),
            strong: true,
          },
          {
            key: "sold",
            label: t("sold"),
            value: `${format.number(analytics.seats.sold)} / ${format.number(analytics.seats.sellable)}`,
          },
          {
            key: "attendance",
            label: attendance?.final ? t("attendanceFinal") : t("attendance"),
            value: attendance
              ? `${format.number(attendance.checkedIn)} / ${format.number(attendance.sold)} (${percent(attendance.rate)})`
              : t("notStarted"),
          },
          { key: "net", label: t("net"), value: money(analytics.revenue.net) },
        ]}
      />
      <section className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("heatMap")}</h3>
        {map.seats.length > 0 && (
          <UtilisationHeatMap
            map={map}
            sections={analytics.sections}
            label={t("heatMapLabel")}
            legend={{ empty: t("legendEmpty"), full: t("legendFull"), blocked: t("legendBlocked") }}
          />
        )}
      </section>
      <StackedTable
        label={t("bySection")}
        testId="analytics-sections"
        columns={[
          { label: t("section") },
          { label: t("sold"), numeric: true },
          { label: t("blocked"), numeric: true },
          { label: t("utilisation"), numeric: true },
        ]}
      >
        {analytics.sections.map((section) => (
          <StackedRow key={section.sectionId}>
            <StackedCell className="font-medium">
              {section.name}
              {section.standing && (
                <span className="block text-xs font-normal text-slate-500">
                  {t("standingZone")}
                </span>
              )}
            </StackedCell>
            <StackedCell label={t("sold")} numeric>
              {format.number(section.sold)} / {format.number(section.sellable)}
            </StackedCell>
            <StackedCell label={t("blocked")} numeric>
              {format.number(section.blocked)}
            </StackedCell>
            <StackedCell label={t("utilisation")} numeric>
              {percent(section.utilisation)}
            </StackedCell>
          </StackedRow>
        ))}
      </StackedTable>
      {analytics.byType.length > 0 && (
        <StackedTable
          label={t("byType")}
          testId="analytics-types"
          columns={[
            { label: t("type") },
            { label: t("typeSold"), numeric: true },
            { label: t("typeCheckedIn"), numeric: true },
          ]}
        >
          {analytics.byType.map((type) => (
            <StackedRow key={type.ticketTypeId ?? `tier:${type.name}`}>
              <StackedCell className="font-medium">
                {type.ticketTypeId ? type.name : t("tierOwnPrice", { name: type.name })}
              </StackedCell>
              <StackedCell label={t("typeSold")} numeric>
                {type.quota === null
                  ? format.number(type.sold)
                  : t("ofQuota", { sold: type.sold, quota: type.quota })}
              </StackedCell>
              <StackedCell label={t("typeCheckedIn")} numeric>
                {attendance ? format.number(type.checkedIn) : "—"}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
      {analytics.byCode.length > 0 && (
        <StackedTable
          label={t("byCode")}
          testId="analytics-codes"
          columns={[
            { label: t("code") },
            { label: t("codeOrders"), numeric: true },
            { label: t("typeSold"), numeric: true },
            { label: t("typeCheckedIn"), numeric: true },
          ]}
        >
          {analytics.byCode.map((code) => (
            <StackedRow key={code.code}>
              <StackedCell className="font-mono font-medium">{code.code}</StackedCell>
              <StackedCell label={t("codeOrders")} numeric>
                {format.number(code.orders)}
              </StackedCell>
              <StackedCell label={t("typeSold")} numeric>
                {format.number(code.sold)}
              </StackedCell>
              <StackedCell label={t("typeCheckedIn")} numeric>
                {attendance ? format.number(code.checkedIn) : "—"}
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
      <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-3">
        <div>
          <dt className="inline text-slate-500">{t("revenue")}: </dt>
          <dd className="inline">{money(analytics.revenue.revenue)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t("refunds")}: </dt>
          <dd className="inline">{money(analytics.revenue.refunds)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">{t("net")}: </dt>
          <dd className="inline">{money(analytics.revenue.net)}</dd>
        </div>
      </dl>
    </div>
  );
}
