-- The event list at 100,000 events (issue 13): text search served by a GIN index of each
-- event's one- and two-character pieces (events.search_grams), seat counts that do not count
-- event_seats (event_seat_counts plus insert-only changes), and indexes for the city filter's
-- list and for "not ended yet". docs/performance.md has the measurements.

-- CreateTable
CREATE TABLE "event_seat_counts" (
    "event_id" UUID NOT NULL,
    "sellable" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,

    CONSTRAINT "event_seat_counts_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "event_seat_count_changes" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "sellable" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,

    CONSTRAINT "event_seat_count_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_seat_count_changes_event_id_idx" ON "event_seat_count_changes"("event_id");

-- CreateIndex
CREATE INDEX "events_status_city_ends_at_idx" ON "events"("status", "city", "ends_at");

-- AddForeignKey
ALTER TABLE "event_seat_counts" ADD CONSTRAINT "event_seat_counts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: published events running at a given moment (started before it, not ended),
-- found without reading every past or future event. The list's "not ended by `from`" is
-- "starts at or after `from`" (the (status, starts_at) index, in order) or "running at
-- `from`" (this one).
CREATE INDEX "events_published_period_idx" ON "events"
  USING gist (tstzrange("starts_at", "ends_at", '[]')) WHERE "status" = 'PUBLISHED';

-- Hand-written: the city filter (case-insensitive, as ILIKE without wildcards compares), in
-- the list's order.
CREATE INDEX "events_published_city_idx" ON "events" (lower("city"), "starts_at")
  WHERE "status" = 'PUBLISHED';

-- ---------------------------------------------------------------------------------------------
-- Text search. ILIKE in a UTF-8 database is lower(text) LIKE lower(pattern), so every piece of
-- lower(query) is a piece of lower(title), lower(performer) or lower(venue name) when one of
-- them contains it: the index never misses an event, and the list re-checks candidates with
-- the same ILIKE as before. One- and two-character pieces (rather than pg_trgm's trigrams)
-- serve queries of one or two characters too, and CJK, which has no spaces between words.
CREATE FUNCTION "search_grams"("texts" TEXT[]) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(t, i, n)), '{}')
  FROM unnest("texts") AS field, lower(field) AS t,
       generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS sizes(n)
  WHERE i + n - 1 <= length(t)
$$;

