// Self-hosted housekeeping: the app sweeps expired holds itself every HOLD_SWEEP_INTERVAL_SECONDS
// (default 30; 0 turns it off, e.g. on Vercel where vercel.json's cron calls the route instead).
// Correctness never depends on it — an expired hold already counts as free — it keeps the hold
// table small and tells open seat maps that seats came back.
import { sweepExpiredHolds } from "@openticket/api";
import { env } from "~/env";
import { getDb } from "~/server/db";

export function startHoldSweeper() {
  if (env.HOLD_SWEEP_INTERVAL_SECONDS === 0 || !env.DATABASE_URL) return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweepExpiredHolds(getDb());
    } catch (error) {
      console.error("Sweeping expired holds failed:", error);
    } finally {
      running = false;
    }
  }, env.HOLD_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
}
