// auth.resendVerification: a new verification link for the signed-in user's address. Earlier
// links keep working until they expire (the user may open any of them).
import type { Db } from "@openticket/db";
import type { Caller, Context } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { queueVerification } from "./queue-verification.ts";

export async function resendVerification(
  db: Db,
  caller: Caller & Pick<Context, "settings" | "rateLimits">,
): Promise<{ status: "CHECK_INBOX" }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: caller.user.id },
    select: { id: true, email: true, locale: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) {
    throw new AppError("BAD_REQUEST", "Your e-mail address is already verified.", {
      reason: "ALREADY_VERIFIED",
    });
  }
  // The same per-address budget as reset requests: an inbox gets at most so many an hour.
  await caller.rateLimits?.spendAccountMailTo(user.email);
  const now = caller.now();
  await db.$transaction((tx) =>
    queueVerification(tx, user, { now, publicUrl: caller.settings.publicUrl }),
  );
  return { status: "CHECK_INBOX" };
}
