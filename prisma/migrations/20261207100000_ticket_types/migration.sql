-- Ticket (price) types (issue 15): Student, Early bird… besides the tiers' own prices. A hold
-- names the type its seat is held as (seat_holds.ticket_type_id, its price in seat_holds.price)
-- and the ticket keeps it (tickets.ticket_type_id).
--
-- A type's quota counts places held as it plus its live tickets. The counts live in the type's
-- row (held, sold), kept by statement triggers on seat_holds and tickets for every type — so a
-- quota set later starts from true counts, with no recount to race — while holds and tickets at
-- a tier's own price (no type) never touch a type's row. Rows are locked in id order before they
-- are written, so two transactions writing the same types never deadlock. The quota
-- is checked by a constraint trigger deferred to commit, not a CHECK: settling an order deletes
-- its holds and inserts its tickets in two statements, and the place stays counted throughout
-- only when both are in. Concurrent buyers of a quota type write its row, so they take turns on
-- it (and SERIALIZABLE retries the loser with the new count): the database decides the last one.
ALTER TABLE "seat_holds" ADD COLUMN "ticket_type_id" UUID;
ALTER TABLE "tickets" ADD COLUMN "ticket_type_id" UUID;

CREATE TABLE "ticket_types" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "tier_id" UUID,
    "name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "quota" INTEGER,
    "held" INTEGER NOT NULL DEFAULT 0,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "sales_start_at" TIMESTAMPTZ(3),
    "sales_end_at" TIMESTAMPTZ(3),
    "note" TEXT NOT NULL DEFAULT '',
    "ordering" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_types_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ticket_types_tier_id_idx" ON "ticket_types"("tier_id");

CREATE UNIQUE INDEX "ticket_types_event_id_name_key" ON "ticket_types"("event_id", "name");

CREATE INDEX "seat_holds_ticket_type_id_idx" ON "seat_holds"("ticket_type_id");

CREATE INDEX "tickets_ticket_type_id_idx" ON "tickets"("ticket_type_id");

ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_tier_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "price_tiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "seat_holds" ADD CONSTRAINT "seat_holds_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "ticket_types"
  ADD CONSTRAINT "ticket_types_price_non_negative" CHECK ("price" >= 0),
  ADD CONSTRAINT "ticket_types_quota_positive" CHECK ("quota" IS NULL OR "quota" >= 1),
  ADD CONSTRAINT "ticket_types_counts_non_negative" CHECK ("held" >= 0 AND "sold" >= 0),
  ADD CONSTRAINT "ticket_types_window_ordered"
    CHECK ("sales_start_at" IS NULL OR "sales_end_at" IS NULL OR "sales_start_at" < "sales_end_at");

-- Adds (type id → held, sold) changes to the quota types' counts.
-- enable_seqscan off, as for the hold counts: under SERIALIZABLE a sequential scan would lock
-- the whole table for reading, so holds of different types would collide.
CREATE FUNCTION "ticket_type_counts_add"("changes" JSONB) RETURNS void LANGUAGE plpgsql
SET enable_seqscan = off AS $$
BEGIN
  PERFORM 1 FROM "ticket_types"
  WHERE "id" IN (SELECT ("c" ->> 'id')::uuid FROM jsonb_array_elements("changes") AS "c")
  ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "ticket_types" t SET "held" = t."held" + d."held", "sold" = t."sold" + d."sold"
  FROM (
    SELECT "id", coalesce(sum("held"), 0)::int AS "held", coalesce(sum("sold"), 0)::int AS "sold"
    FROM jsonb_to_recordset("changes") AS x("id" UUID, "held" INTEGER, "sold" INTEGER)
    GROUP BY 1 HAVING coalesce(sum("held"), 0) <> 0 OR coalesce(sum("sold"), 0) <> 0
  ) AS d
  WHERE t."id" = d."id";
END $$;

