// auth.changeEmail: a signed-in user asks to move their account to another address. Nothing
// changes yet: a one-time link goes to the new address, and the account takes it only when the
// link is opened (verify-email.ts) — so a mistyped address never takes the account's mail and
// password resets with it, and the new address is verified the moment it is in use.
//
// The answer never tells whether the address belongs to another account (issue 14): a taken
// address gets exactly the answer of a free one, and its owner gets a message instead of a link.
// Both paths check the password and spend the address's mail budget first, so neither the
// answer nor a refusal says anything about the address.
import { randomUUID } from "node:crypto";
import type { Db } from "@openticket/db";
import { verifyPassword } from "@openticket/db/password";
import { z } from "zod";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { text } from "../../input.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { emailAddress } from "./account-input.ts";
import { issueAccountToken } from "./issue-account-token.ts";
import { linkWithToken } from "./request-password-reset.ts";

export const changeEmailInput = z.object({
  email: emailAddress,
  /** The current password: a session left open on a shared computer cannot move the account. */
  password: text(128, { min: 1, trim: false }),
});

export async function changeEmail(
  db: Db,
  input: z.output<typeof changeEmailInput>,
  caller: Caller & Pick<Context, "settings" | "rateLimits">,
): Promise<{ status: "CHECK_INBOX" }> {
  // The same per-inbox budget as resends and reset requests, spent whoever owns the address.
  await caller.rateLimits?.spendAccountMailTo(input.email);
  const user = await db.user.findUniqueOrThrow({
    where: { id: caller.user.id },
    select: { id: true, email: true, locale: true, passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("BAD_REQUEST", "The password is not right.", {
      field: "password",
      reason: "WRONG_PASSWORD",
    });
  }
  if (input.email === user.email) {
    throw new AppError("BAD_REQUEST", "This is already your address.", {
      field: "email",
      reason: "SAME_EMAIL",
    });
  }
  const now = caller.now();
  const publicUrl = caller.settings.publicUrl;
  await db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, locale: true },
    });
    if (owner) {
      await queueMail(tx, {
        key: `email-change-attempt:${owner.id}:${randomUUID()}`,
        to: owner.email,
        userId: owner.id,
        locale: owner.locale === "zh-TW" ? "zh-TW" : "en",
        mail: {
          kind: "email-change-attempt",
          signInUrl: new URL("/sign-in", publicUrl).toString(),
        },
      });
      return;
    }
    const issued = await issueAccountToken(tx, {
      userId: user.id,
      email: input.email,
      purpose: "CHANGE_EMAIL",
      now,
    });
    await queueMail(tx, {
      key: `confirm-email-change:${issued.id}`,
      to: input.email,
      userId: user.id,
      locale: user.locale === "zh-TW" ? "zh-TW" : "en",
      mail: {
        kind: "confirm-email-change",
        newEmail: input.email,
        expiresAt: issued.expiresAt.toISOString(),
        secret: { url: linkWithToken(publicUrl, "/verify-email", issued.token) },
      },
    });
  });
  return { status: "CHECK_INBOX" };
}
