// auth.verifyEmail: the link from a verification message proves its reader owns the address it
// was sent to. Works signed out too: the link may be opened on a phone.
//
// Two kinds of link land here (both mails point at /verify-email):
// - VERIFY_EMAIL (sign-up, resend): verifies the account's address — if that is still the
//   account's address (a link for an address since replaced proves nothing about the new one).
// - CHANGE_EMAIL (auth.changeEmail): the account takes the new address, verified; its other
//   change links are voided, every session signs out (sessionVersion, as a password reset does:
//   the account's sign-in name changed), and the old address is told where the account went.
import type { Db, Tx } from "@openticket/db";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError, uniqueViolationFields } from "../../errors.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { linkToken } from "./account-input.ts";
import { hashToken } from "./issue-account-token.ts";
import { type SpentToken, useAccountToken } from "./use-account-token.ts";

export const verifyEmailInput = z.object({ token: linkToken });

export type VerifiedEmail = { email: string; changed: boolean };

export async function verifyEmail(
  db: Db,
  input: z.output<typeof verifyEmailInput>,
  caller: Pick<Context, "now">,
): Promise<VerifiedEmail> {
  const now = caller.now();
  // Which kind of link it is; an unknown token is refused by useAccountToken as forged.
  const found = await db.accountToken.findFirst({
    where: { tokenHash: hashToken(input.token), purpose: { in: ["VERIFY_EMAIL", "CHANGE_EMAIL"] } },
    select: { purpose: true },
  });
  const purpose = found?.purpose ?? "VERIFY_EMAIL";
  try {
    return await db.$transaction(async (tx) => {
      const spent = await useAccountToken(tx, input.token, purpose, now);
      if (purpose === "CHANGE_EMAIL") return takeNewAddress(tx, spent, now);
      const verified = await tx.user.updateMany({
        where: { id: spent.userId, email: spent.email },
        data: { emailVerifiedAt: now },
      });
      if (verified.count === 0) throw noLongerTheAddress();
      return { email: spent.email, changed: false };
    });
  } catch (error) {
    // Another account took the address after the link was sent. Only the reader of that inbox
    // holds the link, so saying so tells nobody anything new. Nothing changed (rolled back).
    // The address is the only unique column this writes (the driver may not name the column).
    if (uniqueViolationFields(error)) {
      throw new AppError("CONFLICT", "Another account uses this address now.", {
        reason: "EMAIL_TAKEN",
      });
    }
    throw error;
  }
}

async function takeNewAddress(tx: Tx, spent: SpentToken, now: Date): Promise<VerifiedEmail> {
  // FOR UPDATE: the old address read here is the one replaced, even if two links race.
  const [user] = await tx.$queryRaw<{ email: string; locale: string }[]>`
    SELECT email, locale FROM users WHERE id = ${spent.userId}::uuid FOR UPDATE`;
  if (!user) throw noLongerTheAddress();
  await tx.user.update({
    where: { id: spent.userId },
    data: { email: spent.email, emailVerifiedAt: now, sessionVersion: { increment: 1 } },
  });
  // Every link sent before the move is void: other changes, and reset or verification links in
  // the old inbox, which may no longer be the owner's.
  await tx.accountToken.updateMany({
    where: {
      userId: spent.userId,
      purpose: { in: ["CHANGE_EMAIL", "PASSWORD_RESET", "VERIFY_EMAIL"] },
      usedAt: null,
    },
    data: { usedAt: now },
  });
  if (user.email !== spent.email) {
    await queueMail(tx, {
      key: `email-changed:${spent.id}`,
      to: user.email,
      userId: spent.userId,
      locale: user.locale === "zh-TW" ? "zh-TW" : "en",
      mail: { kind: "email-changed", newEmail: spent.email, changedAt: now.toISOString() },
    });
  }
  return { email: spent.email, changed: true };
}

function noLongerTheAddress() {
  return new AppError("BAD_REQUEST", "This link is for an address the account no longer has.", {
    reason: "TOKEN_INVALID",
  });
}
