// Who holds tickets (R11): one entry per paid order with its tickets' types and its discount
// code, searched, filtered by type or code and paged by the URL, and the whole list as CSV.
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportAttendeesButton } from "~/components/organizer/export-attendees-button";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { FilterForm, FilterSelect, FilterText } from "~/components/ui/filter-form";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { loadOr404 } from "~/trpc/load-or-404";
import { hrefWith, param, type SearchParams } from "~/url/search-params";
import { uuidOrUndefined } from "~/url/uuid";
import { loadOwnEvent } from "../load-own-event";

export async function generateMetadata() {
  return { title: (await getTranslations("organizer"))("attendees.title") };
}

export default async function EventAttendeesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const q = param(query, "q");
  const type = uuidOrUndefined(param(query, "type"));
  const code = uuidOrUndefined(param(query, "code"));
  const cursor = uuidOrUndefined(param(query, "cursor"));
  const [t, format, event, result, ticketTypes, codes] = await Promise.all([
    getTranslations("organizer.attendees"),
    getFormatter(),
    loadOwnEvent(id),
    loadOr404(id, (api) =>
      api.organizer.attendees({
        eventId: id,
        q,
        ticketTypeId: type,
        discountCodeId: code,
        cursor,
        limit: 25,
      }),
    ),
    loadOr404(id, (api) => api.organizer.ticketTypes.list({ eventId: id })),
    loadOr404(id, (api) => api.organizer.discountCodes.list({ eventId: id, limit: 100 })),
  ]);
  const path = `/organizer/events/${id}/attendees`;
  const filters = { q, type, code };
  const filtered = Boolean(q || type || code);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h2 className="text-xl font-semibold">{t("title")}</h2>
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("total", { total: result.total })}
          </p>
        </div>
        <ExportAttendeesButton eventId={id} />
      </div>
      <FilterForm action={path} label={t("searchForm")}>
        <FilterText
          label={t("search")}
          name="q"
          type="search"
          value={q}
          placeholder={t("searchHint")}
          maxLength={100}
          className="sm:col-span-2"
        />
        {ticketTypes.length > 0 && (
          <FilterSelect
            label={t("ticketType")}
            name="type"
            value={type}
            any={t("anyTicketType")}
            options={ticketTypes.map((option) => ({ value: option.id, label: option.name }))}
          />
        )}
        {codes.items.length > 0 && (
          <FilterSelect
            label={t("discountCode")}
            name="code"
            value={code}
            any={t("anyDiscountCode")}
            options={codes.items.map((option) => ({ value: option.id, label: option.code }))}
          />
        )}
      </FilterForm>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("empty")} />
      ) : (
        <StackedTable
          label={t("title")}
          testId="attendees"
          columns={[
            { label: t("columns.name") },
            { label: t("columns.contact") },
            { label: t("columns.seats") },
            { label: t("columns.ordered") },
            { label: t("columns.checkIn") },
          ]}
        >
          {result.items.map((attendee) => (
            <StackedRow key={attendee.orderId} testId="attendee-row">
              <StackedCell className="font-medium">
                {attendee.displayName}
                <span className="block font-mono text-xs font-normal text-slate-500">
                  {attendee.orderId.slice(0, 8)}
                </span>
              </StackedCell>
              <StackedCell label={t("columns.contact")}>
                <span className="block wrap-anywhere">{attendee.email}</span>
                {attendee.phone && <span className="block text-slate-600">{attendee.phone}</span>}
              </StackedCell>
              <StackedCell label={t("columns.seats")}>
                {attendee.tickets
                  .map(
                    (ticket) =>
                      `${ticket.section} ${ticket.seat} (${ticket.ticketType ?? ticket.tier})`,
                  )
                  .join(", ")}
                {attendee.discountCode && (
                  <span className="block text-xs text-slate-600" data-testid="attendee-code">
                    {t("withCode", { code: attendee.discountCode })}
                  </span>
                )}
              </StackedCell>
              <StackedCell label={t("columns.ordered")}>
                <time dateTime={attendee.orderedAt.toISOString()}>
                  {format.dateTime(attendee.orderedAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: event.venue.timeZone,
                  })}
                </time>
              </StackedCell>
              <StackedCell label={t("columns.checkIn")}>
                <span data-testid="check-in" data-state={attendee.checkIn}>
                  {t(`checkIn.${attendee.checkIn}`, {
                    checkedIn: attendee.checkedIn,
                    tickets: attendee.tickets.length,
                  })}
                </span>
              </StackedCell>
            </StackedRow>
          ))}
        </StackedTable>
      )}
      <CursorPagination
        label={t("pagination")}
        firstHref={cursor ? hrefWith(path, filters) : undefined}
        firstLabel={t("first")}
        nextHref={
          result.nextCursor ? hrefWith(path, { ...filters, cursor: result.nextCursor }) : undefined
        }
        nextLabel={t("more")}
      />
    </div>
  );
}
