// Spends a one-time link. The database decides: one guarded UPDATE marks the token used only if
// it is unused and unexpired, so of two clicks at once exactly one gets the row. A refusal says
// which of forged, used or expired it was — only to whoever holds the token, so nothing leaks.
import type { AccountTokenPurpose, Tx } from "@openticket/db";
import { AppError } from "../../errors.ts";
import { hashToken } from "./issue-account-token.ts";

export type SpentToken = { id: string; userId: string; email: string };

export async function useAccountToken(
  tx: Tx,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<SpentToken> {
  const tokenHash = hashToken(token);
  // The account's row first, then the token's: every use of a link locks in that order, so two
  // links of one account used at once (each voiding the other's kind) wait instead of deadlocking.
  await tx.$queryRaw`
    SELECT 1 FROM users
     WHERE id = (SELECT user_id FROM account_tokens WHERE token_hash = ${tokenHash})
       FOR UPDATE`;
  const [spent] = await tx.$queryRaw<SpentToken[]>`
    UPDATE account_tokens SET used_at = ${now}
     WHERE token_hash = ${tokenHash} AND purpose = ${purpose}::"AccountTokenPurpose"
       AND used_at IS NULL AND expires_at > ${now}
    RETURNING id::text, user_id::text AS "userId", email`;
  if (spent) return spent;
  const found = await tx.accountToken.findFirst({
    where: { tokenHash, purpose },
    select: { usedAt: true },
  });
  if (!found) {
    throw new AppError("BAD_REQUEST", "This link is not valid.", { reason: "TOKEN_INVALID" });
  }
  if (found.usedAt) {
    throw new AppError("BAD_REQUEST", "This link was already used.", { reason: "TOKEN_USED" });
  }
  throw new AppError("BAD_REQUEST", "This link has expired.", { reason: "TOKEN_EXPIRED" });
}
