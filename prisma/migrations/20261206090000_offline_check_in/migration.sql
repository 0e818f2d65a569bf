-- Offline check-in (issue 17): ticket codes signed by the event's Ed25519 key, so a door verifies
-- them without the network; scans made offline, recorded when their device syncs; and a check-in
-- superseded by an earlier offline scan of the same ticket (the first scan wins).
ALTER TABLE "check_ins" ADD COLUMN     "superseded_at" TIMESTAMPTZ(3);

CREATE TABLE "ticket_signing_keys" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "ticket_signing_keys_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "offline_scans" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "device_id" TEXT NOT NULL,
    "local_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,
    "synced_by_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "ticket_id" UUID,
    "first_scan" BOOLEAN,
    "other_door" TEXT,
    "other_at" TIMESTAMPTZ(3),

    CONSTRAINT "offline_scans_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ticket_signing_keys_event_id_number_key" ON "ticket_signing_keys"("event_id", "number");

CREATE INDEX "offline_scans_event_id_synced_at_idx" ON "offline_scans"("event_id", "synced_at");

CREATE UNIQUE INDEX "offline_scans_device_id_local_id_key" ON "offline_scans"("device_id", "local_id");

ALTER TABLE "ticket_signing_keys" ADD CONSTRAINT "ticket_signing_keys_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "offline_scans" ADD CONSTRAINT "offline_scans_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "offline_scans" ADD CONSTRAINT "offline_scans_synced_by_id_fkey" FOREIGN KEY ("synced_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one admission per ticket that is neither undone nor superseded.
DROP INDEX "check_ins_one_live_per_ticket";
CREATE UNIQUE INDEX "check_ins_one_live_per_ticket" ON "check_ins"("ticket_id")
  WHERE "undone_at" IS NULL AND "superseded_at" IS NULL;
-- Hand-written: at most one signing key in use per event (the one new tickets are signed with).
CREATE UNIQUE INDEX "ticket_signing_keys_one_active" ON "ticket_signing_keys"("event_id")
  WHERE "retired_at" IS NULL;
ALTER TABLE "ticket_signing_keys" ADD CONSTRAINT "ticket_signing_keys_number_valid"
  CHECK ("number" BETWEEN 1 AND 65535);
ALTER TABLE "offline_scans" ADD CONSTRAINT "offline_scans_outcome_valid"
  CHECK ("outcome" IN ('ADMITTED', 'DUPLICATE', 'CANCELLED', 'WRONG_EVENT', 'UNKNOWN'));
