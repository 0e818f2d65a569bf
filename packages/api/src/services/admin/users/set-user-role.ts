// admin.users.setRole: makes a user an attendee, organizer or admin. The change ends every
// session of theirs (sessionVersion), so the new role applies from their next request, and it is
// audited as "user.role" with the role before and after. Setting the role a user already has
// changes nothing.
import { type Db, Role, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { loadManagedUser, managedUserSelect } from "./managed-user.ts";

export const setUserRoleInput = z.object({ userId: id, role: z.enum(Role) });

export async function setUserRole(
  db: Db,
  input: z.output<typeof setUserRoleInput>,
  caller: Caller,
) {
  return runSerializable(db, async (tx) => {
    const user = await loadManagedUser(tx, {
      actorId: caller.user.id,
      userId: input.userId,
      refusedForSelf: "You cannot change your own role.",
    });
    if (user.role === input.role) return user;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role: input.role, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "user.role",
      entityType: "user",
      entityId: user.id,
      before: { role: user.role },
      after: { role: updated.role },
    });
    return updated;
  });
}
