// A job runner that dies frees its jobs within a minute, not after graphile-worker's 4-hour lock
// timeout: runners hold a PostgreSQL session lock per worker, and releaseDeadWorkers frees the
// jobs of every worker whose lock nobody holds (src/jobs/dead-workers.ts).
import { useTestDatabase } from "@openticket/db/testing";
import type { Worker } from "graphile-worker";
import { expect, it } from "vitest";
import { holdWorkerLocks, releaseDeadWorkers } from "../src/jobs/dead-workers.ts";

const database = useTestDatabase();

async function jobLockedBy(workerId: string, lockedSecondsAgo: number) {
  const { db } = database();
  await db.$executeRaw`
    SELECT graphile_worker.add_job('refund-cancelled-event', '{}'::json, job_key := ${workerId})`;
  await db.$executeRaw`
    UPDATE graphile_worker._private_jobs
       SET locked_by = ${workerId}, locked_at = now() - make_interval(secs => ${lockedSecondsAgo})
     WHERE key = ${workerId}`;
}

const lockedBy = async (workerId: string) => {
  const [row] = await database().db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker._private_jobs WHERE key = ${workerId}`;
  return row?.locked_by ?? null;
};

it("frees the jobs of a worker whose process is gone, and never a live one's", async () => {
  const { db, url } = database();
  const locks = holdWorkerLocks(url);
  await locks.ready;
  locks.events.emit("worker:create", { worker: { workerId: "live-worker" } as Worker, tasks: {} });
  await jobLockedBy("live-worker", 60);
  await jobLockedBy("dead-worker", 60);
  // Locked a moment ago: its worker may still be taking its own lock.
  await jobLockedBy("just-started", 1);

  // The lock is taken asynchronously on the runner's connection: wait until it shows.
  await expect
    .poll(
      async () =>
        (
          await db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_locks
             WHERE locktype = 'advisory' AND granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`
        )[0]?.n,
    )
    .toBe(1);

  expect(await releaseDeadWorkers(db)).toEqual(["dead-worker"]);
  expect(await lockedBy("dead-worker")).toBeNull();
  expect(await lockedBy("live-worker")).toBe("live-worker");
  expect(await lockedBy("just-started")).toBe("just-started");

  // The live runner's process ends (its connection closes): its worker is dead now.
  await locks.stop();
  await expect.poll(() => releaseDeadWorkers(db)).toEqual(["live-worker"]);
  expect(await lockedBy("live-worker")).toBeNull();
  expect(await releaseDeadWorkers(db, { minLockedMs: 0 })).toEqual(["just-started"]);
});

it("keeps a worker's lock across a dropped connection: it reconnects and locks again", async () => {
  const { db, url } = database();
  const locks = holdWorkerLocks(url);
  await locks.ready;
  locks.events.emit("worker:create", {
    worker: { workerId: "steady-worker" } as Worker,
    tasks: {},
  });
  await jobLockedBy("steady-worker", 60);
  await expect.poll(() => releaseDeadWorkers(db)).toEqual([]);

  const [dropped] = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
     WHERE application_name = 'openticket-job-worker-locks' AND datname = current_database()`;
  await db.$executeRaw`SELECT pg_terminate_backend(${dropped?.pid ?? 0}::int)`;
  // Back within its reconnect backoff, holding the lock again (the lock itself, not just a new
  // connection: between connecting and locking, the worker is rightly taken for dead) — on a new
  // connection: the dropped one may still show its lock for a moment after being told to end.
  await expect
    .poll(
      async () =>
        (
          await db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted
               AND a.application_name = 'openticket-job-worker-locks'
               AND a.datname = current_database() AND a.pid <> ${dropped?.pid ?? 0}::int`
        )[0]?.n,
      { timeout: 10_000 },
    )
    .toBe(1);
  expect(await releaseDeadWorkers(db)).toEqual([]);
  expect(await lockedBy("steady-worker")).toBe("steady-worker");
  await locks.stop();
});
