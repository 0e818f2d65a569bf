-- Talking to buyers (issue 14): each user's language and whether their e-mail address is
-- verified, and the mail outbox — a message is recorded in the same transaction as the change
-- that causes it, and sent by the job queue (packages/api/src/services/mail).
ALTER TABLE "users"
  ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en',
  ADD COLUMN "email_verified_at" TIMESTAMPTZ(3),
  ADD CONSTRAINT "users_locale_known" CHECK ("locale" IN ('en', 'zh-TW'));

-- Accounts made before verification existed could already pay: they count as verified.
UPDATE "users" SET "email_verified_at" = "created_at";

CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "mail_outbox" (
  "id" UUID NOT NULL,
  "key" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "user_id" UUID,
  "to_address" TEXT NOT NULL,
  "locale" TEXT NOT NULL,
  "payload" JSONB NOT NULL,
  "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  "message_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sent_at" TIMESTAMPTZ(3),
  CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "mail_outbox_locale_known" CHECK ("locale" IN ('en', 'zh-TW')),
  -- A header-injection character in an address never reaches the sender.
  CONSTRAINT "mail_outbox_to_address_one_line" CHECK ("to_address" !~ '[\r\n]'),
  CONSTRAINT "mail_outbox_attempts_not_negative" CHECK ("attempts" >= 0)
);

-- One message per key: recording the same message twice (a retried request, a replayed
-- webhook) keeps the first.
CREATE UNIQUE INDEX "mail_outbox_key_key" ON "mail_outbox"("key");
CREATE INDEX "mail_outbox_status_created_at_idx" ON "mail_outbox"("status", "created_at");
CREATE INDEX "mail_outbox_user_id_idx" ON "mail_outbox"("user_id");

ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
