// Users: find people by name, e-mail, role or suspension (in the URL), change their role, suspend
// or unsuspend them. Paged by cursor, A→Z by username, as the api pages them.
import { getTranslations } from "next-intl/server";
import { UsersTable } from "~/components/admin/users-table";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { FilterForm, filterField, filterInput } from "~/components/ui/filter-form";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import { ROLES, toUsersInput, usersHref, usersQueryFromUrl } from "~/url/admin-users-query";
import type { SearchParams } from "~/url/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("users.title") };
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const query = usersQueryFromUrl(await searchParams);
  const api = await getServerApi();
  const [t, tRoles, self, result] = await Promise.all([
    getTranslations("admin"),
    getTranslations("roles"),
    getSessionUser(),
    api.admin.users.search(toUsersInput(query)),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("users.title")}</h1>
        <p className="text-sm text-slate-600">{t("users.intro")}</p>
      </header>
      <FilterForm action="/admin/users" label={t("users.filters")}>
        <label className={`${filterField} lg:col-span-2`}>
          {t("users.search")}
          <input
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder={t("users.searchPlaceholder")}
            maxLength={100}
            className={filterInput}
          />
        </label>
        <label className={filterField}>
          {t("users.role")}
          <select name="role" defaultValue={query.role ?? ""} className={filterInput}>
            <option value="">{t("users.anyRole")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </label>
        <label className={filterField}>
          {t("users.state")}
          <select name="state" defaultValue={query.state ?? ""} className={filterInput}>
            <option value="">{t("users.anyState")}</option>
            <option value="active">{t("users.active")}</option>
            <option value="suspended">{t("users.suspended")}</option>
          </select>
        </label>
      </FilterForm>
      {result.items.length === 0 ? (
        <EmptyState title={t("users.empty")} hint={t("users.emptyHint")} />
      ) : (
        <UsersTable users={result.items} selfId={self?.id ?? ""} />
      )}
      <CursorPagination
        label={t("pagination.label")}
        firstHref={query.cursor ? usersHref(query) : undefined}
        firstLabel={t("pagination.first")}
        nextHref={result.nextCursor ? usersHref(query, result.nextCursor) : undefined}
        nextLabel={t("pagination.more")}
      />
    </div>
  );
}
