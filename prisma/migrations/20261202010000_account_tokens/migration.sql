-- One-time links for password reset and e-mail verification (issue 14). Only the sha256 of a
-- token is stored: a copy of the table opens no account. A token is used at most once, decided
-- by the database: services/auth/use-account-token.ts marks it with one
-- UPDATE … WHERE used_at IS NULL AND expires_at > now RETURNING, so two clicks race for one row.
CREATE TYPE "AccountTokenPurpose" AS ENUM ('PASSWORD_RESET', 'VERIFY_EMAIL');

CREATE TABLE "account_tokens" (
  "id" UUID NOT NULL,
  "token_hash" TEXT NOT NULL,
  "purpose" "AccountTokenPurpose" NOT NULL,
  "user_id" UUID NOT NULL,
  -- The address the token was sent to: a verification proves this address, not whatever the
  -- account's address is by the time the link is opened.
  "email" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");
CREATE INDEX "account_tokens_user_id_purpose_idx" ON "account_tokens"("user_id", "purpose");

ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
