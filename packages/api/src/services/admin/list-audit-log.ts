// admin.audit: the audit log, newest first, with each actor's name and username and each
// entity's name (what a person reads instead of ids); filterable by actor, action, entity and
// time, with cursor pagination.
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
      actor: { select: { id: true, username: true, displayName: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const names = await entityNames(db, page);
  return {
    items: page.map((entry) => ({
      ...entry,
      /** The entity's name now (a deleted one is null; its `before` may still name it). */
      entityName: names.get(`${entry.entityType}:${entry.entityId}`) ?? null,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Names of the page's entities, one query per entity type: "user:<id>" -> "Name (@username)". */
async function entityNames(db: Db, entries: { entityType: string; entityId: string }[]) {
  const idsOf = (type: string) => [
    ...new Set(
      entries
        .filter((entry) => entry.entityType === type && UUID.test(entry.entityId))
        .map((entry) => entry.entityId),
    ),
  ];
  const [users, events, venues, orders] = await Promise.all([
    db.user.findMany({
      where: { id: { in: idsOf("user") } },
      select: { id: true, username: true, displayName: true },
    }),
    db.event.findMany({ where: { id: { in: idsOf("event") } }, select: { id: true, title: true } }),
    db.venue.findMany({ where: { id: { in: idsOf("venue") } }, select: { id: true, name: true } }),
    db.order.findMany({
      where: { id: { in: idsOf("order") } },
      select: { id: true, event: { select: { title: true } } },
    }),
  ]);
  return new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, `${u.displayName} (@${u.username})`] as const),
    ...events.map((e) => [`event:${e.id}`, e.title] as const),
    ...venues.map((v) => [`venue:${v.id}`, v.name] as const),
    ...orders.map((o) => [`order:${o.id}`, o.event.title] as const),
  ]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
