// The users an admin searched for: who they are, their role and whether they may sign in, with
// the controls to change that — except on the admin's own row, which no admin may change.
import type { RouterOutputs } from "@openticket/api";
import { getFormatter, getTranslations } from "next-intl/server";
import { StackedCell, StackedRow, StackedTable } from "~/components/ui/stacked-table";
import { RoleBadge } from "./role-badge";
import { UserAccountControls } from "./user-account-controls";

type ManagedUser = RouterOutputs["admin"]["users"]["search"]["items"][number];

export async function UsersTable({ users, selfId }: { users: ManagedUser[]; selfId: string }) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const column = (key: string) => t(`columns.${key}`);
  return (
    <StackedTable
      label={t("table")}
      testId="admin-users"
      columns={[
        { label: column("user") },
        { label: column("email") },
        { label: column("role") },
        { label: column("status") },
        { label: column("actions") },
      ]}
    >
      {users.map((user) => (
        <StackedRow key={user.id} testId={`user-row-${user.username}`}>
          <StackedCell>
            <span className="font-semibold">{user.username}</span>
            {user.id === selfId && (
              <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                {t("you")}
              </span>
            )}
            <span className="block text-xs text-slate-500">{user.displayName}</span>
          </StackedCell>
          <StackedCell label={column("email")} className="break-all sm:break-normal">
            {user.email}
          </StackedCell>
          <StackedCell label={column("role")}>
            <RoleBadge role={user.role} label={tRoles(user.role)} />
          </StackedCell>
          <StackedCell label={column("status")}>
            {user.suspendedAt ? (
              <span data-testid="user-status" className="text-red-800">
                <span className="font-medium">{t("suspended")}</span>
                <span className="block text-xs">
                  {t("since", {
                    date: format.dateTime(user.suspendedAt, {
                      dateStyle: "medium",
                      timeZone: "Asia/Taipei",
                    }),
                  })}
                </span>
              </span>
            ) : (
              <span data-testid="user-status" className="font-medium text-emerald-800">
                {t("active")}
              </span>
            )}
          </StackedCell>
          <StackedCell label={column("actions")} className="sm:min-w-72">
            {user.id === selfId ? (
              <span className="text-sm text-slate-600">{t("selfNote")}</span>
            ) : (
              <UserAccountControls
                user={{
                  id: user.id,
                  username: user.username,
                  role: user.role,
                  suspended: user.suspendedAt !== null,
                }}
              />
            )}
          </StackedCell>
        </StackedRow>
      ))}
    </StackedTable>
  );
}
