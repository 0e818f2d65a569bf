// An event's overview: headline figures, its price tiers, publish / cancel / delete, its cover
// image, and the form to change it.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EditEventForm } from "~/components/organizer/edit-event-form";
import { EventActions } from "~/components/organizer/event-actions";
import { EventCoverUpload } from "~/components/organizer/event-cover-upload";
import { FigureList } from "~/components/organizer/figure-list";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { card } from "~/components/ui/styles";
import { formatMoney } from "~/format/money";
import { loadOwnEvent } from "./load-own-event";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const event = await loadOwnEvent((await params).id);
  return { title: event.title };
}

export default async function OrganizerEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, locale, format, event] = await Promise.all([
    getTranslations("organizer.event"),
    getLocale(),
    getFormatter(),
    loadOwnEvent(id),
  ]);
  const money = (amount: number) => formatMoney(amount, event.currency, locale);
  return (
    <div className="flex flex-col gap-6">
      <FigureList
        figures={[
          {
            key: "sold",
            label: t("sold"),
            value: `${format.number(event.figures.sold)} / ${format.number(event.figures.sellable)}`,
          },
          { key: "orders", label: t("orders"), value: format.number(event.orderCount) },
          { key: "revenue", label: t("revenue"), value: money(event.figures.revenue) },
          { key: "net", label: t("net"), value: money(event.figures.net) },
        ]}
      />
      <EventActions event={event} />
      <StackedTable
        label={t("tiers")}
        testId="event-tiers"
        columns={[
          { label: t("tier") },
          { label: t("price"), numeric: true },
          { label: t("seats"), numeric: true },
          { label: t("sold"), numeric: true },
          { label: t("blocked"), numeric: true },
        ]}
      >
        {event.priceTiers.map((tier) => (
          <StackedRow key={tier.id}>
            <StackedCell className="font-medium">{tier.name}</StackedCell>
            <StackedCell label={t("price")} numeric>
              {money(tier.price)}
            </StackedCell>
            <StackedCell label={t("seats")} numeric>
              {format.number(tier.seats)}
            </StackedCell>
            <StackedCell label={t("sold")} numeric>
              {format.number(tier.sold)}
            </StackedCell>
            <StackedCell label={t("blocked")} numeric>
              {format.number(tier.blocked)}
            </StackedCell>
          </StackedRow>
        ))}
      </StackedTable>
      <div className={card}>
        <EventCoverUpload eventId={event.id} event={event} />
      </div>
      {event.status !== "CANCELLED" && (
        <details className={card}>
          <summary className="cursor-pointer text-lg font-semibold">{t("edit")}</summary>
          <div className="mt-4">
            <EditEventForm event={event} />
          </div>
        </details>
      )}
    </div>
  );
}
