// admin.mail.outbox: the mail outbox, newest first, filterable by status, with cursor
// pagination — what was sent, what is waiting, and what failed and why.
import type { Db } from "@openticket/db";
import { z } from "zod";
import { id, pageSize } from "../../../input.ts";

export const MAIL_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;

export const listOutboxInput = z
  .object({
    status: z.enum(MAIL_STATUSES).optional(),
    cursor: id.optional(),
    limit: pageSize(100, 25),
  })
  .prefault({});

export async function listOutbox(db: Db, input: z.output<typeof listOutboxInput>) {
  const rows = await db.mailOutbox.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    // Never the payload: a reset link's secret lives there until the message is sent.
    select: {
      id: true,
      kind: true,
      toAddress: true,
      locale: true,
      status: true,
      attempts: true,
      lastError: true,
      messageId: true,
      createdAt: true,
      sentAt: true,
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
