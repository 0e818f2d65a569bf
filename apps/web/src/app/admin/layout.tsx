// The platform admin console: admins only.
import type { ReactNode } from "react";
import { ConsoleLayout } from "~/components/console-layout";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <ConsoleLayout
      roles={["ADMIN"]}
      namespace="admin"
      home="/admin"
      tabs={[
        { href: "/admin", name: "events" },
        { href: "/admin/sales", name: "sales" },
        { href: "/admin/users", name: "users" },
        { href: "/admin/audit", name: "audit" },
        { href: "/admin/mail", name: "mail" },
      ]}
    >
      {children}
    </ConsoleLayout>
  );
}
