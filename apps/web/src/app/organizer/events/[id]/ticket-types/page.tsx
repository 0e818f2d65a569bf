// One event's ticket types (issue 15): the prices buyers may choose besides each price tier's own
// — each with the seats it is sold for, how much of its quota is sold and held, its sale window in
// the venue's time zone and its note; each edited, or deleted while unused; and a form for a new
// one.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CreateTicketTypeForm } from "~/components/organizer/create-ticket-type-form";
import { TicketTypeActions } from "~/components/organizer/ticket-type-actions";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";
import { loadOr404 } from "~/trpc/load-or-404";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("ticketTypes.title") };
}

export default async function EventTicketTypesPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const [t, format, locale, event, types] = await Promise.all([
    getTranslations("organizer.ticketTypes"),
    getFormatter(),
    getLocale(),
    loadOwnEvent(id),
    loadOr404(id, (api) => api.organizer.ticketTypes.list({ eventId: id })),
  ]);
  const timeZone = event.venue.timeZone;
  const tiers = event.priceTiers.map(({ id, name, price }) => ({ id, name, price }));
  const tierName = new Map(tiers.map((tier) => [tier.id, tier.name]));
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-4" aria-labelledby="ticket-types-title">
        <div className="flex flex-col gap-1">
          <h2 id="ticket-types-title" className="text-xl font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600">{t("explain")}</p>
        </div>
        {types.length === 0 ? (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        ) : (
          <StackedTable
            label={t("title")}
            testId="ticket-types"
            columns={[
              { label: t("columns.name") },
              { label: t("columns.price"), numeric: true },
              { label: t("columns.seats") },
              { label: t("columns.quota"), numeric: true },
              { label: t("columns.window") },
              { label: t("columns.actions") },
            ]}
          >
            {types.map((type) => (
              <StackedRow key={type.id} testId="ticket-type">
                <StackedCell className="font-medium">
                  <span className="wrap-anywhere" data-testid="ticket-type-name">
                    {type.name}
                  </span>
                  {type.note && (
                    <span
                      className="block text-xs font-normal text-slate-500 wrap-anywhere"
                      data-testid="ticket-type-note"
                    >
                      {type.note}
                    </span>
                  )}
                </StackedCell>
                <StackedCell label={t("columns.price")} numeric>
                  <span data-testid="ticket-type-price">
                    {formatMoney(type.price, event.currency, locale)}
                  </span>
                </StackedCell>
                <StackedCell label={t("columns.seats")}>
                  <span data-testid="ticket-type-seats">
                    {type.tierId ? (tierName.get(type.tierId) ?? "") : t("allSeats")}
                  </span>
                </StackedCell>
                <StackedCell label={t("columns.quota")} numeric>
                  <span data-testid="ticket-type-quota">
                    {type.quota === null
                      ? t("noLimit", { sold: type.sold, held: type.held })
                      : t("quotaOf", { sold: type.sold, held: type.held, quota: type.quota })}
                  </span>
                </StackedCell>
                <StackedCell label={t("columns.window")}>
                  <span data-testid="ticket-type-window">
                    {type.salesStartAt && type.salesEndAt
                      ? t("windowBetween", {
                          from: when(type.salesStartAt),
                          until: when(type.salesEndAt),
                        })
                      : type.salesStartAt
                        ? t("windowFrom", { from: when(type.salesStartAt) })
                        : type.salesEndAt
                          ? t("windowUntil", { until: when(type.salesEndAt) })
                          : t("windowEvent")}
                  </span>
                </StackedCell>
                {/* No label on a phone: the editor takes the row's whole width. */}
                <StackedCell className="*:flex-1">
                  <TicketTypeActions
                    type={type}
                    currency={event.currency}
                    timeZone={timeZone}
                    tiers={tiers}
                  />
                </StackedCell>
              </StackedRow>
            ))}
          </StackedTable>
        )}
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="new-ticket-type">
        <h2 id="new-ticket-type" className="text-lg font-semibold">
          {t("form.title")}
        </h2>
        <CreateTicketTypeForm
          eventId={event.id}
          currency={event.currency}
          timeZone={timeZone}
          tiers={tiers}
        />
      </section>
    </div>
  );
}
