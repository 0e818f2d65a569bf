// The audit log: who changed what, when, before -> after. Call it inside the transaction that
// makes the change, so that the record and the change commit (or roll back) together.
import type { Db, Prisma, Tx } from "@openticket/db";
import { storableText } from "../../input.ts";

export type AuditEntry = {
  actorId: string | null;
  /** What happened, as `<entity>.<verb>`: "event.publish", "seat.block", "user.role". */
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

export async function recordAudit(db: Db | Tx, entry: AuditEntry) {
  await db.auditLog.create({ data: storable(entry) });
}

// Typed input is refused earlier (../../input.ts), but an entry may also carry text from a
// payment provider or an old row. PostgreSQL's jsonb refuses a lone surrogate and NUL, which
// would roll back the change being recorded; a replacement character keeps the record and
// the change.
function storable<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [storableText(key), storable(inner)]),
    ) as T;
  }
  return value;
}
