// auth.resetPassword: a reset link's token and a new password. In one transaction: the token is
// spent (once — the database decides), the password replaced, the user's other reset links
// voided, and sessionVersion bumped, which signs out every session issued before (the session
// cache hears of it through the users trigger). Any refusal rolls all of it back: a bad
// password leaves the link usable, a bad link changes nothing.
import type { Db } from "@openticket/db";
import { hashPassword } from "@openticket/db/password";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { linkToken, newPassword, passwordProblem } from "./account-input.ts";
import { useAccountToken } from "./use-account-token.ts";

export const resetPasswordInput = z.object({ token: linkToken, password: newPassword });

export async function resetPassword(
  db: Db,
  input: z.output<typeof resetPasswordInput>,
  caller: Pick<Context, "now">,
): Promise<{ username: string }> {
  const now = caller.now();
  // argon2 before the transaction: its ~100 ms must not hold the token's row lock.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const spent = await useAccountToken(tx, input.token, "PASSWORD_RESET", now);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: spent.userId },
      select: { username: true, email: true },
    });
    // A link sent to an address the account has since left is not the account's any more.
    if (user.email !== spent.email) {
      throw new AppError("BAD_REQUEST", "This link is for an address the account no longer has.", {
        reason: "TOKEN_INVALID",
      });
    }
    const problem = passwordProblem(input.password, user);
    if (problem) throw new AppError("BAD_REQUEST", problem, { field: "password" });
    await tx.user.update({
      where: { id: spent.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    // Other reset links, and any address change asked for (perhaps by whoever knew the old
    // password): a reset takes the account back.
    await tx.accountToken.updateMany({
      where: {
        userId: spent.userId,
        purpose: { in: ["PASSWORD_RESET", "CHANGE_EMAIL"] },
        usedAt: null,
      },
      data: { usedAt: now },
    });
    return { username: user.username };
  });
}
