-- Standing zones (issue 15): a section whose seats are numbered places, sold by quantity. The
-- places are rows like seats, so a zone keeps every guarantee a seat has — one hold per place,
-- one live ticket per place, the same timer and sweeper — and never sells more than its places.
CREATE TYPE "SectionKind" AS ENUM ('SEATED', 'STANDING');

ALTER TABLE "sections" ADD COLUMN "kind" "SectionKind" NOT NULL DEFAULT 'SEATED';
