// Users: find people by name, e-mail, role or suspension (in the URL), change their role, suspend
// or unsuspend them. Paged by cursor, A→Z by username, as the api pages them.
import { getTranslations } from "next-intl/server";
import { UsersTable } from "~/components/admin/users-table";
import { CursorPagination } from "~/components/ui/cursor-pagination";
import { EmptyState } from "~/components/ui/empty-state";
import { FilterForm, FilterSelect, FilterText } from "~/components/ui/filter-form";
import { getSessionUser } from "~/server/auth";
import { getServerApi } from "~/trpc/server";
import {
  ACCOUNT_STATES,
  ROLES,
  toUsersInput,
  usersHref,
  usersQueryFromUrl,
} from "~/url/admin-users-query";
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
        <FilterText
          label={t("users.search")}
          name="q"
          type="search"
          value={query.q}
          placeholder={t("users.searchPlaceholder")}
          maxLength={100}
          className="lg:col-span-2"
        />
        <FilterSelect
          label={t("users.role")}
          name="role"
          value={query.role}
          any={t("users.anyRole")}
          options={ROLES.map((role) => ({ value: role, label: tRoles(role) }))}
        />
        <FilterSelect
          label={t("users.state")}
          name="state"
          value={query.state}
          any={t("users.anyState")}
          options={ACCOUNT_STATES.map((state) => ({ value: state, label: t(`users.${state}`) }))}
        />
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
