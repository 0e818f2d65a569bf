// The organizer console: organizers and admins.
import type { ReactNode } from "react";
import { ConsoleLayout } from "~/components/console-layout";

export default function OrganizerLayout({ children }: { children: ReactNode }) {
  return (
    <ConsoleLayout
      roles={["ORGANIZER", "ADMIN"]}
      namespace="organizer"
      home="/organizer"
      tabs={[
        { href: "/organizer", name: "events" },
        { href: "/organizer/venues", name: "venues" },
        { href: "/organizer/analytics", name: "analytics" },
      ]}
    >
      {children}
    </ConsoleLayout>
  );
}
