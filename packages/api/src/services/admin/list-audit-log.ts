// admin.audit: the audit log, newest first, with each actor's username; filterable by actor,
// action, entity and time, with cursor pagination.
import type { Db, Prisma } from "@openticket/db";
import { z } from "zod";

export const listAuditLogInput = z
  .object({
    actorId: z.uuid().optional(),
    /** Exact, e.g. "user.role". */
    action: z.string().trim().min(1).max(100).optional(),
    entityType: z.string().trim().min(1).max(50).optional(),
    entityId: z.string().trim().min(1).max(100).optional(),
    /** Entries made at or after this instant. */
    from: z.coerce.date().optional(),
    /** Entries made before this instant. */
    to: z.coerce.date().optional(),
    cursor: z.uuid().optional(),
    limit: z.number().int().min(1).max(100).default(50),
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
