-- Discount codes (issue 15). A code's use is taken by checkout with one guarded UPDATE
-- (uses = uses + 1 WHERE max_uses IS NULL OR uses < max_uses): the CHECK below is the database's
-- last word, so the limit holds whatever the interleaving. An order that ends unpaid gives its
-- use back in the statement that ends it.
CREATE TYPE "DiscountKind" AS ENUM ('PERCENT', 'AMOUNT');

CREATE TABLE "discount_codes" (
    "id" UUID NOT NULL,
    "organizer_id" UUID NOT NULL,
    "event_id" UUID,
    "code" TEXT NOT NULL,
    "kind" "DiscountKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "currency" CHAR(3),
    "max_uses" INTEGER,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "valid_from" TIMESTAMPTZ(3),
    "valid_until" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "discount_codes_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "orders" ADD COLUMN "discount_code_id" UUID,
ADD COLUMN "discount_amount" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "discount_codes_organizer_id_created_at_idx" ON "discount_codes"("organizer_id", "created_at");
CREATE INDEX "discount_codes_event_id_idx" ON "discount_codes"("event_id");
CREATE INDEX "orders_discount_code_id_idx" ON "orders"("discount_code_id");

ALTER TABLE "orders" ADD CONSTRAINT "orders_discount_code_id_fkey" FOREIGN KEY ("discount_code_id") REFERENCES "discount_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one code per organizer whatever its case ("SPRING" and "spring" are one code).
CREATE UNIQUE INDEX "discount_codes_organizer_code_unique" ON "discount_codes"("organizer_id", lower("code"));
-- Hand-written: the usage limit is never exceeded, and uses never go below zero.
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_uses_within_limit"
  CHECK ("uses" >= 0 AND ("max_uses" IS NULL OR "uses" <= "max_uses"));
-- Hand-written: a percentage is 1..100 and has no currency; an amount is positive, in a currency.
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_value_valid"
  CHECK (("kind" = 'PERCENT' AND "value" BETWEEN 1 AND 100 AND "currency" IS NULL)
      OR ("kind" = 'AMOUNT' AND "value" > 0 AND "currency" IS NOT NULL));
-- Hand-written: a validity window, when both ends are set, is ordered.
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_window_ordered"
  CHECK ("valid_from" IS NULL OR "valid_until" IS NULL OR "valid_from" < "valid_until");
-- Hand-written: a discount is never negative, and only an order with a code has one. (The CHECK
-- total >= 0 stays: total is what is charged, after the discount.)
ALTER TABLE "orders" ADD CONSTRAINT "orders_discount_valid"
  CHECK ("discount_amount" >= 0 AND ("discount_amount" = 0 OR "discount_code_id" IS NOT NULL));