-- Hold and ticket rows moving in or out of a type's count: +1 for each new row that counts, -1
-- for each old one (an UPDATE is both; unchanged rows cancel out). Which transition tables a
-- trigger has depends on its event, hence a branch each. A ticket counts while not CANCELLED.
CREATE FUNCTION "ticket_type_counts_follow_holds"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "changes" JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('id', "ticket_type_id", 'held', 1)) INTO "changes"
    FROM "new_rows" WHERE "ticket_type_id" IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('id', "ticket_type_id", 'held', -1)) INTO "changes"
    FROM "old_rows" WHERE "ticket_type_id" IS NOT NULL;
  ELSE
    SELECT jsonb_agg(change) INTO "changes" FROM (
      SELECT jsonb_build_object('id', "ticket_type_id", 'held', 1) AS change
      FROM "new_rows" WHERE "ticket_type_id" IS NOT NULL
      UNION ALL
      SELECT jsonb_build_object('id', "ticket_type_id", 'held', -1)
      FROM "old_rows" WHERE "ticket_type_id" IS NOT NULL) AS moved;
  END IF;
  IF "changes" IS NOT NULL THEN
    PERFORM "ticket_type_counts_add"("changes");
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "ticket_type_counts_follow_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "changes" JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('id', "ticket_type_id", 'sold', 1)) INTO "changes"
    FROM "new_rows" WHERE "ticket_type_id" IS NOT NULL AND "status" <> 'CANCELLED';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('id', "ticket_type_id", 'sold', -1)) INTO "changes"
    FROM "old_rows" WHERE "ticket_type_id" IS NOT NULL AND "status" <> 'CANCELLED';
  ELSE
    SELECT jsonb_agg(change) INTO "changes" FROM (
      SELECT jsonb_build_object('id', "ticket_type_id", 'sold', 1) AS change
      FROM "new_rows" WHERE "ticket_type_id" IS NOT NULL AND "status" <> 'CANCELLED'
      UNION ALL
      SELECT jsonb_build_object('id', "ticket_type_id", 'sold', -1)
      FROM "old_rows" WHERE "ticket_type_id" IS NOT NULL AND "status" <> 'CANCELLED') AS moved;
  END IF;
  IF "changes" IS NOT NULL THEN
    PERFORM "ticket_type_counts_add"("changes");
  END IF;
  RETURN NULL;
END $$;

-- Statement triggers with transition tables need one trigger per event.
CREATE TRIGGER "ticket_type_counts_hold_inserted" AFTER INSERT ON "seat_holds"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_holds"();
CREATE TRIGGER "ticket_type_counts_hold_updated" AFTER UPDATE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_holds"();
CREATE TRIGGER "ticket_type_counts_hold_deleted" AFTER DELETE ON "seat_holds"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_holds"();
CREATE TRIGGER "ticket_type_counts_ticket_inserted" AFTER INSERT ON "tickets"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_tickets"();
CREATE TRIGGER "ticket_type_counts_ticket_updated" AFTER UPDATE ON "tickets"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_tickets"();
CREATE TRIGGER "ticket_type_counts_ticket_deleted" AFTER DELETE ON "tickets"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_type_counts_follow_tickets"();

-- At commit: the type's counts as they are then (not as this row version saw them).
CREATE FUNCTION "ticket_types_within_quota"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "over" RECORD;
BEGIN
  SELECT "id", "quota", "held" + "sold" AS "taken" INTO "over" FROM "ticket_types"
  WHERE "id" = NEW."id" AND "quota" IS NOT NULL AND "held" + "sold" > "quota";
  IF FOUND THEN
    RAISE EXCEPTION 'ticket type over its quota: {"ticketTypeId":"%","quota":%,"taken":%}',
      "over"."id", "over"."quota", "over"."taken"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ticket_types_within_quota" AFTER INSERT OR UPDATE ON "ticket_types"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "ticket_types_within_quota"();
