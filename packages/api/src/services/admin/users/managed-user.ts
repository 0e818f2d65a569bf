// The users an admin manages, and the guard every change to one goes through: never oneself
// (an admin who demotes or suspends themself could lock the platform out of its console), and
// only while the actor still is an admin. The actor's row is read again inside the caller's
// SERIALIZABLE transaction, so two admins demoting each other at once cannot both succeed: one
// of them is retried, finds itself demoted and is refused.
import type { Prisma, Tx } from "@openticket/db";
import { AppError } from "../../../errors.ts";

/** What the console shows of a user; never the password hash. */
export const managedUserSelect = {
  id: true,
  username: true,
  email: true,
  displayName: true,
  phone: true,
  role: true,
  suspendedAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export async function loadManagedUser(
  tx: Tx,
  options: {
    actorId: string;
    userId: string;
    /** The refusal when the admin targets themself. */
    refusedForSelf: string;
  },
) {
  if (options.actorId === options.userId) {
    throw new AppError("FORBIDDEN", options.refusedForSelf, {
      reason: "SELF",
    });
  }
  const actor = await tx.user.findUnique({
    where: { id: options.actorId },
    select: { role: true, suspendedAt: true },
  });
  if (actor?.role !== "ADMIN" || actor.suspendedAt) {
    throw new AppError("FORBIDDEN", "Platform admins only.");
  }
  const user = await tx.user.findUnique({
    where: { id: options.userId },
    select: managedUserSelect,
  });
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  return user;
}
