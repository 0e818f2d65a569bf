// checkin.sync: a door device that scanned while offline reports those scans when it is back.
// Each scan is recorded once (unique per device and the device's own id for it), so a sync
// that is retried — the answer lost, the app killed mid-sync — records nothing twice and gives
// the same answers. What each scan becomes:
//
//   ADMITTED     the ticket was still VALID: it is checked in at the scan's time and door.
//   DUPLICATE    the ticket was also admitted by another scan — a conflict for staff. The first
//                scan wins: when this offline scan is earlier than the admission on record, it
//                becomes the admission and the other is kept as superseded (`firstScan: true`).
//                A scan is dated no earlier than its ticket and 24 hours before the sync.
//
// A code re-issued since the scan (the organizer rotated the event's key while the phone was
// offline) still names its ticket, if it was signed by the retired key and scanned before the
// rotation: the person was let in on it.
//   CANCELLED    the ticket was cancelled or refunded: a conflict (someone got in on it).
//   WRONG_EVENT / UNKNOWN  as for an online scan; the device should not have admitted these.
import { type Db, runGuarded, type Tx } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { dateTime, id, name, text } from "../../input.ts";
import { readTicketCode, verifyTicketCode } from "../../ticket-code.ts";
import { isUniqueViolation } from "../payments/unique-violation.ts";
import { findScannableEvent } from "./scanner-access.ts";
import { type TicketFacts, ticketFacts, ticketFactsSelect } from "./ticket-facts.ts";

/** The most scans one sync call carries; the app sends more in several calls. */
export const MAX_SCANS_PER_SYNC = 200;

export const syncOfflineScansInput = z.object({
  eventId: id,
  door: name(40),
  deviceId: text(64, { min: 8 }),
  scans: z
    .array(
      z.object({
        /** The device's own id for the scan (a random UUID). */
        localId: text(64, { min: 8 }),
        code: text(1000),
        /** When the device scanned it, by the device's clock. */
        scannedAt: dateTime,
      }),
    )
    .min(1)
    .max(MAX_SCANS_PER_SYNC),
});

type Input = z.output<typeof syncOfflineScansInput>;
type Scan = Input["scans"][number];
type Outcome = "ADMITTED" | "DUPLICATE" | "CANCELLED" | "WRONG_EVENT" | "UNKNOWN";

export type SyncedScan = {
  localId: string;
  outcome: Outcome;
  ticket: TicketFacts | null;
  /** DUPLICATE: whether this scan came first (and is the ticket's admission). */
  firstScan: boolean | null;
  /** DUPLICATE: the other admission's door (null: not recorded) and time. */
  other: { door: string | null; at: Date } | null;
};

const CODE_SHAPE = /^[A-Za-z0-9_-]{16,160}$/;

/** How long before its sync a scan may be dated: a door offline all day, not longer. */
const MAX_OFFLINE_MS = 24 * 3600_000;

export async function syncOfflineScans(db: Db, input: Input, caller: Caller) {
  await findScannableEvent(db, caller.user, input.eventId, { id: true });
  const results: SyncedScan[] = [];
  // In scan order, so the device's own repeated scans of a ticket resolve the way they happened.
  const scans = [...input.scans].sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
  for (const scan of scans) results.push(await syncOne(db, input, scan, caller));
  return { results };
}

async function syncOne(db: Db, input: Input, scan: Scan, caller: Caller): Promise<SyncedScan> {
  const recorded = await recordedAnswer(db, input, scan.localId);
  if (recorded) return recorded;
  const now = caller.now();
  const found = await findTicket(db, input.eventId, scan);
  // A device clock ahead of ours does not date a scan in the future, nor one far behind (or a
  // device lying) before the ticket existed or long ago: an earlier scan supersedes admissions.
  const earliest = Math.max(
    now.getTime() - MAX_OFFLINE_MS,
    found?.createdAt.getTime() ?? Number.NEGATIVE_INFINITY,
  );
  const scannedAt = new Date(Math.min(now.getTime(), Math.max(earliest, scan.scannedAt.getTime())));
  try {
    return await runGuarded(db, async (tx) => {
      const decided = !found
        ? answer(scan, "UNKNOWN")
        : found.order.eventId !== input.eventId
          ? answer(scan, "WRONG_EVENT")
          : await admit(tx, input, found.id, ticketFacts(found), scan, scannedAt, caller, now);
      await tx.offlineScan.create({
        data: {
          eventId: input.eventId,
          deviceId: input.deviceId,
          localId: scan.localId,
          code: scan.code,
          door: input.door,
          scannedAt,
          syncedAt: now,
          syncedById: caller.user.id,
          outcome: decided.outcome,
          ticketId: decided.ticket?.ticketId ?? null,
          firstScan: decided.firstScan,
          otherDoor: decided.other?.door ?? null,
          otherAt: decided.other?.at ?? null,
        },
      });
      return decided;
    });
  } catch (error) {
    // The same scan synced at this moment by a retry of this sync: its answer stands.
    if (!isUniqueViolation(error)) throw error;
    const answered = await recordedAnswer(db, input, scan.localId);
    if (!answered) throw error;
    return answered;
  }
}

