// Scanning without the network. While online the app keeps the event's offline kit (its public
// key, and the tickets that are cancelled or already in); offline it checks a code's signature
// with that key (`@openticket/api/ticket-code`), admits it on this phone, and keeps the scan
// until it syncs (`checkin.sync`). Everything is in localStorage, so a reload or a closed tab
// loses nothing. OpenTicket decides what each synced scan was: the first scan of a ticket
// wins, and the others come back as conflicts for the staff to see.
import type { RouterOutputs } from "@openticket/api";
import { readTicketCode, verifyTicketCode } from "@openticket/api/ticket-code";
import { v4 as uuidv4 } from "uuid";
import { api } from "./api.ts";
import { deviceId } from "./device.ts";

type Kit = RouterOutputs["checkin"]["offlineKit"];
export type SyncedScan = RouterOutputs["checkin"]["sync"]["results"][number];

/** A scan made offline, waiting to sync. */
type PendingScan = {
  localId: string;
  code: string;
  door: string;
  ticketId: string;
  scannedAt: string;
};

export type OfflineAnswer = {
  outcome:
    | "ADMITTED"
    | "ALREADY_CHECKED_IN"
    | "CANCELLED"
    | "WRONG_EVENT"
    | "UNKNOWN"
    /** A code from before signed codes, or no kit on this phone: check it online. */
    | "NOT_VERIFIABLE";
  offline: true;
};

/** The most scans one sync call may carry (the api's MAX_SCANS_PER_SYNC). */
const SYNC_BATCH = 200;

const kitKey = (eventId: string) => `openticket.checkin.kit.${eventId}`;
const pendingKey = (eventId: string) => `openticket.checkin.pending.${eventId}`;

/** How long a sync or kit request may take before the phone counts it as no network. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Downloads the event's kit and keeps it on this phone. */
export async function refreshKit(eventId: string): Promise<Kit> {
  // A request a dead connection leaves hanging would keep the station "syncing" for minutes:
  // past this, it counts as no network (and is tried again).
  const kit = await api.checkin.offlineKit.query(
    { eventId },
    { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
  );
  try {
    localStorage.setItem(kitKey(eventId), JSON.stringify(kit));
  } catch {
    // Storage full: offline checks go on with the kit kept before (or answer NOT_VERIFIABLE).
  }
  return kit;
}

export function storedKit(eventId: string): Kit | null {
  const saved = localStorage.getItem(kitKey(eventId));
  return saved ? (JSON.parse(saved) as Kit) : null;
}

export function pendingScans(eventId: string): PendingScan[] {
  const saved = localStorage.getItem(pendingKey(eventId));
  return saved ? (JSON.parse(saved) as PendingScan[]) : [];
}

function savePending(eventId: string, scans: PendingScan[]) {
  localStorage.setItem(pendingKey(eventId), JSON.stringify(scans));
}

/** Checks a code with the kit and, when it is valid and not yet in, admits it on this phone. */
export async function scanOffline(
  eventId: string,
  door: string,
  code: string,
): Promise<OfflineAnswer> {
  const answer = (outcome: OfflineAnswer["outcome"]): OfflineAnswer => ({ outcome, offline: true });
  const kit = storedKit(eventId);
  if (!kit) return answer("NOT_VERIFIABLE");
  // A browser without Ed25519 in WebCrypto cannot check signatures: say so, never stay silent.
  const check = await verifyTicketCode(code, kit.keys).catch(() => null);
  if (!check) return answer("NOT_VERIFIABLE");
  if (!check.valid) {
    if (check.claims && check.claims.eventId !== eventId) return answer("WRONG_EVENT");
    // Signed by a newer key than this phone holds (the codes were re-issued since its kit).
    const newest = Math.max(0, ...kit.keys.map((key) => key.number));
    if (check.reason === "UNKNOWN_KEY" && (check.claims?.keyNumber ?? 0) > newest) {
      return answer("NOT_VERIFIABLE");
    }
    // Codes from before signing are 22 random characters: only OpenTicket knows them.
    if (check.reason === "NOT_SIGNED" && /^[A-Za-z0-9_-]{16,64}$/.test(code)) {
      return answer("NOT_VERIFIABLE");
    }
    return answer("UNKNOWN"); // garbage, forged, or signed by a key rotated away
  }
  const { ticketId } = check.claims;
  if (check.claims.eventId !== eventId) return answer("WRONG_EVENT");
  if (kit.cancelled.includes(ticketId)) return answer("CANCELLED");
  const pending = pendingScans(eventId);
  if (kit.checkedIn.includes(ticketId) || pending.some((scan) => scan.ticketId === ticketId)) {
    return answer("ALREADY_CHECKED_IN");
  }
  pending.push({
    localId: uuidv4(),
    code,
    door,
    ticketId,
    scannedAt: new Date().toISOString(),
  });
  savePending(eventId, pending);
  return answer("ADMITTED");
}

/**
 * Sends this phone's offline scans of the event, a batch at a time, and forgets each batch once
 * OpenTicket has answered it (a batch sent again is answered the same: nothing twice).
 */
export async function syncPending(eventId: string): Promise<SyncedScan[]> {
  const results: SyncedScan[] = [];
  for (;;) {
    const pending = pendingScans(eventId);
    const first = pending[0];
    if (!first) break;
    const batch = pending.filter((scan) => scan.door === first.door).slice(0, SYNC_BATCH);
    const synced = await api.checkin.sync.mutate(
      {
        eventId,
        door: first.door,
        deviceId: deviceId(),
        scans: batch.map((scan) => ({
          localId: scan.localId,
          code: scan.code,
          scannedAt: new Date(scan.scannedAt),
        })),
      },
      { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
    );
    results.push(...synced.results);
    const done = new Set(batch.map((scan) => scan.localId));
    savePending(
      eventId,
      pendingScans(eventId).filter((scan) => !done.has(scan.localId)),
    );
  }
  return results;
}

/** Whether this phone let the ticket of a signed code in offline, not yet synced. */
export function admittedHereUnsynced(eventId: string, code: string): boolean {
  const ticketId = readTicketCode(code)?.ticketId;
  return ticketId !== undefined && pendingScans(eventId).some((scan) => scan.ticketId === ticketId);
}

const conflictsKey = (eventId: string) => `openticket.checkin.conflicts.${eventId}`;

/** Scans a sync did not simply admit, kept (until staff dismiss them) across reloads. */
export function addConflicts(eventId: string, results: SyncedScan[]): SyncedScan[] {
  const all = [...storedConflicts(eventId), ...results.filter((r) => r.outcome !== "ADMITTED")];
  localStorage.setItem(conflictsKey(eventId), JSON.stringify(all));
  return all;
}

export function storedConflicts(eventId: string): SyncedScan[] {
  const saved = localStorage.getItem(conflictsKey(eventId));
  return saved ? (JSON.parse(saved) as SyncedScan[]) : [];
}

export function dismissConflicts(eventId: string) {
  localStorage.removeItem(conflictsKey(eventId));
}
