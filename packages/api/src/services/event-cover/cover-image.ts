// An uploaded cover image, checked and made into the files pages show: refused unless it is a
// JPEG, PNG, WebP, AVIF or GIF of sensible size and proportions (read from its header, before
// anything is decoded), then turned upright (EXIF orientation) and resized by sharp into each
// width of COVER_WIDTHS as AVIF and WebP. sharp writes no metadata unless asked, so EXIF (GPS
// position, camera serial), ICC comments and XMP are gone from every file served.
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { AppError } from "../../errors.ts";
import { COVER_FORMATS, COVER_WIDTHS, type CoverFormat } from "./cover-variants.ts";

export const MAX_COVER_BYTES = 8 * 1024 * 1024;
export const MIN_COVER = { width: 320, height: 180 } as const;
/** A side longer than this is no photo but a trap (decoding 6000 × 6000 takes ~150 MB). */
export const MAX_COVER_SIDE = 6000;
/** How much wider than tall, and taller than wide, a cover may be. */
const MAX_WIDE = 4;
const MAX_TALL = 2;
/** sharp's names for the formats accepted; AVIF is read as "heif". */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif", "gif"]);

export type CoverFile = { width: number; format: CoverFormat; bytes: Uint8Array };
export type ProcessedCover = {
  /** The first 16 hex digits of the upload's sha256: the same picture gets the same name. */
  hash: string;
  /** The largest file's size. */
  width: number;
  height: number;
  files: CoverFile[];
};

export async function processCover(image: Uint8Array): Promise<ProcessedCover> {
  if (image.byteLength > MAX_COVER_BYTES) throw coverTooLarge();
  const { width, height } = await uprightSize(image);
  if (width < MIN_COVER.width || height < MIN_COVER.height) {
    throw dimensions(
      `The image is ${width} × ${height} pixels; a cover needs at least ${MIN_COVER.width} × ${MIN_COVER.height}.`,
    );
  }
  if (width > MAX_COVER_SIDE || height > MAX_COVER_SIDE) {
    throw dimensions(
      `The image is ${width} × ${height} pixels; a cover may have at most ${MAX_COVER_SIDE} on a side.`,
    );
  }
  if (width > height * MAX_WIDE || height > width * MAX_TALL) {
    throw dimensions(
      `The image is ${width} × ${height} pixels; a cover may be at most ${MAX_WIDE} times as wide as it is tall, or ${MAX_TALL} times as tall as it is wide.`,
    );
  }
  const largest = Math.min(width, COVER_WIDTHS[COVER_WIDTHS.length - 1] ?? width);
  const widths = [...COVER_WIDTHS.filter((each) => each < largest), largest];
  const source = sharp(image, {
    failOn: "error",
    limitInputPixels: MAX_COVER_SIDE * MAX_COVER_SIDE,
  }).rotate();
  try {
    const files = await Promise.all(
      widths.flatMap((each) =>
        COVER_FORMATS.map(async (format) => {
          const resized = source.clone().resize({ width: each });
          const encoded =
            format === "avif" ? resized.avif({ quality: 55, effort: 2 }) : resized.webp();
          const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
          return { width: each, height: info.height, format, bytes: new Uint8Array(data) };
        }),
      ),
    );
    const biggest = files.find((file) => file.width === largest) ?? files[0];
    return {
      hash: createHash("sha256").update(image).digest("hex").slice(0, 16),
      width: largest,
      height: biggest?.height ?? height,
      files: files.map(({ width: fileWidth, format, bytes }) => ({
        width: fileWidth,
        format,
        bytes,
      })),
    };
  } catch {
    // The header was fine but the picture itself is not (truncated, corrupt).
    throw notAnImage();
  }
}

/** Its size as shown: orientations 5 to 8 turn it a quarter. */
async function uprightSize(image: Uint8Array) {
  let metadata: Metadata;
  try {
    metadata = await sharp(image).metadata();
  } catch {
    throw notAnImage();
  }
  const { format, width, height, orientation } = metadata;
  if (!format || !ACCEPTED_FORMATS.has(format) || !width || !height) throw notAnImage();
  return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

export function coverTooLarge() {
  return new AppError(
    "BAD_REQUEST",
    `The file is larger than ${MAX_COVER_BYTES / 1024 / 1024} MB; choose a smaller image.`,
    { reason: "COVER_TOO_LARGE" },
  );
}

function notAnImage() {
  return new AppError("BAD_REQUEST", "This file is not a JPEG, PNG, WebP, AVIF or GIF image.", {
    reason: "COVER_NOT_IMAGE",
  });
}

function dimensions(message: string) {
  return new AppError("BAD_REQUEST", message, { reason: "COVER_DIMENSIONS" });
}