/**
 * The ticket a scanned code names: by its code as issued; else, for a code signed by a key of
 * this event since retired (its codes re-issued), by the ticket it names — as long as the scan
 * was made before the key was retired: a phone offline through a rotation let that code in.
 */
async function findTicket(db: Db, eventId: string, scan: Scan) {
  if (!CODE_SHAPE.test(scan.code)) return null;
  const select = { ...ticketFactsSelect, createdAt: true } as const;
  const issued = await db.ticket.findUnique({ where: { code: scan.code }, select });
  if (issued) return issued;
  const claims = readTicketCode(scan.code);
  if (!claims || claims.eventId !== eventId) return null;
  const retired = await db.ticketSigningKey.findMany({
    where: { eventId, number: claims.keyNumber, retiredAt: { gt: scan.scannedAt } },
    select: { number: true, publicKey: true },
  });
  if (!(await verifyTicketCode(scan.code, retired)).valid) return null;
  return db.ticket.findFirst({
    where: { id: claims.ticketId, order: { eventId } },
    select,
  });
}

async function admit(
  tx: Tx,
  input: Input,
  ticketId: string,
  ticket: TicketFacts,
  scan: Scan,
  scannedAt: Date,
  caller: Caller,
  now: Date,
): Promise<SyncedScan> {
  const checkIn = {
    ticketId,
    eventId: input.eventId,
    door: input.door,
    deviceId: input.deviceId,
    scannedById: caller.user.id,
    scannedAt,
  };
  const flipped = await tx.ticket.updateMany({
    where: { id: ticketId, status: "VALID" },
    data: { status: "CHECKED_IN", checkedInAt: scannedAt },
  });
  if (flipped.count === 1) {
    await tx.checkIn.create({ data: checkIn });
    return { ...answer(scan, "ADMITTED"), ticket };
  }
  // Lock the ticket so an online scan or undo cannot change it under us, then read it.
  const [current] = await tx.$queryRaw<{ status: string; checkedInAt: Date | null }[]>`
    SELECT status::text, checked_in_at AS "checkedInAt" FROM tickets
    WHERE id = ${ticketId}::uuid FOR UPDATE`;
  if (current?.status === "CANCELLED") return { ...answer(scan, "CANCELLED"), ticket };
  if (current?.status !== "CHECKED_IN") {
    // VALID again: an undo committed since our UPDATE. The next attempt admits it.
    throw Object.assign(new Error("The ticket changed while its scan was synced."), {
      code: "40001",
    });
  }
  const admission = await tx.checkIn.findFirst({
    where: { ticketId, undoneAt: null, supersededAt: null },
    select: { id: true, door: true, scannedAt: true },
  });
  // A ticket checked in before doors were recorded has no admission row: its time stands.
  const firstAt = admission?.scannedAt ?? current.checkedInAt ?? now;
  const other = { door: admission?.door ?? null, at: firstAt };
  if (firstAt <= scannedAt) {
    return { ...answer(scan, "DUPLICATE"), ticket, firstScan: false, other };
  }
  // This offline scan came first: it is the ticket's admission; the later one is superseded.
  if (admission) {
    await tx.checkIn.update({ where: { id: admission.id }, data: { supersededAt: now } });
  }
  await tx.checkIn.create({ data: checkIn });
  await tx.ticket.update({ where: { id: ticketId }, data: { checkedInAt: scannedAt } });
  return { ...answer(scan, "DUPLICATE"), ticket, firstScan: true, other };
}

function answer(scan: Scan, outcome: Outcome): SyncedScan {
  return { localId: scan.localId, outcome, ticket: null, firstScan: null, other: null };
}

async function recordedAnswer(db: Db, input: Input, localId: string): Promise<SyncedScan | null> {
  const row = await db.offlineScan.findUnique({
    where: { deviceId_localId: { deviceId: input.deviceId, localId } },
  });
  if (!row) return null;
  // Another event's scan under the same ids tells this caller nothing.
  if (row.eventId !== input.eventId) {
    return { localId, outcome: "UNKNOWN", ticket: null, firstScan: null, other: null };
  }
  const ticket = row.ticketId
    ? await db.ticket.findUnique({ where: { id: row.ticketId }, select: ticketFactsSelect })
    : null;
  return {
    localId,
    outcome: row.outcome as Outcome,
    ticket: ticket ? ticketFacts(ticket) : null,
    firstScan: row.firstScan,
    other: row.otherAt ? { door: row.otherDoor, at: row.otherAt } : null,
  };
}
