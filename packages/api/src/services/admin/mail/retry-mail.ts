// admin.mail.retry: a FAILED message queued again, with a fresh set of tries (the database
// queues its send-mail job as the status moves FAILED → QUEUED). Only FAILED moves (guarded in
// the UPDATE), so retrying twice, or a message that was sent meanwhile, queues once.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";

export const retryMailInput = z.object({ mailId: id });

export async function retryMail(db: Db, input: z.output<typeof retryMailInput>, caller: Caller) {
  return db.$transaction(async (tx) => {
    // The database queues the send-mail job again as the status moves back to QUEUED.
    const retried = await tx.mailOutbox.updateMany({
      where: { id: input.mailId, status: "FAILED" },
      data: { status: "QUEUED", lastError: null },
    });
    if (retried.count === 0) {
      const exists = await tx.mailOutbox.findUnique({
        where: { id: input.mailId },
        select: { status: true },
      });
      if (!exists) throw new AppError("NOT_FOUND", "This message does not exist.");
      throw new AppError("BAD_REQUEST", "Only a failed message can be retried.", {
        status: exists.status,
      });
    }
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "mail.retry",
      entityType: "mail",
      entityId: input.mailId,
      before: { status: "FAILED" },
      after: { status: "QUEUED" },
    });
    return { mailId: input.mailId, status: "QUEUED" as const };
  });
}
