// A job runner that dies (SIGKILL, out of memory, a lost machine) leaves its job locked, and
// graphile-worker only gives a locked job to another worker after 4 hours: a password-reset mail
// or a refund would wait that long. So liveness is anchored in PostgreSQL itself:
//
//   - every runner (the long-running one and the cron route's runOnce) holds, on a connection
//     of its own, a session advisory lock per graphile-worker worker id it creates
//     (holdWorkerLocks). A session lock lives exactly as long as its connection: a dead
//     process's connection is closed by the server, and its locks go with it;
//   - every minute the reconciler (and each new runner) asks, per worker id that still locks
//     jobs, whether that lock can be taken right now (pg_try_advisory_xact_lock, released at
//     once): if it can, nobody holds it, the worker is gone, and its jobs are unlocked for
//     another worker (releaseDeadWorkers).
//
// The one gap: a live runner whose lock connection drops is taken for dead until it reconnects
// (within seconds); a job it is running may then start a second time elsewhere. Every job here
// is idempotent (refunds, reconciling, send-mail's claim), so the cost is at most one repeated
// message. Workers that locked their job in the last 30 s are left alone either way.
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@openticket/db";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";

/** Shown in pg_stat_activity. */
export const JOB_WORKER_LOCKS_APPLICATION_NAME = "openticket-job-worker-locks";

const lockKey = (workerId: string) => `openticket-job-worker:${workerId}`;

export type WorkerLocks = {
  /** Pass to graphile-worker's run/runOnce options: its workers are locked as they start. */
  events: WorkerEvents;
  /** Resolves once the lock connection is up (workers created before are locked then). */
  ready: Promise<void>;
  stop(): Promise<void>;
};

export function holdWorkerLocks(connectionString: string): WorkerLocks {
  const events: WorkerEvents = new EventEmitter();
  const workers = new Set<string>();
  let client: pg.Client | null = null;
  let stopped = false;

  const lock = (target: pg.Client, workerId: string) =>
    target.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [lockKey(workerId)]);
  const unlock = (target: pg.Client, workerId: string) =>
    target.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [lockKey(workerId)]);

  async function connect(): Promise<void> {
    for (let attempt = 0; !stopped; attempt++) {
      const next = new pg.Client({
        connectionString,
        application_name: JOB_WORKER_LOCKS_APPLICATION_NAME,
        keepAlive: true,
      });
      next.on("error", () => {});
      next.on("end", () => {
        if (client !== next || stopped) return;
        client = null;
        void connect();
      });
      try {
        await next.connect();
        for (const workerId of workers) await lock(next, workerId);
        client = next;
        return;
      } catch {
        next.end().catch(() => {});
        const ceiling = Math.min(5_000, 100 * 2 ** attempt);
        await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, undefined, { ref: false });
      }
    }
  }

  events.on("worker:create", ({ worker }) => {
    workers.add(worker.workerId);
    if (client) lock(client, worker.workerId).catch(() => {});
  });
  events.on("worker:stop", ({ worker }) => {
    workers.delete(worker.workerId);
    if (client) unlock(client, worker.workerId).catch(() => {});
  });

  const ready = connect();
  return {
    events,
    ready,
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

/**
 * Unlocks the jobs of every worker whose lock nobody holds; returns those workers' ids. Jobs
 * locked less than `minLockedMs` ago (default 30 s) are left alone: their worker may be
 * taking its lock right now.
 */
export async function releaseDeadWorkers(
  db: Db,
  { minLockedMs = 30_000 }: { minLockedMs?: number } = {},
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ dead: string[] | null }[]>`
      SELECT array_agg(w.locked_by) AS dead
        FROM (SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
               WHERE locked_by IS NOT NULL
                 AND locked_at <= now() - make_interval(secs => ${minLockedMs / 1000})) AS w
       WHERE pg_try_advisory_xact_lock(hashtextextended('openticket-job-worker:' || w.locked_by, 0))`;
    const dead = row?.dead ?? [];
    if (dead.length > 0) {
      await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${dead}::text[])`;
    }
    return dead;
  });
}
