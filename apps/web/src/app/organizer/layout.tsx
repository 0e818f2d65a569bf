// The organizer console: organizers and admins.
import type { ReactNode } from "react";
import { requireRole } from "~/server/require-role";

export default async function OrganizerLayout({ children }: { children: ReactNode }) {
  await requireRole(["ORGANIZER", "ADMIN"], "/organizer");
  return children;
}
