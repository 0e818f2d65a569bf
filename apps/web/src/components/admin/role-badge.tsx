// A user's role, coloured so that admins and organizers stand out in a list.
import type { Role } from "@openticket/db/enums";

const STYLES: Record<Role, string> = {
  ATTENDEE: "bg-slate-100 text-slate-700",
  ORGANIZER: "bg-sky-100 text-sky-900",
  ADMIN: "bg-violet-100 text-violet-900",
};

export function RoleBadge({ role, label }: { role: Role; label: string }) {
  return (
    <span
      data-testid="user-role"
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[role]}`}
    >
      {label}
    </span>
  );
}
