// The verification message for a user's current address: a 48-hour link, recorded in the
// caller's transaction (sign-up, a resend), so the message exists exactly when the change does.
import type { Tx } from "@openticket/db";
import { queueMail } from "../mail/queue-mail.ts";
import { issueAccountToken } from "./issue-account-token.ts";
import { linkWithToken } from "./request-password-reset.ts";

export async function queueVerification(
  tx: Tx,
  user: { id: string; email: string; locale: string },
  context: { now: Date; publicUrl: string },
) {
  const issued = await issueAccountToken(tx, {
    userId: user.id,
    email: user.email,
    purpose: "VERIFY_EMAIL",
    now: context.now,
  });
  await queueMail(tx, {
    key: `verify-email:${issued.id}`,
    to: user.email,
    userId: user.id,
    locale: user.locale === "zh-TW" ? "zh-TW" : "en",
    mail: {
      kind: "verify-email",
      expiresAt: issued.expiresAt.toISOString(),
      secret: { url: linkWithToken(context.publicUrl, "/verify-email", issued.token) },
    },
  });
}
