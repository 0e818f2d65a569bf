// The organizer console: organizers and admins. Every page shares the sub-navigation.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { requireRole } from "~/server/require-role";

export default async function OrganizerLayout({ children }: { children: ReactNode }) {
  await requireRole(["ORGANIZER", "ADMIN"], "/organizer");
  const t = await getTranslations("organizer");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          {t("console")}
        </p>
        <ConsoleNav
          label={t("nav.label")}
          links={[
            { href: "/organizer", label: t("nav.events"), exact: true },
            { href: "/organizer/venues", label: t("nav.venues") },
            { href: "/organizer/analytics", label: t("nav.analytics") },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
