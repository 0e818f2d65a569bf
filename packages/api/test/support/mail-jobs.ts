// Driving the mail outbox's jobs in tests: run every due job now, and skip a retry's backoff
// (graphile-worker waits exp(attempt) seconds) instead of sleeping through it.
import type { Db } from "@openticket/db";
import { defaultSettings, type Settings } from "../../src/context.ts";
import { runDueJobs } from "../../src/jobs/job-queue.ts";
import { inProcessDemoProvider } from "../../src/services/payments/in-process-demo.ts";

export function runMailJobs(db: Db, url: string, settings: Partial<Settings> = {}) {
  return runDueJobs(url, {
    db,
    payments: inProcessDemoProvider(db),
    settings: { ...defaultSettings, ...settings },
  });
}

/** Every queued job due now, as if its backoff had passed. */
export async function skipBackoff(db: Db) {
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`;
}

/** Fewer tries for one message's job than the 25 it is queued with, to exhaust them quickly. */
export async function limitTries(db: Db, outboxKey: string, maxAttempts: number) {
  await db.$executeRaw`
    UPDATE graphile_worker._private_jobs SET max_attempts = ${maxAttempts}::int2
    WHERE key = ${`mail:${outboxKey}`}`;
}
