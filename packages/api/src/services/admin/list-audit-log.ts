// admin.audit: the audit log, newest first, with each actor's username; filterable by actor,
// action, entity and time, with cursor pagination.
import type { Db, Prisma } from "@openticket/db";
import { z } from "zod";
import { dateTime, id, name, pageSize } from "../../input.ts";

export const listAuditLogInput = z
  .object({
    actorId: id.optional(),
    /** Exact, e.g. "user.role". */
    action: name(100).optional(),
    entityType: name(50).optional(),
    entityId: name(100).optional(),
    /** Entries made at or after this instant. */
    from: dateTime.optional(),
    /** Entries made before this instant. */
    to: dateTime.optional(),
    cursor: id.optional(),
    limit: pageSize(100, 50),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    path: ["to"],
    message: "The end of the date range must be after its start.",
  })
  .prefault({});

export async function listAuditLog(db: Db, input: z.output<typeof listAuditLogInput>) {
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actorId && { actorId: input.actorId }),
    ...(input.action && { action: input.action }),
    ...(input.entityType && { entityType: input.entityType }),
    ...(input.entityId && { entityId: input.entityId }),
    ...((input.from || input.to) && {
      createdAt: {
        ...(input.from && { gte: input.from }),
        ...(input.to && { lt: input.to }),
      },
    }),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { id: true, username: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
