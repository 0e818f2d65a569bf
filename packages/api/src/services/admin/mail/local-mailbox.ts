// admin.mail.mailbox / admin.mail.message: the local mailbox (transport.ts), where mail goes
// when no SMTP_URL is set. The list carries no bodies; one message carries its HTML, text and
// attachments (base64), for the admin page to show in a sandboxed frame and offer as downloads.
import type { Db } from "@openticket/db";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { id, pageSize } from "../../../input.ts";

export const listLocalMailboxInput = z
  .object({ cursor: id.optional(), limit: pageSize(100, 25) })
  .prefault({});

export async function listLocalMailbox(db: Db, input: z.output<typeof listLocalMailboxInput>) {
  const rows = await db.localMailbox.findMany({
    orderBy: [{ deliveredAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: { id: true, toAddress: true, subject: true, deliveredAt: true, attachments: true },
  });
  const page = rows.slice(0, input.limit).map(({ attachments, ...row }) => ({
    ...row,
    attachmentCount: Array.isArray(attachments) ? attachments.length : 0,
  }));
  return {
    items: page,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export const getLocalMailInput = z.object({ messageId: id });

type StoredAttachment = {
  filename: string;
  contentType: string;
  cid?: string;
  size: number;
  base64: string;
};

export async function getLocalMail(db: Db, input: z.output<typeof getLocalMailInput>) {
  const mail = await db.localMailbox.findUnique({ where: { id: input.messageId } });
  if (!mail) throw new AppError("NOT_FOUND", "This message does not exist.");
  const attachments = (mail.attachments ?? []) as StoredAttachment[];
  return {
    id: mail.id,
    messageId: mail.messageId,
    from: mail.fromAddress,
    to: mail.toAddress,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    deliveredAt: mail.deliveredAt,
    attachments: attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      cid: attachment.cid ?? null,
      size: attachment.size,
      base64: attachment.base64,
    })),
  };
}
