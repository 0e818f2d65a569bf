// checkin.staff.*: the organizer invites door staff to one event by the e-mail address of their
// OpenTicket account, lists them, and removes them. A grant lets its holder scan that event's
// tickets in the check-in app, and nothing else (scanner-access.ts).
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { id } from "../../input.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { emailAddress } from "../auth/account-input.ts";
import { findOwnEvent } from "../organizer/ownership.ts";

export const listDoorStaffInput = z.object({ eventId: id });
export const inviteDoorStaffInput = z.object({ eventId: id, email: emailAddress });
export const removeDoorStaffInput = z.object({ eventId: id, userId: id });

export async function listDoorStaff(
  db: Db,
  input: z.output<typeof listDoorStaffInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const grants = await db.doorStaff.findMany({
    where: { eventId: input.eventId },
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      user: { select: { id: true, displayName: true, email: true } },
    },
  });
  return grants.map((grant) => ({ ...grant.user, invitedAt: grant.createdAt }));
}

export async function inviteDoorStaff(
  db: Db,
  input: z.output<typeof inviteDoorStaffInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  const user = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, suspendedAt: true },
  });
  if (!user || user.suspendedAt) {
    throw new AppError("NOT_FOUND", "No account has this e-mail address.", { field: "email" });
  }
  await db.$transaction(async (tx) => {
    const created = await tx.doorStaff.createMany({
      data: [{ eventId: input.eventId, userId: user.id, invitedById: caller.user.id }],
      skipDuplicates: true,
    });
    if (created.count === 0) {
      throw new AppError("CONFLICT", "This person is already door staff for this event.", {
        field: "email",
      });
    }
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.inviteDoorStaff",
      entityType: "event",
      entityId: input.eventId,
      after: { userId: user.id },
    });
  });
  return listDoorStaff(db, { eventId: input.eventId }, caller);
}

export async function removeDoorStaff(
  db: Db,
  input: z.output<typeof removeDoorStaffInput>,
  caller: Caller,
) {
  await findOwnEvent(db, caller.user, input.eventId, { id: true });
  await db.$transaction(async (tx) => {
    const removed = await tx.doorStaff.deleteMany({
      where: { eventId: input.eventId, userId: input.userId },
    });
    if (removed.count === 0) return;
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.removeDoorStaff",
      entityType: "event",
      entityId: input.eventId,
      before: { userId: input.userId },
    });
  });
  return listDoorStaff(db, { eventId: input.eventId }, caller);
}
