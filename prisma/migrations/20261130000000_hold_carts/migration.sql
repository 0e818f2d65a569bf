-- What a buyer holds, counted where every app instance sees it: per event (hold_carts, which
-- also carries the hold window all those seats share) and in all (hold_totals). Triggers on
-- seat_holds keep the counts, so every path that adds or removes a hold counts, and check the
-- limits the hold path names. The hold statement writes the buyer's rows first, so two
-- instances holding for one buyer serialize on them (docs/reservations.md).

-- CreateTable
CREATE TABLE "hold_carts" (
    "user_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "window_opened_at" TIMESTAMPTZ(3) NOT NULL,
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hold_carts_pkey" PRIMARY KEY ("user_id","event_id")
);

-- CreateTable
CREATE TABLE "hold_totals" (
    "user_id" UUID NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "hold_totals_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "hold_carts_event_id_idx" ON "hold_carts"("event_id");

-- AddForeignKey
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hold_totals" ADD CONSTRAINT "hold_totals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a count is never negative. Updates change no indexed column, so with room left
-- on each page they are HOT and insert no index entries (fewer serialization conflicts).
ALTER TABLE "hold_carts" ADD CONSTRAINT "hold_carts_seats_non_negative" CHECK ("seats" >= 0);
ALTER TABLE "hold_totals" ADD CONSTRAINT "hold_totals_seats_non_negative" CHECK ("seats" >= 0);
ALTER TABLE "hold_carts" SET (fillfactor = 70);
ALTER TABLE "hold_totals" SET (fillfactor = 70);

-- The counts of the holds that exist now.
INSERT INTO "hold_carts" ("user_id", "event_id", "seats", "window_opened_at", "window_ends_at")
SELECT "user_id", "event_id", count(*), min("created_at"), max("expires_at")
FROM "seat_holds" GROUP BY "user_id", "event_id";
INSERT INTO "hold_totals" ("user_id", "seats")
SELECT "user_id", count(*) FROM "seat_holds" GROUP BY "user_id";

-- Hand-written: the counts follow seat_holds. Statement-level triggers, so a batch of holds
-- updates each row once. Rows that gain seats are created if missing (holds written by hand,
-- e.g. by tests, get a window ending with their hold); rows that lose seats are only updated
-- (a user or event being deleted takes its rows with it).
--
-- The limits are checked here, on the counts the updates return: the hold path names each
-- buyer's cap in the transaction setting openticket.hold_caps ({"<user id>": cap}); where it
-- is set, a buyer whose seats for an event exceed its max_seats_per_order, or whose seats in
-- all exceed their cap, fails the statement with a message listing them all, as JSON, after
-- "hold limits exceeded: ". Reading the counts from the writes takes no read locks.
--
-- enable_seqscan off: these tables are small, and under SERIALIZABLE a sequential scan locks
-- the whole table for reading, so every hold would collide with every release. Index lookups
-- lock only what they read.
CREATE FUNCTION "hold_counts_add"("changes" JSONB) RETURNS void LANGUAGE plpgsql
SET enable_seqscan = off AS $$
DECLARE
  "caps" JSONB := NULLIF(current_setting('openticket.hold_caps', true), '')::jsonb;
  "over" JSONB;
BEGIN
  WITH d AS (
    SELECT "user_id", "event_id", sum("n")::int AS "n", min("opened_at") AS "opened_at",
           max("ends_at") AS "ends_at"
    FROM jsonb_to_recordset("changes")
         AS x("user_id" UUID, "event_id" UUID, "n" INTEGER, "opened_at" TIMESTAMPTZ, "ends_at" TIMESTAMPTZ)
    GROUP BY 1, 2 HAVING sum("n") <> 0
  ), carts_lost AS (
    UPDATE "hold_carts" c SET "seats" = c."seats" + d."n"
    FROM d WHERE d."n" < 0 AND c."user_id" = d."user_id" AND c."event_id" = d."event_id"
  ), carts_gained AS (
    INSERT INTO "hold_carts" AS c ("user_id", "event_id", "seats", "window_opened_at", "window_ends_at")
    SELECT "user_id", "event_id", "n", "opened_at", "ends_at" FROM d WHERE "n" > 0
    ORDER BY 1, 2
    ON CONFLICT ("user_id", "event_id") DO UPDATE SET "seats" = c."seats" + EXCLUDED."seats"
    RETURNING c."user_id", c."event_id", c."seats"
  ), per_user AS (
    SELECT "user_id", sum("n")::int AS "n" FROM d GROUP BY 1 HAVING sum("n") <> 0
  ), totals_lost AS (
    UPDATE "hold_totals" t SET "seats" = t."seats" + u."n"
    FROM per_user u WHERE u."n" < 0 AND t."user_id" = u."user_id"
  ), totals_gained AS (
    INSERT INTO "hold_totals" AS t ("user_id", "seats")
    SELECT "user_id", "n" FROM per_user WHERE "n" > 0 ORDER BY 1
    ON CONFLICT ("user_id") DO UPDATE SET "seats" = t."seats" + EXCLUDED."seats"
    RETURNING t."user_id", t."seats"
  )
  SELECT jsonb_agg(v) INTO "over" FROM (
    SELECT g."user_id" AS "userId", g."event_id" AS "eventId", 'perOrder' AS "limit",
           g."seats", e."max_seats_per_order" AS "max"
    FROM carts_gained g JOIN "events" e ON e."id" = g."event_id"
    WHERE "caps" ? g."user_id"::text AND g."seats" > e."max_seats_per_order"
    UNION ALL
    SELECT g."user_id", NULL, 'perBuyer', g."seats", ("caps" ->> g."user_id"::text)::int
    FROM totals_gained g
    WHERE "caps" ? g."user_id"::text AND g."seats" > ("caps" ->> g."user_id"::text)::int
  ) v;
  IF "over" IS NOT NULL THEN
    RAISE EXCEPTION 'hold limits exceeded: %', "over";
  END IF;
END $$;

CREATE FUNCTION "hold_counts_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "changes" JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object(
      'user_id', "user_id", 'event_id', "event_id", 'n', 1,
      'opened_at', "created_at", 'ends_at', "expires_at")) INTO "changes" FROM "new_rows";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('user_id', "user_id", 'event_id', "event_id", 'n', -1))
    INTO "changes" FROM "old_rows";
  ELSE
    -- Only a hold that changes hands (an expired hold taken over) moves a seat; extending a
    -- hold or attaching it to an order changes no count and writes nothing here.
    SELECT jsonb_agg(change) INTO "changes" FROM (
      SELECT jsonb_build_object('user_id', o."user_id", 'event_id', o."event_id", 'n', -1) AS change
      FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      WHERE (n."user_id", n."event_id") <> (o."user_id", o."event_id")
      UNION ALL
      SELECT jsonb_build_object('user_id', n."user_id", 'event_id', n."event_id", 'n', 1,
                                'opened_at', n."created_at", 'ends_at', n."expires_at")
      FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      WHERE (n."user_id", n."event_id") <> (o."user_id", o."event_id")) AS moved;
  END IF;
  -- Statement triggers fire for statements that changed no row (an upsert fires both its
  -- INSERT and its UPDATE trigger): nothing to count then.
  IF "changes" IS NOT NULL THEN
    PERFORM "hold_counts_add"("changes");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "hold_counts_inserted" AFTER INSERT ON "seat_holds"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_counts_follow"();
CREATE TRIGGER "hold_counts_updated" AFTER UPDATE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_counts_follow"();
CREATE TRIGGER "hold_counts_deleted" AFTER DELETE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "hold_counts_follow"();
