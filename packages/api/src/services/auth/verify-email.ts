// auth.verifyEmail: the link from a verification message proves its reader owns the address it
// was sent to — if that is still the account's address (a link for an address since replaced
// proves nothing about the new one). Works signed out too: the link may be opened on a phone.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { linkToken } from "./account-input.ts";
import { useAccountToken } from "./use-account-token.ts";

export const verifyEmailInput = z.object({ token: linkToken });

export async function verifyEmail(
  db: Db,
  input: z.output<typeof verifyEmailInput>,
  caller: Pick<Context, "now">,
): Promise<{ email: string }> {
  const now = caller.now();
  return db.$transaction(async (tx) => {
    const spent = await useAccountToken(tx, input.token, "VERIFY_EMAIL", now);
    const verified = await tx.user.updateMany({
      where: { id: spent.userId, email: spent.email },
      data: { emailVerifiedAt: now },
    });
    if (verified.count === 0) {
      throw new AppError("BAD_REQUEST", "This link is for an address the account no longer has.", {
        reason: "TOKEN_INVALID",
      });
    }
    return { email: spent.email };
  });
}
