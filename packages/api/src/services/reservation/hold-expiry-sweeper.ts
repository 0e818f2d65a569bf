// Sweeps each hold as soon as it ends, so every open seat map sees the seat free again within
// moments of its expiry rather than at the next fixed tick. It sleeps until the earliest
// expires_at (by the database's clock: one look at the expires_at index), at most `intervalMs`,
// and the seat-change feed wakes it early when a hold that ends sooner is made anywhere. Several
// app instances may each run one: SKIP LOCKED splits the sweep between them.
import type { Db } from "@openticket/db";
import type { SeatChangeFeed } from "../seat-changes/feed.ts";
import { msUntilNextHoldExpiry, sweepExpiredHolds } from "./sweep-expired-holds.ts";

/**
 * The shortest pause between sweeps: an expired hold that a sweep had to skip (checkout held
 * its lock) must not make the loop spin.
 */
const MIN_PAUSE_MS = 200;

export type HoldExpirySweeper = { stop(): Promise<void> };

export function startHoldExpirySweeper(
  db: Db,
  options: {
    /** The longest sleep, whatever the holds say (a safety net for missed notifications). */
    intervalMs: number;
    /** Null: no early wake-ups, the sweeper then relies on the expiry it last read. */
    feed: SeatChangeFeed | null;
    /** The clock new holds are stamped with (the database's, in the app). */
    now?: () => Date;
    onError?: (error: unknown) => void;
  },
): HoldExpirySweeper {
  const controller = new AbortController();
  const { signal } = controller;
  const now = () => (options.now ? options.now().getTime() : Date.now());
  // The earliest expiry heard of since the last look at the table, and the wake-up planned.
  let heardExpiry = Number.POSITIVE_INFINITY;
  let plannedWake = Number.POSITIVE_INFINITY;
  let wake: () => void = () => {};

  const hear = (expiresAt: number) => {
    heardExpiry = Math.min(heardExpiry, expiresAt);
    if (expiresAt < plannedWake) wake();
  };

  const listening = (async () => {
    if (!options.feed) return;
    for await (const batch of options.feed.subscribeToAll(signal)) {
      // After a reconnection, holds may have been made unheard: look at the table again.
      if (batch.resync) hear(now());
      for (const change of batch.changes) {
        if (change.status === "HELD" && change.expiresAt) hear(Date.parse(change.expiresAt));
      }
    }
  })().catch((error) => options.onError?.(error));

  const sweeping = (async () => {
    while (!signal.aborted) {
      heardExpiry = Number.POSITIVE_INFINITY;
      let pause = options.intervalMs;
      try {
        await sweepExpiredHolds(db);
        const untilNext = await msUntilNextHoldExpiry(db);
        if (untilNext !== null) pause = Math.min(pause, untilNext);
      } catch (error) {
        options.onError?.(error);
      }
      pause = Math.min(pause, heardExpiry - now());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(MIN_PAUSE_MS, pause));
        timer.unref();
        plannedWake = now() + pause;
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (signal.aborted) wake();
      });
      plannedWake = Number.POSITIVE_INFINITY;
      wake = () => {};
    }
  })();

  return {
    async stop() {
      controller.abort();
      wake();
      await Promise.all([sweeping, listening]);
    },
  };
}
