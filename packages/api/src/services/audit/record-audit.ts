// The audit log: who changed what, when, before -> after. Call it inside the transaction that
// makes the change, so that the record and the change commit (or roll back) together.
import type { Db, Prisma, Tx } from "@openticket/db";

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
  await db.auditLog.create({ data: entry });
}
