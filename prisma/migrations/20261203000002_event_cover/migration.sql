-- An event's uploaded cover image (issue 16): its name in cover storage and the size of its
-- largest variant, so pages reserve its space before it loads. All three or none (the generated
-- cover then), and a real size.
ALTER TABLE "events" ADD COLUMN "cover_key" TEXT,
  ADD COLUMN "cover_width" INTEGER,
  ADD COLUMN "cover_height" INTEGER;

ALTER TABLE "events" ADD CONSTRAINT "events_cover_complete" CHECK (
  (cover_key IS NULL AND cover_width IS NULL AND cover_height IS NULL)
  OR (cover_key IS NOT NULL AND cover_width > 0 AND cover_height > 0)
);
