// A one-time link for a user: 32 random bytes go into the link, only their sha256 into
// account_tokens, so whoever reads the table (a backup, a leaked dump) cannot use them.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AccountTokenPurpose, Db, Tx } from "@openticket/db";

/** How long a link works: a reset must be used soon; a verification may wait for the weekend. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: 30 * 60_000,
  VERIFY_EMAIL: 48 * 3600_000,
  CHANGE_EMAIL: 24 * 3600_000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh token and its hash, before anything is stored (so unknown accounts cost the same). */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export async function issueAccountToken(
  tx: Tx | Db,
  input: {
    userId: string;
    email: string;
    purpose: AccountTokenPurpose;
    now: Date;
    token?: ReturnType<typeof newToken>;
  },
) {
  const { token, tokenHash } = input.token ?? newToken();
  const expiresAt = new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  const row = await tx.accountToken.create({
    data: {
      id: randomUUID(),
      tokenHash,
      purpose: input.purpose,
      userId: input.userId,
      email: input.email,
      expiresAt,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}
