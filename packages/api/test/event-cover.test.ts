// Event covers: an upload is checked (type, size, dimensions), stripped of its metadata, turned
// upright and resized into AVIF and WebP widths on disk; replacing or removing a cover deletes
// the old files; a refusal, or someone else's event, stores nothing and changes nothing.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeUser, useTestDatabase } from "@openticket/db/testing";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../src/errors.ts";
import { diskCoverStorage } from "../src/services/event-cover/cover-storage.ts";
import { coverVariants } from "../src/services/event-cover/cover-variants.ts";
import { removeEventCover, setEventCover } from "../src/services/organizer/events/set-cover.ts";
import { organizerEvent } from "./helpers/organizer.ts";

const database = useTestDatabase();
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "covers-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A photo as a phone takes it: EXIF with a position and orientation 6 (turn a quarter right). */
function photo(width: number, height: number, format: "jpeg" | "png" = "jpeg") {
  const image = sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } },
  });
  return (
    format === "png"
      ? image.png()
      : image
          .jpeg()
          .withMetadata({ orientation: 6 })
          .withExifMerge({ IFD0: { Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N" } })
  ).toBuffer();
}

/** The service's refusal (services throw AppError; the router turns it into a TRPCError). */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function storedFiles() {
  const files = await readdir(directory, { recursive: true, withFileTypes: true });
  return files.filter((file) => file.isFile()).map((file) => file.name);
}

async function coverCaller(db: Parameters<typeof organizerEvent>[0]) {
  const made = await organizerEvent(db);
  const caller = {
    user: { ...made.organizer, sessionVersion: 0 },
    now: () => new Date(),
    covers: diskCoverStorage(directory),
  };
  return { ...made, caller };
}

describe("event covers", () => {
  it("stores an upright, metadata-free cover in AVIF and WebP widths, and replaces it", async () => {
    const { db } = database();
    const { event, caller } = await coverCaller(db);
    const upload = await photo(1800, 1000);
    expect((await sharp(upload).metadata()).exif?.toString("latin1")).toContain("PhoneCo");
    const cover = await setEventCover(db, { eventId: event.id, image: upload }, caller);
    // Orientation 6: 1800 × 1000 stored is 1000 × 1800 upright; the widest file is 1000.
    expect(cover).toMatchObject({ coverWidth: 1000, coverHeight: 1800 });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject(cover);
    const variants = coverVariants(cover.coverKey, cover.coverWidth);
    expect(variants.map((variant) => variant.name.split("/")[1]?.replace(/^\w+-/, ""))).toEqual([
      "480.avif",
      "960.avif",
      "1000.avif",
      "480.webp",
      "960.webp",
      "1000.webp",
    ]);
    expect((await storedFiles()).sort()).toEqual(
      variants.map((variant) => variant.name.split("/")[1]).sort(),
    );
    for (const variant of variants) {
      const bytes = await caller.covers.get(variant.name);
      if (!bytes) throw new Error(`${variant.name} missing`);
      const metadata = await sharp(bytes).metadata();
      expect({
        name: variant.name,
        format: metadata.format,
        width: metadata.width,
        exif: metadata.exif,
        orientation: metadata.orientation,
      }).toEqual({
        name: variant.name,
        format: variant.format === "avif" ? "heif" : "webp",
        width: variant.width,
        exif: undefined,
        orientation: undefined,
      });
    }

    const replaced = await setEventCover(
      db,
      { eventId: event.id, image: await photo(2400, 1200, "png") },
      caller,
    );
    expect(replaced).toMatchObject({ coverWidth: 1600, coverHeight: 800 });
    expect((await storedFiles()).sort()).toEqual(
      coverVariants(replaced.coverKey, 1600)
        .map((variant) => variant.name.split("/")[1])
        .sort(),
    );

    expect(await removeEventCover(db, { eventId: event.id }, caller)).toEqual({ removed: true });
    expect(await storedFiles()).toEqual([]);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      coverKey: null,
      coverWidth: null,
      coverHeight: null,
    });
    expect(
      await db.auditLog.count({
        where: { entityId: event.id, action: { in: ["event.setCover", "event.removeCover"] } },
      }),
    ).toBe(3);
  });

  it("refuses what is no cover, and other organizers' events, storing nothing", async () => {
    const { db } = database();
    const { event, caller } = await coverCaller(db);
    const refusals = [
      [Buffer.from("%PDF-1.7 not a picture"), "COVER_NOT_IMAGE", /not a JPEG, PNG/],
      [(await photo(1000, 600)).subarray(0, 300), "COVER_NOT_IMAGE", /not a JPEG, PNG/],
      [await photo(200, 150, "png"), "COVER_DIMENSIONS", /200 × 150 pixels; .* at least 320 × 180/],
      [await photo(4000, 200, "png"), "COVER_DIMENSIONS", /4000 × 200 .* 4 times as wide/],
      [await photo(7000, 4000, "png"), "COVER_DIMENSIONS", /at most 6000 on a side/],
      [Buffer.alloc(8 * 1024 * 1024 + 1), "COVER_TOO_LARGE", /larger than 8 MB/],
    ] as const;
    for (const [image, reason, message] of refusals) {
      const error = await failure(setEventCover(db, { eventId: event.id, image }, caller));
      expect({ reason, code: error.code, details: error.details }).toEqual({
        reason,
        code: "BAD_REQUEST",
        details: { reason },
      });
      expect(error.message).toMatch(message);
    }
    const stranger = await makeUser(db, { role: "ORGANIZER" });
    const foreign = await failure(
      setEventCover(
        db,
        { eventId: event.id, image: await photo(1000, 600) },
        { ...caller, user: { ...stranger, sessionVersion: 0 } },
      ),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await storedFiles()).toEqual([]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).coverKey).toBeNull();
  });
});