-- What a query must find among an event's pieces: its two-character pieces (its one character
-- when it has one).
CREATE FUNCTION "search_query_grams"("query" TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(q) <= 1 THEN ARRAY[q]
              ELSE (SELECT array_agg(DISTINCT substr(q, i, 2)) FROM generate_series(1, length(q) - 1) i)
         END
  FROM lower("query") AS q
$$;

-- On events themselves, so that the list filters and orders one table, but unknown to Prisma:
-- it never reads or writes the column (the drift test lists it as hand-written).
ALTER TABLE "events" ADD COLUMN "search_grams" TEXT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION "events_search_grams_follow_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_grams" := "search_grams"(ARRAY[NEW."title", NEW."performer",
    (SELECT v."name" FROM "venues" v WHERE v."id" = NEW."venue_id")]);
  RETURN NEW;
END $$;
CREATE TRIGGER "events_search_grams_follow_event"
  BEFORE INSERT OR UPDATE OF "title", "performer", "venue_id" ON "events"
  FOR EACH ROW EXECUTE FUNCTION "events_search_grams_follow_event"();

CREATE FUNCTION "events_search_grams_follow_venue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "events" SET "search_grams" = "search_grams"(ARRAY["title", "performer", NEW."name"])
  WHERE "venue_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "events_search_grams_follow_venue" AFTER UPDATE OF "name" ON "venues"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "events_search_grams_follow_venue"();

UPDATE "events" e SET "search_grams" = "search_grams"(ARRAY[e."title", e."performer", v."name"])
FROM "venues" v WHERE v."id" = e."venue_id";

CREATE INDEX "events_search_grams_idx" ON "events" USING gin ("search_grams");

-- ---------------------------------------------------------------------------------------------
-- Seat counts. A statement trigger on event_seats appends what each statement changed, per
-- event; nothing is ever updated in place on the hot path, so concurrent checkouts of one
-- event's seats never wait on or conflict over a counter row. fold_event_seat_counts (called by
-- the hold sweeper) moves the changes into event_seat_counts. A reader adds the two: exact, in
-- one snapshot.
CREATE FUNCTION "event_seat_counts_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "event_seat_count_changes" ("event_id", "sellable", "available")
    SELECT "event_id", sum(s), sum(a) FROM (
      SELECT "event_id", ("status" <> 'BLOCKED')::int AS s, ("status" = 'AVAILABLE')::int AS a
      FROM "new_rows") d
    GROUP BY "event_id" HAVING sum(s) <> 0 OR sum(a) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "event_seat_count_changes" ("event_id", "sellable", "available")
    SELECT "event_id", -sum(s), -sum(a) FROM (
      SELECT "event_id", ("status" <> 'BLOCKED')::int AS s, ("status" = 'AVAILABLE')::int AS a
      FROM "old_rows") d
    GROUP BY "event_id" HAVING sum(s) <> 0 OR sum(a) <> 0;
  ELSE
    -- Only status changes count: a tier change writes nothing.
    INSERT INTO "event_seat_count_changes" ("event_id", "sellable", "available")
    SELECT "event_id", sum(s), sum(a) FROM (
      SELECT "event_id", ("status" <> 'BLOCKED')::int AS s, ("status" = 'AVAILABLE')::int AS a
      FROM "new_rows"
      UNION ALL
      SELECT "event_id", -("status" <> 'BLOCKED')::int, -("status" = 'AVAILABLE')::int
      FROM "old_rows") d
    GROUP BY "event_id" HAVING sum(s) <> 0 OR sum(a) <> 0;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "event_seat_counts_inserted" AFTER INSERT ON "event_seats"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_follow"();
CREATE TRIGGER "event_seat_counts_updated" AFTER UPDATE ON "event_seats"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_follow"();
CREATE TRIGGER "event_seat_counts_deleted" AFTER DELETE ON "event_seats"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "event_seat_counts_follow"();

-- Folds up to `batch` changes into event_seat_counts and says how many it took. Concurrent
-- folds take disjoint changes (SKIP LOCKED) and add to the counts under the row lock, so
-- nothing is counted twice; a change of a deleted event is dropped.
CREATE FUNCTION "fold_event_seat_counts"("batch" INTEGER) RETURNS INTEGER
LANGUAGE sql AS $$
  WITH taken AS (
    DELETE FROM "event_seat_count_changes"
    WHERE "id" IN (SELECT "id" FROM "event_seat_count_changes" ORDER BY "id" LIMIT "batch"
                   FOR UPDATE SKIP LOCKED)
    RETURNING "event_id", "sellable", "available"
  ), folded AS (  -- a data-modifying WITH runs whether or not it is read
    INSERT INTO "event_seat_counts" AS c ("event_id", "sellable", "available")
    SELECT t."event_id", sum(t."sellable"), sum(t."available") FROM taken t
    WHERE EXISTS (SELECT 1 FROM "events" e WHERE e."id" = t."event_id")
    GROUP BY t."event_id" ORDER BY t."event_id"
    ON CONFLICT ("event_id") DO UPDATE
      SET "sellable" = c."sellable" + EXCLUDED."sellable",
          "available" = c."available" + EXCLUDED."available"
  )
  SELECT count(*)::int FROM taken
$$;

INSERT INTO "event_seat_counts" ("event_id", "sellable", "available")
SELECT "event_id", count(*) FILTER (WHERE "status" <> 'BLOCKED'),
       count(*) FILTER (WHERE "status" = 'AVAILABLE')
FROM "event_seats" GROUP BY "event_id";
