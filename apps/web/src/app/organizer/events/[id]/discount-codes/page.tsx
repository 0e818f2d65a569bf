// One event's discount codes (issue 15): the codes that apply to it — its own and the
// organizer's codes for all their events — with what each takes off, its uses against its limit
// and its validity window in the venue's time zone; each switched off or on, its limit changed,
// or deleted while unused; and a form for a new one. Sales per code are its uses: the api has no
// per-code revenue yet.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CreateDiscountCodeForm } from "~/components/organizer/create-discount-code-form";
import { DiscountCodeActions } from "~/components/organizer/discount-code-actions";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { formatMoney } from "~/format/money";
import { loadOr404 } from "~/trpc/load-or-404";
import { hrefWith, param, type SearchParams } from "~/url/search-params";
import { uuidOrUndefined } from "~/url/uuid";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("discountCodes.title") };
}

export default async function EventDiscountCodesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const cursor = uuidOrUndefined(param(query, "cursor"));
  const [t, format, locale, event, result, ticketTypes] = await Promise.all([
    getTranslations("organizer.discountCodes"),
    getFormatter(),
    getLocale(),
    loadOwnEvent(id),
    loadOr404(id, (api) => api.organizer.discountCodes.list({ eventId: id, cursor, limit: 25 })),
    loadOr404(id, (api) => api.organizer.ticketTypes.list({ eventId: id })),
  ]);
  const typeName = new Map(ticketTypes.map((type) => [type.id, type.name]));
  const tierName = new Map(event.priceTiers.map((tier) => [tier.id, tier.name]));
  /** The tickets a code is limited to: tiers at their own prices, then types. */
  const limitedTo = (code: { tierIds: string[]; ticketTypeIds: string[] }) => [
    ...code.tierIds.map((tierId) => t("form.tierOwnPrice", { name: tierName.get(tierId) ?? "" })),
    ...code.ticketTypeIds.map((typeId) => typeName.get(typeId) ?? t("deletedType")),
  ];
  const timeZone = event.venue.timeZone;
  const path = `/organizer/events/${id}/discount-codes`;
  const now = new Date();
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-4" aria-labelledby="discount-codes-title">
        <div className="flex flex-col gap-1">
          <h2 id="discount-codes-title" className="text-xl font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600">{t("explain")}</p>
        </div>
        {result.items.length === 0 ? (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        ) : (
          <StackedTable
            label={t("title")}
            testId="discount-codes"
            columns={[
              { label: t("columns.code") },
              { label: t("columns.discount") },
              { label: t("columns.uses"), numeric: true },
              { label: t("columns.valid") },
              { label: t("columns.state") },
              { label: t("columns.actions") },
            ]}
          >
            {result.items.map((code) => {
              const state = !code.active
                ? "off"
                : code.validUntil && code.validUntil <= now
                  ? "expired"
                  : code.maxUses !== null && code.uses >= code.maxUses
                    ? "usedUp"
                    : code.validFrom && code.validFrom > now
                      ? "notStarted"
                      : "on";
              return (
                <StackedRow key={code.id} testId="discount-code">
                  <StackedCell className="font-medium">
                    <span className="font-mono wrap-anywhere" data-testid="discount-code-code">
                      {code.code}
                    </span>
                    <span className="block text-xs font-normal text-slate-500">
                      {code.event ? t("thisEvent") : t("allEvents")}
                    </span>
                    {limitedTo(code).length > 0 && (
                      <span
                        className="block text-xs font-normal text-slate-600"
                        data-testid="discount-code-types"
                      >
                        {t("onlyTypes", { types: format.list(limitedTo(code)) })}
                      </span>
                    )}
                    {code.currency && code.currency !== event.currency && (
                      <span className="block text-xs font-normal text-amber-800">
                        {t("otherCurrency", { currency: code.currency })}
                      </span>
                    )}
                  </StackedCell>
                  <StackedCell label={t("columns.discount")}>
                    {code.kind === "PERCENT"
                      ? t("percentOff", { value: code.value })
                      : t("amountOff", {
                          amount: formatMoney(code.value, code.currency ?? event.currency, locale),
                        })}
                  </StackedCell>
                  <StackedCell label={t("columns.uses")} numeric>
                    <span data-testid="discount-code-uses">
                      {code.maxUses === null
                        ? t("usesNoLimit", { uses: code.uses })
                        : t("usesOfLimit", { uses: code.uses, limit: code.maxUses })}
                    </span>
                  </StackedCell>
                  <StackedCell label={t("columns.valid")}>
                    {code.validFrom && code.validUntil
                      ? t("validBetween", {
                          from: when(code.validFrom),
                          until: when(code.validUntil),
                        })
                      : code.validFrom
                        ? t("validFrom", { from: when(code.validFrom) })
                        : code.validUntil
                          ? t("validUntil", { until: when(code.validUntil) })
                          : t("validAlways")}
                  </StackedCell>
                  <StackedCell label={t("columns.state")}>
                    <span
                      data-testid="discount-code-state"
                      data-active={code.active}
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${state === "on" ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}
                    >
                      {t(`state.${state}`)}
                    </span>
                  </StackedCell>
                  <StackedCell label={t("columns.actions")}>
                    <DiscountCodeActions code={code} />
                  </StackedCell>
                </StackedRow>
              );
            })}
          </StackedTable>
        )}
        <CursorPagination
          label={t("pagination")}
          firstHref={cursor ? path : undefined}
          firstLabel={t("first")}
          nextHref={result.nextCursor ? hrefWith(path, { cursor: result.nextCursor }) : undefined}
          nextLabel={t("more")}
        />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="new-discount-code">
        <h2 id="new-discount-code" className="text-lg font-semibold">
          {t("form.title")}
        </h2>
        <CreateDiscountCodeForm
          eventId={event.id}
          currency={event.currency}
          timeZone={timeZone}
          tiers={event.priceTiers
            .filter((tier) => tier.seats > 0)
            .map((tier) => ({ id: tier.id, name: tier.name }))}
          ticketTypes={ticketTypes.map((type) => ({ id: type.id, name: type.name }))}
        />
      </section>
    </div>
  );
}
