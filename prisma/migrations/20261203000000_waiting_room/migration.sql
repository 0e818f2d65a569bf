-- The fair waiting room (issue 18, docs/waiting-room.md). An event with waiting_room_opens_at
-- set queues its buyers from then and admits them at admissions_per_minute; the admitted count
-- is a function of time from the last rate change (admitted_at_rate_change at rate_changed_at),
-- so no process has to tick and a restart loses nothing. The two tables are the queue when the
-- app has no Redis: one line (counter) per event, one place per account per event.
ALTER TABLE "events" ADD COLUMN     "admissions_per_minute" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "admitted_at_rate_change" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rate_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "waiting_room_opens_at" TIMESTAMPTZ(3);

CREATE TABLE "waiting_room_lines" (
    "event_id" UUID NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,
    "early_count" INTEGER NOT NULL DEFAULT 0,
    "early_closed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "waiting_room_lines_pkey" PRIMARY KEY ("event_id")
);

CREATE TABLE "waiting_room_places" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "number" INTEGER,
    "draw" BIGINT,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "waiting_room_places_pkey" PRIMARY KEY ("event_id","user_id")
);

CREATE INDEX "waiting_room_places_event_id_draw_idx" ON "waiting_room_places"("event_id", "draw");

ALTER TABLE "waiting_room_lines" ADD CONSTRAINT "waiting_room_lines_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "waiting_room_places" ADD CONSTRAINT "waiting_room_places_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "waiting_room_places" ADD CONSTRAINT "waiting_room_places_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
