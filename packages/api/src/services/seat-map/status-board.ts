// The live status of one event's seats, ONE per process per event, shared by every request.
//
// With the seat-change feed: the board subscribes first, then reads a snapshot, then applies
// what the feed delivered meanwhile and from then on (each change carries an absolute status, so
// applying them in commit order after the snapshot converges), all through one queue so nothing
// runs out of order. Each applied batch is a versioned delta kept in a short ring, so a client
// that missed a few catches up without a snapshot. A feed reconnection, a change to an unknown
// seat, and every RECONCILE_MS re-read the snapshot (through the same queue) and publish the
// difference: that repairs what NOTIFY cannot promise, and hold ends moved by checkout, which
// are not announced.
//
// Without a feed (in-process callers) the board re-reads its snapshot when it is older than
// SNAPSHOT_TTL_MS, once for all concurrent callers.
//
// Holds past their end count as free: the board keeps each hold's end and frees ended holds
// before every read. Live viewers hear of an end from the sweeper's announcement, which follows
// at once (it sleeps until the next end), and free the seat themselves if it does not come
// (deltas carry each hold's end). A board nobody asked for in IDLE_MS is closed and forgotten.

import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Db } from "@openticket/db";
import type { SeatChangeFeed } from "../seat-changes/feed.ts";
import type { SeatChange } from "../seat-changes/publish.ts";
import { packStatuses, SEAT_CODES, type SeatStatusChange } from "./codec.ts";
import type { ServerSeatLayout } from "./layout.ts";
import { cachedLayoutUnchecked } from "./layout.ts";

const RING_SIZE = 256;
export const SNAPSHOT_TTL_MS = 1_000;
const RECONCILE_MS = 30_000;
const IDLE_MS = 60_000;

type Hold = { holderId: string; expiresAt: number };
type Change = { position: number; code: number; hold?: Hold };
export type BoardDelta = { seq: number; changes: Change[] };

/** What the counters say, for tests and the benchmark. */
export const seatStatusStats = { snapshots: 0 };

export class SeatStatusBoard {
  readonly emitter = new EventEmitter();
  /** Changes with every snapshot that is not a continuation (first read, another layout). */
  boardId = "";
  seq = 0;
  layout: ServerSeatLayout | null = null;
  private codes = new Uint8Array(0);
  private holds = new Map<number, Hold>();
  /** The positions each buyer holds, as the board knows them. */
  private byHolder = new Map<string, Set<number>>();
  private ring: BoardDelta[] = [];
  private packed: { seq: number; value: string } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly abort = new AbortController();
  private reconcileTimer: NodeJS.Timeout | null = null;
  private snapshotAt = 0;
  private refreshing: Promise<void> | null = null;
  lastUsed = Date.now();
  subscribers = 0;
  /** Resolves once the first snapshot is in. */
  readonly ready: Promise<void>;

  constructor(
    private readonly db: Db,
    readonly eventId: string,
    private readonly feed: SeatChangeFeed | null,
  ) {
    this.emitter.setMaxListeners(0);
    if (feed) {
      let resolveReady!: () => void;
      let rejectReady!: (error: unknown) => void;
      this.ready = new Promise((resolve, reject) => {
        resolveReady = resolve;
        rejectReady = reject;
      });
      this.ready.catch(() => {});
      void this.follow(feed, resolveReady, rejectReady);
      this.reconcileTimer = setInterval(() => this.reconcile(), RECONCILE_MS);
      this.reconcileTimer.unref();
    } else {
      this.ready = this.refresh();
    }
  }

  get version() {
    return `${this.boardId}.${this.seq}`;
  }

  /** Brings a feed-less board up to date (single-flight, at most SNAPSHOT_TTL_MS old). */
  async fresh(): Promise<void> {
    this.lastUsed = Date.now();
    await this.ready;
    if (!this.feed && Date.now() - this.snapshotAt > SNAPSHOT_TTL_MS) await this.refresh();
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.refreshNow();
    return this.refreshing;
  }

  /** The shared statuses, packed once per version; holds ended by `now` freed first. */
  packedStatuses(now: number): string {
    this.expireDue(now);
    if (this.packed?.seq !== this.seq || !this.packed) {
      this.packed = { seq: this.seq, value: packStatuses(this.codes) };
    }
    return this.packed.value;
  }

