// The durable job queue: graphile-worker, on the same PostgreSQL (its own `graphile_worker`
// schema, migrated when a runner starts). What runs in the background:
//   - reconcile-payments, every minute: finishes checkouts and refunds that a crash, an outage
//     or a lost webhook left half done (services/payments/reconcile-payments.ts);
//   - refund-cancelled-event: refunds a cancelled event's paid orders, in batches, off the
//     organizer's request (organizer.events.cancel queues it).
// A failed job is retried with exponential backoff by the queue. Self-hosted, startJobRunner
// runs inside the web server; on a serverless host the cron route calls runDueJobs instead.
import type { Db } from "@openticket/db";
import { run, runOnce, type TaskList } from "graphile-worker";
import type { Settings } from "../context.ts";
import type { PaymentProvider } from "../services/payments/payment-provider.ts";
import { reconcilePayments } from "../services/payments/reconcile-payments.ts";
import { refundCancelledEvent } from "../services/payments/refund-cancelled-event.ts";

export type JobDependencies = { db: Db; payments: PaymentProvider; settings: Settings };

/** Where jobs are queued from: the api context's `jobs` (null → work is done inline). */
export type JobQueue = {
  refundCancelledEvent(eventId: string): Promise<void>;
};

async function reconcile(deps: JobDependencies) {
  const report = await reconcilePayments(deps.db, deps.payments, deps.settings);
  if (Object.keys(report.ordersSettled).length || report.refundsSent || report.refundsFailed) {
    console.info("reconcile-payments", JSON.stringify(report));
  }
}

function tasks(deps: JobDependencies): TaskList {
  return {
    "reconcile-payments": () => reconcile(deps),
    "refund-cancelled-event": async (payload) => {
      const { eventId } = payload as { eventId: string };
      const result = await refundCancelledEvent(deps.db, eventId, deps.payments);
      // Owed refunds make the job fail, so the queue tries again later with backoff.
      if (result.refundsPending > 0) {
        throw new Error(`${result.refundsPending} refunds of event ${eventId} still owed`);
      }
    },
  };
}

const EVERY_MINUTE = "* * * * * reconcile-payments ?max=1";

export async function startJobRunner(connectionString: string, deps: JobDependencies) {
  return run({
    connectionString,
    taskList: tasks(deps),
    crontab: EVERY_MINUTE,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 2_000,
  });
}

/** For a cron route: reconcile now, then run every job that is due, and return. */
export async function runDueJobs(connectionString: string, deps: JobDependencies) {
  await reconcile(deps);
  await runOnce({ connectionString, taskList: tasks(deps), noHandleSignals: true });
}

/** The queue as the api context uses it: adding jobs through graphile-worker's SQL function. */
export function jobQueueFor(db: Db): JobQueue {
  return {
    async refundCancelledEvent(eventId) {
      await db.$executeRaw`
        SELECT graphile_worker.add_job('refund-cancelled-event', json_build_object('eventId', ${eventId}::text),
                                       job_key := ${`refund-cancelled-event:${eventId}`})`;
    },
  };
}
