// The frame of the admin and organizer consoles: only the given roles get in (signed-out
// visitors are sent to sign in and come back to the console's home), and every page sits under
// the console's name and its tabs.
import type { Role } from "@openticket/db";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { requireRole } from "~/server/require-role";

export async function ConsoleLayout({
  roles,
  namespace,
  home,
  tabs,
  children,
}: {
  roles: Role[];
  /** The console's messages: its name under `console`, the tabs under `nav`. */
  namespace: "admin" | "organizer";
  home: string;
  /** Each tab's path and its message under `nav`. The home tab is current on its own path only. */
  tabs: { href: string; name: string }[];
  children: ReactNode;
}) {
  await requireRole(roles, home);
  const t = await getTranslations(namespace);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          {t("console")}
        </p>
        <ConsoleNav
          label={t("nav.label")}
          links={tabs.map((tab) => ({
            href: tab.href,
            label: t(`nav.${tab.name}`),
            exact: tab.href === home,
          }))}
        />
      </div>
      {children}
    </div>
  );
}
