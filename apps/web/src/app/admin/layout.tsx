// The platform admin console: admins only. Every page shares the sub-navigation.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { requireRole } from "~/server/require-role";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole(["ADMIN"], "/admin");
  const t = await getTranslations("admin");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          {t("console")}
        </p>
        <ConsoleNav
          label={t("nav.label")}
          links={[
            { href: "/admin", label: t("nav.events"), exact: true },
            { href: "/admin/sales", label: t("nav.sales") },
            { href: "/admin/users", label: t("nav.users") },
            { href: "/admin/audit", label: t("nav.audit") },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
