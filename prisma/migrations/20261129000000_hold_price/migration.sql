-- A hold keeps the price its buyer saw: checkout charges seat_holds.price, not the tier's price
-- at the time of payment (an organizer may re-price a tier while seats are held).

-- AlterTable: added nullable, filled from the tiers for holds that exist now, then required.
ALTER TABLE "seat_holds" ADD COLUMN     "price" INTEGER;

UPDATE "seat_holds" h SET "price" = pt."price"
FROM "event_seats" es JOIN "price_tiers" pt ON pt."id" = es."tier_id"
WHERE es."id" = h."event_seat_id";

ALTER TABLE "seat_holds" ALTER COLUMN "price" SET NOT NULL;

-- Hand-written: money is never negative.
ALTER TABLE "seat_holds" ADD CONSTRAINT "seat_holds_price_non_negative" CHECK ("price" >= 0);
