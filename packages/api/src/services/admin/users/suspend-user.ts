// admin.users.suspend: the user can no longer sign in, and every session of theirs ends at its
// next request (sessionVersion, and resolveSessionUser refuses suspended users), so they cannot
// buy either. What they already bought stays theirs: tickets are not touched. The schema has no
// column for the reason, so it lives in the "user.suspend" audit entry. Suspending a suspended
// user changes nothing.
import { type Db, runSerializable } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { id, text } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { loadManagedUser, managedUserSelect } from "./managed-user.ts";

export const suspendUserInput = z.object({
  userId: id,
  reason: text(500).optional(),
});

export async function suspendUser(
  db: Db,
  input: z.output<typeof suspendUserInput>,
  caller: Caller,
) {
  const now = caller.now();
  return runSerializable(db, async (tx) => {
    const user = await loadManagedUser(tx, {
      actorId: caller.user.id,
      userId: input.userId,
      refusedForSelf: "You cannot suspend yourself.",
    });
    if (user.suspendedAt) return user;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { suspendedAt: now, sessionVersion: { increment: 1 } },
      select: managedUserSelect,
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "user.suspend",
      entityType: "user",
      entityId: user.id,
      before: { suspendedAt: null },
      after: { suspendedAt: now.toISOString(), reason: input.reason || null },
    });
    return updated;
  });
}
