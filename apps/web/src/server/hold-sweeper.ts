// Self-hosted housekeeping: the app sweeps each expired hold as soon as it ends (it sleeps until
// the next expiry, woken early by the seat-change feed when a sooner one is made), and at least
// every HOLD_SWEEP_INTERVAL_SECONDS (default 30; 0 turns it off, e.g. on Vercel where
// vercel.json's cron calls the route instead). Correctness never depends on it — an expired
// hold already counts as free — it tells open seat maps that seats came back, and keeps the
// hold table small.
import { logger, startHoldExpirySweeper } from "@openticket/api";
import { env } from "~/env";
import { getDatabaseClock } from "~/server/database-clock";
import { getDb } from "~/server/db";
import { getSeatChangeFeed } from "~/server/seat-change-feed";

export function startHoldSweeper() {
  if (env.HOLD_SWEEP_INTERVAL_SECONDS === 0 || !env.DATABASE_URL) return;
  void getDatabaseClock().then((clock) =>
    startHoldExpirySweeper(getDb(), {
      now: clock.now,
      intervalMs: env.HOLD_SWEEP_INTERVAL_SECONDS * 1000,
      feed: getSeatChangeFeed(),
      onError: (error) => logger.error({ err: error }, "sweeping expired holds failed"),
    }),
  );
}
