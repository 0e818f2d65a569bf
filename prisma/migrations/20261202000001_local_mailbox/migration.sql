-- The local mailbox (issue 14): with no SMTP_URL, the sender delivers here instead of to an SMTP
-- server, and an admin reads the messages at /admin/mail. One row per Message-ID: delivering
-- the same message again (a sender that died before marking it SENT) keeps the first.
CREATE TABLE "local_mailbox" (
  "id" UUID NOT NULL,
  "message_id" TEXT NOT NULL,
  "outbox_id" UUID,
  "from_address" TEXT NOT NULL,
  "to_address" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "html" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  -- [{ filename, contentType, cid?, size, base64 }]
  "attachments" JSONB NOT NULL DEFAULT '[]',
  "delivered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "local_mailbox_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "local_mailbox_message_id_key" ON "local_mailbox"("message_id");
CREATE INDEX "local_mailbox_delivered_at_idx" ON "local_mailbox"("delivered_at");

ALTER TABLE "local_mailbox" ADD CONSTRAINT "local_mailbox_outbox_id_fkey"
  FOREIGN KEY ("outbox_id") REFERENCES "mail_outbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;
