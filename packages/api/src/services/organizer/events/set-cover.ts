// The event's cover image, uploaded by its organizer (or an admin): checked and resized
// (../../event-cover/cover-image.ts), its files written to cover storage, then the event pointed
// at them; the files of the cover it replaces are deleted after that commits. Whose event it
// is is checked before any work, so another organizer's upload stores nothing.
import { type Db, runSerializable } from "@openticket/db";
import type { Caller } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { id } from "../../../input.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { processCover } from "../../event-cover/cover-image.ts";
import type { CoverStorage } from "../../event-cover/cover-storage.ts";
import { coverVariants } from "../../event-cover/cover-variants.ts";
import { findOwnEvent } from "../ownership.ts";

export type CoverCaller = Caller & { covers: CoverStorage };

export async function setEventCover(
  db: Db,
  input: { eventId: string; image: Uint8Array },
  caller: CoverCaller,
) {
  const eventId = ownEventId(input.eventId);
  const current = await findOwnEvent(db, caller.user, eventId, { id: true, coverKey: true });
  const cover = await processCover(input.image);
  const coverKey = `${current.id}/${cover.hash}`;
  const names = cover.files.map((file) => `${coverKey}-${file.width}.${file.format}`);
  await Promise.all(
    cover.files.map((file, index) => caller.covers.put(names[index] ?? "", file.bytes)),
  );
  let replaced: { coverKey: string | null; coverWidth: number | null };
  try {
    replaced = await runSerializable(db, async (tx) => {
      const event = await findOwnEvent(tx, caller.user, eventId, {
        id: true,
        coverKey: true,
        coverWidth: true,
      });
      await tx.event.update({
        where: { id: event.id },
        data: { coverKey, coverWidth: cover.width, coverHeight: cover.height },
      });
      await recordAudit(tx, {
        actorId: caller.user.id,
        action: "event.setCover",
        entityType: "event",
        entityId: event.id,
        before: { coverKey: event.coverKey },
        after: { coverKey, width: cover.width, height: cover.height },
      });
      return event;
    });
  } catch (error) {
    // Nothing points at the new files (unless the same picture already was the cover).
    if (current.coverKey !== coverKey) await caller.covers.remove(names);
    throw error;
  }
  if (replaced.coverKey && replaced.coverWidth && replaced.coverKey !== coverKey) {
    await removeCoverFiles(caller.covers, replaced.coverKey, replaced.coverWidth);
  }
  return { coverKey, coverWidth: cover.width, coverHeight: cover.height };
}

/** Back to the generated cover; the files go once the event no longer points at them. */
export async function removeEventCover(db: Db, input: { eventId: string }, caller: CoverCaller) {
  const eventId = ownEventId(input.eventId);
  const removed = await runSerializable(db, async (tx) => {
    const event = await findOwnEvent(tx, caller.user, eventId, {
      id: true,
      coverKey: true,
      coverWidth: true,
    });
    if (!event.coverKey) return null;
    await tx.event.update({
      where: { id: event.id },
      data: { coverKey: null, coverWidth: null, coverHeight: null },
    });
    await recordAudit(tx, {
      actorId: caller.user.id,
      action: "event.removeCover",
      entityType: "event",
      entityId: event.id,
      before: { coverKey: event.coverKey },
      after: { coverKey: null },
    });
    return event;
  });
  if (removed?.coverKey && removed.coverWidth) {
    await removeCoverFiles(caller.covers, removed.coverKey, removed.coverWidth);
  }
  return { removed: Boolean(removed) };
}

function removeCoverFiles(covers: CoverStorage, coverKey: string, coverWidth: number) {
  return covers.remove(coverVariants(coverKey, coverWidth).map((variant) => variant.name));
}

/** A malformed id names no event: the same answer as another organizer's. */
function ownEventId(eventId: string) {
  if (!id.safeParse(eventId).success) throw new AppError("NOT_FOUND", "This event does not exist.");
  return eventId;
}
