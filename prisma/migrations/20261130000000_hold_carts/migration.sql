-- A buyer's cart per event: how many seats they hold there (kept by triggers on seat_holds, so
-- every path that adds or removes a hold counts, whichever app instance runs it) and the one
-- hold window all those seats share. The hold transaction checks the per-order maximum and the
-- per-buyer cap against these rows, inside the transaction: two instances holding for one buyer
-- write the same row, so one waits and retries, and never both succeed (docs/reservations.md).

-- CreateTable
CREATE TABLE "hold_carts" (
    "user_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "window_opened_at" TIMESTAMPTZ(3) NOT NULL,
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hold_carts_pkey" PRIMARY KEY ("user_id","event_id")
);

-- CreateIndex
CREATE INDEX "hold_carts_event_id_idx" ON "hold_carts"("event_id");

-- AddForeignKey
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a count is never negative. Updates only change "seats" and the window, so with
-- room left on each page they are HOT and touch no index (fewer serialization conflicts).
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_seats_non_negative" CHECK ("seats" >= 0);
ALTER TABLE "hold_carts" SET (fillfactor = 70);

-- The carts of the holds that exist now.
INSERT INTO "hold_carts" ("user_id", "event_id", "seats", "window_opened_at", "window_ends_at")
SELECT "user_id", "event_id", count(*), min("created_at"), max("expires_at")
FROM "seat_holds" GROUP BY "user_id", "event_id";

-- Hand-written: the seat count follows seat_holds. Statement-level triggers, so a batch of holds
-- updates each cart once. A cart that gains seats is created if missing (holds written by
-- hand, e.g. by tests, get a window ending with their hold); one that loses seats is updated
-- only (a user or event being deleted takes its carts with it).
CREATE FUNCTION "hold_carts_count_seats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "hold_carts" AS c ("user_id", "event_id", "seats", "window_opened_at", "window_ends_at")
    SELECT "user_id", "event_id", count(*), min("created_at"), max("expires_at")
    FROM "new_rows" GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("user_id", "event_id") DO UPDATE SET "seats" = c."seats" + EXCLUDED."seats";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "hold_carts" c SET "seats" = c."seats" - d."n"
    FROM (SELECT "user_id", "event_id", count(*) AS "n" FROM "old_rows" GROUP BY 1, 2) d
    WHERE c."user_id" = d."user_id" AND c."event_id" = d."event_id";
  ELSE
    -- Only a hold that changes hands (an expired hold taken over) moves a seat between carts;
    -- extending or attaching a hold to an order changes no count and writes nothing here.
    UPDATE "hold_carts" c SET "seats" = c."seats" - d."n"
    FROM (SELECT o."user_id", o."event_id", count(*) AS "n"
          FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
          WHERE (n."user_id", n."event_id") <> (o."user_id", o."event_id")
          GROUP BY 1, 2) d
    WHERE c."user_id" = d."user_id" AND c."event_id" = d."event_id";
    INSERT INTO "hold_carts" AS c ("user_id", "event_id", "seats", "window_opened_at", "window_ends_at")
    SELECT n."user_id", n."event_id", count(*), min(n."created_at"), max(n."expires_at")
    FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
    WHERE (n."user_id", n."event_id") <> (o."user_id", o."event_id")
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("user_id", "event_id") DO UPDATE SET "seats" = c."seats" + EXCLUDED."seats";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "hold_carts_count_inserted" AFTER INSERT ON "seat_holds"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_carts_count_seats"();
CREATE TRIGGER "hold_carts_count_updated" AFTER UPDATE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_carts_count_seats"();
CREATE TRIGGER "hold_carts_count_deleted" AFTER DELETE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_carts_count_seats"();
