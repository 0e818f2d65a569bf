// auth.requestPasswordReset: mails a one-time reset link to the account with this address.
// The answer is the same whether or not there is one (same shape, and the same work up to the
// rows written: the token is made and the per-address limit spent either way), so the form
// cannot be used to find out who has an account.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { emailAddress } from "./account-input.ts";
import { issueAccountToken, newToken } from "./issue-account-token.ts";

export const requestPasswordResetInput = z.object({ email: emailAddress });

export type AccountMailSent = { status: "CHECK_INBOX" };

export async function requestPasswordReset(
  db: Db,
  input: z.output<typeof requestPasswordResetInput>,
  caller: Pick<Context, "now" | "settings" | "rateLimits">,
): Promise<AccountMailSent> {
  await caller.rateLimits?.spendAccountMailTo(input.email);
  const now = caller.now();
  const token = newToken();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, locale: true },
    });
    if (!user) return;
    const issued = await issueAccountToken(tx, {
      userId: user.id,
      email: user.email,
      purpose: "PASSWORD_RESET",
      now,
      token,
    });
    await queueMail(tx, {
      key: `password-reset:${issued.id}`,
      to: user.email,
      userId: user.id,
      locale: user.locale === "zh-TW" ? "zh-TW" : "en",
      mail: {
        kind: "password-reset",
        expiresAt: issued.expiresAt.toISOString(),
        secret: { url: linkWithToken(caller.settings.publicUrl, "/reset-password", issued.token) },
      },
    });
  });
  return { status: "CHECK_INBOX" };
}

/** `${publicUrl}${path}?token=…`; the token is base64url, so it needs no escaping. */
export function linkWithToken(publicUrl: string, path: string, token: string): string {
  const url = new URL(path, publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}
