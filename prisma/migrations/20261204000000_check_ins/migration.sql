-- Door scanning (issue 17): door staff grants per event, and one row per admission at a door.
-- The admission itself is decided by the database: services/checkin/scan-ticket.ts flips the
-- ticket with one UPDATE … WHERE status = 'VALID', so two doors scanning one ticket at once race
-- for one row; the partial unique index below backs it (one admission not undone per ticket).
CREATE TABLE "door_staff" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "door_staff_pkey" PRIMARY KEY ("event_id","user_id")
);

CREATE TABLE "check_ins" (
    "id" UUID NOT NULL,
    "ticket_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "door" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "scanned_by_id" UUID NOT NULL,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "undone_at" TIMESTAMPTZ(3),
    "undone_by_id" UUID,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "door_staff_user_id_idx" ON "door_staff"("user_id");
CREATE INDEX "check_ins_ticket_id_idx" ON "check_ins"("ticket_id");
CREATE INDEX "check_ins_event_id_door_idx" ON "check_ins"("event_id", "door");

ALTER TABLE "door_staff" ADD CONSTRAINT "door_staff_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "door_staff" ADD CONSTRAINT "door_staff_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "door_staff" ADD CONSTRAINT "door_staff_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_scanned_by_id_fkey" FOREIGN KEY ("scanned_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_undone_by_id_fkey" FOREIGN KEY ("undone_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: at most one admission not undone per ticket.
CREATE UNIQUE INDEX "check_ins_one_live_per_ticket" ON "check_ins"("ticket_id") WHERE "undone_at" IS NULL;
-- An undo names who undid it and when, together or not at all.
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_undone_together"
  CHECK (("undone_at" IS NULL) = ("undone_by_id" IS NULL));
