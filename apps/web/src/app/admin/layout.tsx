// The platform admin console: admins only.
import type { ReactNode } from "react";
import { requireRole } from "~/server/require-role";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole(["ADMIN"], "/admin");
  return children;
}