  /** The deltas after `version`, or null when it is not one of this board's recent versions. */
  deltasSince(version: string): BoardDelta[] | null {
    const [boardId, seqText = ""] = version.split(".");
    const seq = Number(seqText);
    if (boardId !== this.boardId || !/^\d{1,15}$/.test(seqText) || seq > this.seq) return null;
    if (seq === this.seq) return [];
    const first = this.ring[0];
    if (!first || first.seq > seq + 1) return null;
    return this.ring.filter((delta) => delta.seq > seq);
  }

  /** Changes as one caller sees them: their own holds as MINE. */
  static forViewer(changes: Change[], viewerId: string | null): SeatStatusChange[] {
    return changes.map(({ position, code, hold }) => {
      if (code !== SEAT_CODES.HELD || !hold) return [position, code as SeatStatusChange[1]];
      const seen = hold.holderId === viewerId ? SEAT_CODES.MINE : SEAT_CODES.HELD;
      return [position, seen, hold.expiresAt];
    });
  }

  close() {
    this.abort.abort();
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    this.emitter.removeAllListeners();
  }

  private enqueue<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  private async follow(
    feed: SeatChangeFeed,
    resolveReady: () => void,
    rejectReady: (error: unknown) => void,
  ) {
    let first = true;
    try {
      for await (const batch of feed.subscribe(this.eventId, this.abort.signal)) {
        if (batch.resync) {
          const snapshot = this.enqueue(() => this.snapshot());
          if (first) {
            first = false;
            snapshot.then(resolveReady, rejectReady);
          } else {
            snapshot.catch(() => {});
          }
        } else {
          this.enqueue(() => this.applyFeedChanges(batch.changes)).catch(() => {});
        }
      }
    } catch (error) {
      rejectReady(error);
    }
  }

  private async applyFeedChanges(changes: SeatChange[]) {
    const layout = this.layout;
    if (!layout) return;
    const applied: Change[] = [];
    for (const change of changes) {
      const position = layout.positionOf.get(change.seatId);
      if (position === undefined) {
        // A seat this layout does not know: the layout changed; read everything again.
        await this.snapshot();
        return;
      }
      const expiresAt = change.expiresAt ? Date.parse(change.expiresAt) : 0;
      if (change.status !== "HELD") {
        applied.push({ position, code: SEAT_CODES[change.status] });
      } else if (change.holderId && expiresAt > Date.now()) {
        const hold = { holderId: change.holderId, expiresAt };
        applied.push({ position, code: SEAT_CODES.HELD, hold });
      } else {
        // Replayed after its end: a hold past its end is no hold.
        applied.push({ position, code: SEAT_CODES.AVAILABLE });
      }
    }
    this.publish(applied);
  }

  /** Applies changes; those that change something become the next version. */
  private publish(changes: Change[]) {
    const effective: Change[] = [];
    for (const change of changes) {
      const before = this.holds.get(change.position);
      const same =
        this.codes[change.position] === change.code &&
        before?.holderId === change.hold?.holderId &&
        before?.expiresAt === change.hold?.expiresAt;
      if (same) continue;
      this.codes[change.position] = change.code;
      const previousHolder = before && this.byHolder.get(before.holderId);
      if (before && previousHolder) {
        previousHolder.delete(change.position);
        if (previousHolder.size === 0) this.byHolder.delete(before.holderId);
      }
      if (change.hold) {
        this.holds.set(change.position, change.hold);
        this.holderPositions(change.hold.holderId).add(change.position);
      } else {
        this.holds.delete(change.position);
      }
      effective.push(change);
    }
    if (effective.length === 0) return;
    const delta = { seq: ++this.seq, changes: effective };
    this.ring.push(delta);
    if (this.ring.length > RING_SIZE) this.ring.shift();
    this.emitter.emit("delta", delta);
  }

  private holderPositions(holderId: string) {
    let positions = this.byHolder.get(holderId);
    if (!positions) {
      positions = new Set();
      this.byHolder.set(holderId, positions);
    }
    return positions;
  }

  /** The positions the board believes `holderId` holds. */
  heldBy(holderId: string): number[] {
    return [...(this.byHolder.get(holderId) ?? [])];
  }

  /** Re-reads the snapshot soon (once, however many ask meanwhile), publishing what differs. */
  reconcile() {
    // A failed read leaves the board as it was; the next reconcile tries again.
    if (this.feed) this.refreshing ??= this.refreshNow().catch(() => {});
  }

  private refreshNow() {
    return this.enqueue(() => this.snapshot()).finally(() => {
      this.refreshing = null;
    });
  }

