// The audit log, newest first, filtered by action, entity type and actor (in the URL), paged
// towards older entries by cursor.
import { getTranslations } from "next-intl/server";
import { AuditLogTable } from "~/components/admin/audit-log-table";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { FilterForm, FilterText } from "~/components/ui/filter-form";
import { getServerApi } from "~/trpc/server";
import {
  auditHref,
  auditQueryFromUrl,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
} from "~/url/admin-audit-query";
import type { SearchParams } from "~/url/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("audit.title") };
}

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const query = auditQueryFromUrl(await searchParams);
  const api = await getServerApi();
  const t = await getTranslations("admin");

  // The URL names the actor by username; the api filters by id.
  let actorId: string | undefined;
  if (query.actor) {
    const wanted = query.actor.toLowerCase();
    const found = await api.admin.users.search({ q: query.actor, limit: 100 });
    actorId = found.items.find((user) => user.username.toLowerCase() === wanted)?.id;
  }
  const unknownActor = Boolean(query.actor && !actorId);
  const result = unknownActor
    ? { items: [], nextCursor: null }
    : await api.admin.audit({
        action: query.action,
        entityType: query.entity,
        actorId,
        cursor: query.cursor,
        limit: 50,
      });

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("audit.title")}</h1>
        <p className="text-sm text-slate-600">{t("audit.intro")}</p>
      </header>
      <FilterForm action="/admin/audit" label={t("audit.filters")}>
        <FilterText
          label={t("audit.action")}
          name="action"
          value={query.action}
          placeholder={t("audit.actionPlaceholder")}
          maxLength={100}
          suggestions={KNOWN_ACTIONS}
          mono
        />
        <FilterText
          label={t("audit.entityType")}
          name="entity"
          value={query.entity}
          placeholder={t("audit.entityPlaceholder")}
          maxLength={50}
          suggestions={KNOWN_ENTITY_TYPES}
          mono
        />
        <FilterText
          label={t("audit.actor")}
          name="actor"
          value={query.actor}
          placeholder={t("audit.actorPlaceholder")}
          maxLength={100}
        />
      </FilterForm>
      {result.items.length === 0 ? (
        <EmptyState
          title={
            unknownActor
              ? t("audit.unknownActor", { username: query.actor ?? "" })
              : t("audit.empty")
          }
          hint={t("audit.emptyHint")}
        />
      ) : (
        <AuditLogTable entries={result.items} />
      )}
      <CursorPagination
        label={t("pagination.label")}
        firstHref={query.cursor ? auditHref(query) : undefined}
        firstLabel={t("pagination.newest")}
        nextHref={result.nextCursor ? auditHref(query, result.nextCursor) : undefined}
        nextLabel={t("pagination.older")}
      />
    </div>
  );
}
