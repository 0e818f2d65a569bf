// Self-hosted background work: the job queue (graphile-worker; packages/api/src/jobs) runs in
// this server process — the payment reconciler every minute, and queued refunds of cancelled
// events. Where no process stays up (serverless), set JOB_RUNNER=off and have a scheduler call
// GET /api/cron/run-jobs instead (vercel.json does).
import { type JobQueue, jobQueueFor, logger, startJobRunner } from "@openticket/api";
import { env } from "~/env";
import { settingsFromEnv } from "~/server/api-context";
import { getDb } from "~/server/db";
import { getPaymentProvider } from "~/server/payment-provider";

const globalForJobs = globalThis as unknown as { openticketJobsRunning?: boolean };

export function startPaymentJobs() {
  if (!env.DATABASE_URL || env.JOB_RUNNER === "off") return;
  startJobRunner(env.DATABASE_URL, {
    db: getDb(),
    payments: getPaymentProvider(),
    settings: settingsFromEnv(),
  })
    .then(() => {
      globalForJobs.openticketJobsRunning = true;
    })
    .catch((error: unknown) => logger.error({ err: error }, "the job queue did not start"));
}

/** Where requests queue background work: the running queue, or null (done in the request). */
export function getJobQueue(): JobQueue | null {
  return globalForJobs.openticketJobsRunning ? jobQueueFor(getDb()) : null;
}
