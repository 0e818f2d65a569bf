// The files an uploaded cover is served as: each width in COVER_WIDTHS up to the image's own (the
// largest capped at the last), as AVIF and WebP. Which ones exist follows from the stored key
// and size alone, so pages build their srcset without asking storage. Pure, for the web too.

/** Widths a cover is resized to; narrower images keep their own width as the largest. */
export const COVER_WIDTHS = [480, 960, 1600] as const;
export const COVER_FORMATS = ["avif", "webp"] as const;
export type CoverFormat = (typeof COVER_FORMATS)[number];

export type CoverVariant = { name: string; width: number; format: CoverFormat };

/** `width` is the largest variant's (as stored in events.cover_width). */
export function coverVariants(key: string, width: number): CoverVariant[] {
  const widths = [...COVER_WIDTHS.filter((each) => each < width), width];
  return COVER_FORMATS.flatMap((format) =>
    widths.map((each) => ({ name: `${key}-${each}.${format}`, width: each, format })),
  );
}

/** A variant's name as storage and the /covers/ route know it: `<eventId>/<hash>-<width>.<format>`. */
export const COVER_NAME = /^[0-9a-f-]{36}\/[0-9a-f]{16}-\d{1,4}\.(avif|webp)$/;
