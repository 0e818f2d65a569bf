// event.seatStatus and event.onSeatStatus: the shared status board (./status-board.ts) as one
// caller sees it. The shared part costs no SQL once the board is live; the caller's own held
// seats (`mine`) are read per caller, one index lookup, and never shared.
import { on } from "node:events";
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Visitor } from "../../context.ts";
import { id, text } from "../../input.ts";
import type { SeatChangeFeed } from "../seat-changes/feed.ts";
import {
  type MyHeldSeats,
  packStatuses,
  SEAT_CODES,
  type SeatStatusMessage,
  type SeatStatusWire,
  unpackStatuses,
} from "./codec.ts";
import { getSeatLayout, type ServerSeatLayout } from "./layout.ts";
import { type BoardDelta, SeatStatusBoard, seatStatusBoard } from "./status-board.ts";

export const seatStatusInput = z.object({ eventId: id });

export const seatStatusStreamInput = z.object({
  eventId: id,
  /** The version the client holds; anything this process does not recognise gets a snapshot. */
  since: text(64).optional(),
});

type StatusCaller = Visitor & { seatChanges: SeatChangeFeed | null; signal?: AbortSignal };

async function visibleBoard(db: Db, eventId: string, caller: StatusCaller) {
  // Visibility first (NOT_FOUND for unknown events and others' drafts), from the cached layout.
  await getSeatLayout(db, eventId, caller, { signal: caller.signal });
  const board = await abortable(seatStatusBoard(db, caller.seatChanges, eventId), caller.signal);
  board.lastUsed = Date.now();
  return board;
}

export async function getSeatStatus(
  db: Db,
  input: z.output<typeof seatStatusInput>,
  caller: StatusCaller,
): Promise<SeatStatusWire> {
  const board = await visibleBoard(db, input.eventId, caller);
  return statusFor(db, board, caller);
}

async function statusFor(db: Db, board: SeatStatusBoard, caller: Visitor): Promise<SeatStatusWire> {
  const layout = board.layout as ServerSeatLayout;
  // Read synchronously, so version and statuses belong together whatever happens meanwhile.
  const version = board.version;
  const statuses = board.packedStatuses(caller.now().getTime());
  const believedMine = caller.user ? board.heldBy(caller.user.id) : [];
  const mine = await myHeldSeats(db, layout, board.eventId, caller);
  // The board thinks the caller holds seats the database says they do not (a hold ended or
  // moved without an announcement): this caller sees them free, and the board reads again.
  const confirmed = new Set(mine.positions);
  const gone = believedMine.filter((position) => !confirmed.has(position));
  if (gone.length === 0) return { version, layoutVersion: layout.wire.version, statuses, mine };
  board.reconcile();
  const codes = unpackStatuses(statuses, layout.eventSeatIds.length);
  for (const position of gone) codes[position] = SEAT_CODES.AVAILABLE;
  return { version, layoutVersion: layout.wire.version, statuses: packStatuses(codes), mine };
}

async function myHeldSeats(
  db: Db,
  layout: ServerSeatLayout,
  eventId: string,
  caller: Visitor,
): Promise<MyHeldSeats> {
  if (!caller.user) return { positions: [], expiresAt: null };
  const holds = await db.seatHold.findMany({
    where: { eventId, userId: caller.user.id, expiresAt: { gt: caller.now() } },
    select: { eventSeatId: true, expiresAt: true },
  });
  const positions = holds.flatMap((hold) => layout.positionOf.get(hold.eventSeatId) ?? []);
  const ends = holds.map((hold) => hold.expiresAt.getTime());
  return {
    positions: positions.sort((a, b) => a - b),
    expiresAt: ends.length ? new Date(Math.min(...ends)) : null,
  };
}

/**
 * The live stream: missed deltas when `since` is a recent version of this process's board, else
 * a snapshot first; then every delta, and a snapshot whenever the board starts a new version
 * line (another layout).
 */
export async function streamSeatStatus(
  db: Db,
  input: z.output<typeof seatStatusStreamInput>,
  caller: StatusCaller & { signal: AbortSignal | undefined },
): Promise<AsyncGenerator<SeatStatusMessage>> {
  const board = await visibleBoard(db, input.eventId, caller);
  const viewerId = caller.user?.id ?? null;
  const message = (delta: BoardDelta): SeatStatusMessage => ({
    version: `${board.boardId}.${delta.seq}`,
    previous: `${board.boardId}.${delta.seq - 1}`,
    changes: SeatStatusBoard.forViewer(delta.changes, viewerId),
  });
  return (async function* () {
    board.subscribers++;
    try {
      // Listening before reading, and reading synchronously: no delta falls in between.
      const deltas = on(board.emitter, "delta", { signal: caller.signal });
      const resets = on(board.emitter, "reset", { signal: caller.signal });
      let lastSeq = board.seq;
      let lineId = board.boardId;
      const missed = input.since ? board.deltasSince(input.since) : null;
      if (missed) {
        for (const delta of missed) yield message(delta);
      } else {
        yield { version: board.version, snapshot: await statusFor(db, board, caller) };
      }
      for await (const event of merge(deltas, resets, caller.signal)) {
        board.lastUsed = Date.now();
        if (event === "reset" || lineId !== board.boardId) {
          lineId = board.boardId;
          lastSeq = board.seq;
          yield { version: board.version, snapshot: await statusFor(db, board, caller) };
        } else if (event.seq > lastSeq) {
          lastSeq = event.seq;
          yield message(event);
        }
      }
    } catch (error) {
      if ((error as { name?: string }).name !== "AbortError") throw error;
    } finally {
      board.subscribers--;
    }
  })();
}

async function* merge(
  deltas: AsyncIterableIterator<unknown[]>,
  resets: AsyncIterableIterator<unknown[]>,
  signal?: AbortSignal,
): AsyncGenerator<BoardDelta | "reset"> {
  let nextDelta = deltas.next();
  let nextReset = resets.next();
  while (!signal?.aborted) {
    const winner = await Promise.race([
      nextDelta.then((result) => ({ kind: "delta" as const, result })),
      nextReset.then((result) => ({ kind: "reset" as const, result })),
    ]);
    if (winner.result.done) return;
    if (winner.kind === "delta") {
      yield winner.result.value[0] as BoardDelta;
      nextDelta = deltas.next();
    } else {
      yield "reset";
      nextReset = resets.next();
    }
  }
}

/** Stops waiting when the caller leaves; shared work it waited on goes on for the others. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
