// The durable job queue: graphile-worker, on the same PostgreSQL (its own `graphile_worker`
// schema, migrated when a runner starts). What runs in the background:
//   - reconcile-payments, every minute: finishes checkouts and refunds that a crash, an outage
//     or a lost webhook left half done (services/payments/reconcile-payments.ts);
//   - refund-cancelled-event: refunds a cancelled event's paid orders, in batches, off the
//     organizer's request (organizer.events.cancel queues it);
//   - send-mail: one message of the mail outbox (services/mail/send-mail.ts), queued by
//     queueMail in the transaction that caused it; retried with backoff, FAILED when exhausted;
//     it waits while buyers queue for this process's API (./buyers-first.ts);
//   - event-reminders, every hour: the day-before reminders (services/mail/queue-event-reminders.ts).
// A failed job is retried with exponential backoff by the queue; a dead runner's jobs are freed
// within a minute (dead-workers.ts), not after graphile-worker's 4-hour lock timeout. Self-hosted, startJobRunner
// runs inside the web server; on a serverless host the cron route calls runDueJobs instead.
import type { Db } from "@openticket/db";
import { run, runOnce, type TaskList } from "graphile-worker";
import type { Settings } from "../context.ts";
import { logger } from "../observability/logger.ts";
import { queueEventReminders } from "../services/mail/queue-event-reminders.ts";
import { SEND_MAIL_JOB } from "../services/mail/queue-mail.ts";
import { sendQueuedMail } from "../services/mail/send-mail.ts";
import { type MailTransport, mailTransportFor } from "../services/mail/transport.ts";
import type { PaymentProvider } from "../services/payments/payment-provider.ts";
import { reconcilePayments } from "../services/payments/reconcile-payments.ts";
import { refundCancelledEvent } from "../services/payments/refund-cancelled-event.ts";
import { waitWhileBuyersQueue } from "./buyers-first.ts";
import { holdWorkerLocks, releaseDeadWorkers } from "./dead-workers.ts";

export type JobDependencies = { db: Db; payments: PaymentProvider; settings: Settings };

/** Where jobs are queued from: the api context's `jobs` (null → work is done inline). */
export type JobQueue = {
  refundCancelledEvent(eventId: string): Promise<void>;
};

async function reconcile(deps: JobDependencies) {
  const freed = await releaseDeadWorkers(deps.db);
  if (freed.length > 0) logger.info({ freed }, "job queue: freed the jobs of dead workers");
  const report = await reconcilePayments(deps.db, deps.payments, deps.settings);
  if (Object.keys(report.ordersSettled).length || report.refundsSent || report.refundsFailed) {
    logger.info({ report }, "reconcile-payments");
  }
}

/**
 * Money before mail: the reconciler and refunds are picked before any queued message (a lower
 * number runs first), so a backlog of confirmations never delays them by more than the message
 * being sent.
 */
const MONEY_FIRST = -10;

/** The longest a message waits for buyers queued at this process's API (./buyers-first.ts). */
const MAIL_YIELD_MS = 10_000;

function tasks(
  deps: JobDependencies,
  transport: MailTransport,
  options: { yieldToBuyers: boolean },
): TaskList {
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
    [SEND_MAIL_JOB]: async (payload, helpers) => {
      const { id } = payload as { id: string };
      // In the web process, behind its buyers; a cron call sends at once.
      if (options.yieldToBuyers) await waitWhileBuyersQueue({ maxWaitMs: MAIL_YIELD_MS });
      await sendQueuedMail(
        deps.db,
        id,
        { transport, settings: deps.settings },
        { number: helpers.job.attempts, max: helpers.job.max_attempts },
      );
    },
    "event-reminders": async () => {
      await queueEventReminders(deps.db);
    },
  };
}

const CRONTAB = [
  `* * * * * reconcile-payments ?max=1&priority=${MONEY_FIRST}`,
  "0 * * * * event-reminders ?max=1",
].join("\n");

export async function startJobRunner(connectionString: string, deps: JobDependencies) {
  const transport = mailTransportFor(deps.db, deps.settings);
  const locks = holdWorkerLocks(connectionString);
  await locks.ready;
  const runner = await run({
    connectionString,
    taskList: tasks(deps, transport, { yieldToBuyers: true }),
    crontab: CRONTAB,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 2_000,
    events: locks.events,
  });
  runner.promise
    .finally(() => {
      transport.close();
      return locks.stop();
    })
    .catch(() => {});
  return runner;
}

/** For a cron route: reconcile now, then run every job that is due, and return. */
export async function runDueJobs(connectionString: string, deps: JobDependencies) {
  await reconcile(deps);
  await queueEventReminders(deps.db);
  const transport = mailTransportFor(deps.db, deps.settings);
  const locks = holdWorkerLocks(connectionString);
  try {
    await locks.ready;
    await runOnce({
      connectionString,
      taskList: tasks(deps, transport, { yieldToBuyers: false }),
      noHandleSignals: true,
      events: locks.events,
    });
  } finally {
    transport.close();
    await locks.stop();
  }
}

/** The queue as the api context uses it: adding jobs through graphile-worker's SQL function. */
export function jobQueueFor(db: Db): JobQueue {
  return {
    async refundCancelledEvent(eventId) {
      await db.$executeRaw`
        SELECT graphile_worker.add_job('refund-cancelled-event', json_build_object('eventId', ${eventId}::text),
                                       job_key := ${`refund-cancelled-event:${eventId}`},
                                       priority := ${MONEY_FIRST}::int)`;
    },
  };
}

/** Jobs due and waiting for a runner, running, and failed for good (for metrics). */
export async function jobQueueDepth(db: Db) {
  const [row] = await db.$queryRaw<{ due: number; running: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts
                                  AND run_at <= now())::int AS due,
           count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
           count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
    FROM graphile_worker._private_jobs`;
  return row ?? { due: 0, running: 0, failed: 0 };
}