  /** Frees every hold that ended by `now`, as one delta. */
  private expireDue(now: number) {
    const ended: Change[] = [];
    for (const [position, hold] of this.holds) {
      if (hold.expiresAt <= now) ended.push({ position, code: SEAT_CODES.AVAILABLE });
    }
    if (ended.length) this.publish(ended);
  }

  /**
   * Reads every seat that is not free. The first read (or one for another layout) starts a new
   * version line; later ones publish only what differs, as a delta.
   */
  private async snapshot() {
    const layout = await cachedLayoutUnchecked(this.db, this.eventId);
    if (!layout) throw new Error(`Event ${this.eventId} has no layout.`);
    seatStatusStats.snapshots++;
    // One JSON text rather than a row per seat: at a sell-out every seat is a row.
    const [result] = await this.db.$queryRaw<{ seats: string | null }[]>`
      SELECT json_agg(json_build_array(id, status, user_id, expires_ms))::text AS seats FROM (
        SELECT es.id, es.status::text AS status, NULL::uuid AS user_id, NULL::float8 AS expires_ms
        FROM event_seats es
        WHERE es.event_id = ${this.eventId}::uuid AND es.status IN ('SOLD', 'BLOCKED')
        UNION ALL
        SELECT h.event_seat_id, 'HELD', h.user_id, extract(epoch FROM h.expires_at) * 1000
        FROM seat_holds h JOIN event_seats es ON es.id = h.event_seat_id
        WHERE h.event_id = ${this.eventId}::uuid AND es.status NOT IN ('SOLD', 'BLOCKED')
      ) taken`;
    const rows = JSON.parse(result?.seats ?? "[]") as [
      string,
      string,
      string | null,
      number | null,
    ][];
    const count = layout.eventSeatIds.length;
    const codes = new Uint8Array(count);
    const holds = new Map<number, Hold>();
    const now = Date.now();
    for (const [id, status, holderId, expiresMs] of rows) {
      const position = layout.positionOf.get(id);
      if (position === undefined) continue;
      if (status === "HELD") {
        const expiresAt = Math.round(expiresMs ?? 0);
        if (!holderId || expiresAt <= now) continue;
        codes[position] = SEAT_CODES.HELD;
        holds.set(position, { holderId, expiresAt });
      } else {
        codes[position] = status === "SOLD" ? SEAT_CODES.SOLD : SEAT_CODES.BLOCKED;
      }
    }
    this.snapshotAt = now;
    if (this.layout && this.layout.wire.version === layout.wire.version) {
      const changes: Change[] = [];
      for (let position = 0; position < count; position++) {
        changes.push({ position, code: codes[position] ?? 0, hold: holds.get(position) });
      }
      this.publish(changes);
      return;
    }
    this.layout = layout;
    this.codes = codes;
    this.holds = holds;
    this.byHolder = new Map();
    for (const [position, hold] of holds) this.holderPositions(hold.holderId).add(position);
    this.ring = [];
    this.seq = 0;
    this.boardId = randomBytes(6).toString("base64url");
    this.emitter.emit("reset");
  }
}

const boards = new WeakMap<object, Map<string, SeatStatusBoard>>();
let idleSweep: NodeJS.Timeout | null = null;
const registries = new Set<Map<string, SeatStatusBoard>>();

/**
 * The board of an event for this process: one per feed (or per database client when there is
 * no feed). Ready, and fresh enough, when this resolves.
 */
export async function seatStatusBoard(
  db: Db,
  feed: SeatChangeFeed | null,
  eventId: string,
): Promise<SeatStatusBoard> {
  const key: object = feed ?? db;
  let registry = boards.get(key);
  if (!registry) {
    registry = new Map();
    boards.set(key, registry);
    registries.add(registry);
  }
  let board = registry.get(eventId);
  if (!board) {
    board = new SeatStatusBoard(db, eventId, feed);
    registry.set(eventId, board);
    const created = board;
    const owner = registry;
    // A board whose first snapshot failed is not kept: the next request tries again.
    created.ready.catch(() => {
      if (owner.get(eventId) === created) owner.delete(eventId);
      created.close();
    });
    startIdleSweep();
  }
  await board.fresh();
  return board;
}

function startIdleSweep() {
  if (idleSweep) return;
  idleSweep = setInterval(() => {
    const now = Date.now();
    for (const registry of registries) {
      for (const [eventId, board] of registry) {
        if (board.subscribers === 0 && now - board.lastUsed > IDLE_MS) {
          board.close();
          registry.delete(eventId);
        }
      }
    }
  }, IDLE_MS / 2);
  idleSweep.unref();
}
