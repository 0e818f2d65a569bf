// admin.users.unsuspend: the user may sign in again. Sessions from before the suspension stay
// dead (sessionVersion is bumped again): they sign in afresh. Audited as "user.unsuspend";
// unsuspending a user who is not suspended changes nothing.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { loadManagedUser, managedUserSelect } from "./managed-user.ts";

export const unsuspendUserInput = z.object({ userId: id });

export async function unsuspendUser(
  db: Db,
  input: z.output<typeof unsuspendUserInput>,
  caller: Caller,
) {
  return runSerializable(db, async (tx) => {
    const user = await loadManagedUser(tx, {
      actorId: caller.user.id,
      userId: input.userId,
      refusedForSelf: "You cannot unsuspend yourself.",
    });
    if (!user.suspendedAt) return user;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { suspendedAt: null, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "user.unsuspend",
      entityType: "user",
      entityId: user.id,
      before: { suspendedAt: user.suspendedAt.toISOString() },
      after: { suspendedAt: null },
    });
    return updated;
  });
}
