// auth.checkResetLink: whether a reset link can still be used, without using it — so the reset
// page says at once that a link is forged, used or expired, instead of after the person typed a
// new password. Reads only; auth.resetPassword still decides (the link may be used meanwhile).
import type { AccountTokenPurpose, Db } from "@openticket/db";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { linkToken } from "./account-input.ts";
import { hashToken } from "./issue-account-token.ts";

export const checkResetLinkInput = z.object({ token: linkToken });

export type LinkState = "USABLE" | "TOKEN_INVALID" | "TOKEN_USED" | "TOKEN_EXPIRED";

export async function checkAccountToken(
  db: Db,
  token: string,
  purpose: AccountTokenPurpose,
  caller: Pick<Context, "now">,
): Promise<{ state: LinkState }> {
  const found = await db.accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose },
    select: { usedAt: true, expiresAt: true },
  });
  if (!found) return { state: "TOKEN_INVALID" };
  if (found.usedAt) return { state: "TOKEN_USED" };
  if (found.expiresAt <= caller.now()) return { state: "TOKEN_EXPIRED" };
  return { state: "USABLE" };
}
