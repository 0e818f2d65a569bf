// Seat-hold benchmark: how many seat holds per second `holdSeats` (the function behind
// reservation.hold) sustains at 1, 8, 32 and 64 concurrent buyers, on a low-contention event
// (2 random seats out of 5,000) and a hot event (2 random seats out of the same 50), against a
// raw floor (one guarded INSERT … ON CONFLICT per hold through plain `pg`), while auditing that
// no seat is ever held by two buyers at once and no seat is sold twice.
//
// Three ways to hold and release, run back to back on the same database and events:
//   service   holdSeats + releaseSeats (what reservation.hold / reservation.release run)
//   hold-sql  holdSeats, released by a plain DELETE: the hold path alone
//   raw       guarded upsert + DELETE through a `pg` pool, autocommit: the floor
//
// Run:  pnpm bench:reserve            (from the repository root)
//       BENCH_MODE=ga pnpm bench:reserve   the hot standing zone instead (./reserve-ga.ts)
// Env:  DATABASE_URL       use this server (a fresh openticket_bench_* database is created and
//                          dropped); otherwise a throwaway embedded PostgreSQL is started
//       BENCH_SECONDS      seconds per measurement (default 6)
//       BENCH_CONCURRENCY  comma-separated worker counts (default 1,8,32,64)
//       BENCH_POOL         Prisma pool size (default 10); BENCH_RAW_POOL the pg pool's (default 10)
//       BENCH_IMPLS        which of service,hold-sql,raw to run (default all three)
//
// Each worker loops: pick 2 seats, hold them, then release the hold it made on the previous
// iteration. Every successful hold therefore costs one hold and one release (seats recycle, so
// the run is steady), and every hold stays in place for one full call, which gives the
// application-level audit (no two holds of a seat overlap in time) something to catch.
// Holds and releases made at the same moment share a transaction (group commit, see
// src/services/reservation/batcher.ts); "batch h/r" is the mean number of calls per hold /
// release batch, "retries h/r" the serialization retries of those batch transactions.
// A service call that is still aborted after runSerializable's last retry is "gave up": the
// procedure answers CONFLICT, so it is counted apart, not as an error; a release that gave up
// leaves its seats held, and the audit expects them to stay held.
// Exits non-zero when an audit fails or a call fails with anything but CONFLICT.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { createDb, type Db, isSerializationFailure } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import pg from "pg";
// Not exported by @openticket/db: the same helper its test setup uses for throwaway servers.
import { type Caller, type Context, defaultSettings } from "../src/context.ts";
import { AppError, toTRPCError } from "../src/errors.ts";
import { checkout } from "../src/services/order/checkout.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import type { BatcherStats } from "../src/services/reservation/batcher.ts";
import { holdBatcher, holdSeats } from "../src/services/reservation/hold-seats.ts";
import { releaseBatcher, releaseSeats } from "../src/services/reservation/release-seats.ts";
import { adminQuery, connectionsClosed, openServer, withDatabase } from "./bench-server.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,8,32,64").split(",").map(Number);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const RAW_POOL = Number(process.env.BENCH_RAW_POOL ?? 10);
const IMPLS = (process.env.BENCH_IMPLS ?? "service,hold-sql,raw").split(",");
const BUYERS = 256;
const ROWS = 50;
const SEATS_PER_ROW = 100;
const HOT_SEATS = 50;
const SEATS_PER_HOLD = 2;
const HOLD_MS = defaultSettings.holdDurationMs;
const DATABASE = `openticket_bench_${randomBytes(6).toString("hex")}`;

type EventKind = "low" | "hot";
type Target = { kind: EventKind; eventId: string; seatIds: string[] };
type ImplName = "service" | "hold-sql" | "raw";
type Outcome = { outcome: "ok" | "conflict" | "gave-up" };

/** One way of holding and releasing seats. Throws on anything but success or CONFLICT. */
type Impl = {
  name: ImplName;
  hold(eventId: string, userId: string, seatIds: string[]): Promise<Outcome>;
  release(eventId: string, userId: string, seatIds: string[]): Promise<Outcome>;
  /** The service's batch counters (retries, batches), read before and after a run. */
  batchStats?(): { hold: BatcherStats; release: BatcherStats };
};

type Result = {
  kind: EventKind;
  impl: ImplName;
  concurrency: number;
  seconds: number;
  held: number;
  calls: number;
  conflicts: number;
  holdRetries: number;
  /** Hold calls per hold transaction batch (1 without batching). */
  holdBatchSize: number;
  releaseBatchSize: number;
  holdGaveUp: number;
  releaseRetries: number;
  releaseGaveUp: number;
  errors: number;
  latencies: number[];
  heldLatencies: number[];
  /** CPU time of this Node process (the client) during the run. */
  clientCpuMs: number;
  /** CPU time of the PostgreSQL backends serving the bench database. */
  dbCpuMs: number;
  /** Share of the machine's CPU time used by anything else (other programs on the box). */
  otherLoad: number;
  problems: string[];
};

const errorSamples: string[] = [];
let aborted = false;

async function main() {
  const server = await openServer();
  const database = DATABASE;
  const url = withDatabase(server.adminUrl, database);
  const prisma = createDb(url, { maxConnections: POOL });
  const rawPool = new pg.Pool({ connectionString: url, max: RAW_POOL, idleTimeoutMillis: 0 });
  // pool.end() resolves before its connections are closed; dropping the database can then end
  // them from the server side, which an idle client reports here. Nothing else can: every query
  // reports its own errors.
  rawPool.on("error", () => {});
  const auditor = new pg.Client({ connectionString: url });
  // Likewise for a server that goes away between queries (Ctrl-C stops the embedded one): the
  // next query fails and says so.
  auditor.on("error", () => {});
  let failed = false;
  process.once("SIGINT", () => {
    aborted = true;
  });
  try {
    await adminQuery(server.adminUrl, `CREATE DATABASE "${database}"`);
    await migrate(url);
    await auditor.connect();
    const version = await auditor.query<{ server_version: string }>("SHOW server_version");
    console.log(
      `PostgreSQL ${version.rows[0]?.server_version} (${server.label}), database ${database}\n` +
        `Node ${process.version}, ${cpus().length} CPUs; ${SECONDS} s per run; ` +
        `Prisma pool ${POOL}, pg pool ${RAW_POOL}; hold duration ${HOLD_MS / 60_000} min\n`,
    );
    const { low, hot, buyers } = await seed(prisma);
    // Fresh statistics, as a live database has: before autovacuum's first ANALYZE, the planner
    // reads all 5,000 seats of the event for every hold (see docs/performance.md). VACUUM too,
    // so that autovacuum does not wake up for the seeded rows in the middle of a measurement.
    await auditor.query("VACUUM (ANALYZE)");
    const impls = [serviceImpl(prisma), holdSqlImpl(prisma, rawPool), rawImpl(rawPool)].filter(
      (impl) => IMPLS.includes(impl.name),
    );

    // Warm-up (JIT, connection pools, plan caches); not reported.
    for (const impl of impls) await runLevel(impl, low, 32, 3, buyers, auditor);

    const results: Result[] = [];
    console.error(COLUMNS.map(([name, width]) => name.padStart(width)).join("  "));
    for (const concurrency of CONCURRENCY) {
      for (const target of [low, hot]) {
        for (const impl of impls) {
          if (aborted) break;
          const result = await runLevel(impl, target, concurrency, SECONDS, buyers, auditor);
          results.push(result);
          console.error(formatRow(result)); // progress; the report below repeats it
        }
      }
    }
    const sellOut = await sellOutHotEvent(prisma, hot, buyers, auditor);
    const checkouts = await checkoutThroughput(prisma, low, buyers);
    console.log(`\n${checkoutReport(checkouts)}`);

    console.log(`\n${report(results, sellOut)}`);
    const problems = [...results.flatMap((result) => result.problems), ...sellOut.problems];
    const errors = results.reduce((sum, result) => sum + result.errors, sellOut.errors);
    if (errorSamples.length) console.log(`\nError samples:\n  ${errorSamples.join("\n  ")}`);
    if (problems.length) console.log(`\nAudit problems:\n  ${problems.join("\n  ")}`);
    failed = problems.length > 0 || errors > 0 || aborted;
  } finally {
    await auditor.end().catch(() => {});
    await rawPool.end();
    await prisma.$disconnect();
    await connectionsClosed(server.adminUrl, database);
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await server.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Database and data

/** One organizer, a 5,000-seat venue, a low-contention and a hot event, 256 buyers. */
async function seed(db: Db) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, {
    ownerId: organizer.id,
    rows: ROWS,
    seatsPerRow: SEATS_PER_ROW,
  });
  const targets: Target[] = [];
  for (const kind of ["low", "hot"] as const) {
    const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
    await db.event.update({ where: { id: event.id }, data: { maxSeatsPerOrder: 10 } });
    const seats = await db.eventSeat.findMany({
      where: { eventId: event.id },
      select: { id: true },
      orderBy: [{ seat: { y: "asc" } }, { seat: { x: "asc" } }],
    });
    const seatIds = seats.map((seat) => seat.id);
    targets.push({
      kind,
      eventId: event.id,
      seatIds: kind === "hot" ? seatIds.slice(0, HOT_SEATS) : seatIds,
    });
  }
  const buyers: string[] = [];
  for (let i = 0; i < BUYERS; i += 32) {
    const batch = await Promise.all(Array.from({ length: 32 }, () => makeUser(db)));
    buyers.push(...batch.map((user) => user.id));
  }
  const [low, hot] = targets as [Target, Target];
  return { low, hot, buyers };
}

// ---------------------------------------------------------------------------------------------
// The three implementations

/** The service caller for a seeded buyer: the services below the router read only its id. */
function asBuyer(db: Db, userId: string): Caller & Pick<Context, "settings" | "payments"> {
  return {
    user: { id: userId, username: userId, role: "ATTENDEE", sessionVersion: 0 },
    now: () => new Date(),
    settings: { ...defaultSettings, holdDurationMs: HOLD_MS },
    payments: inProcessDemoProvider(db),
  };
}

function serviceImpl(db: Db): Impl {
  return {
    name: "service",
    hold: (eventId, userId, seatIds) =>
      callService(db, (db) => holdSeats(db, { eventId, seatIds }, asBuyer(db, userId))),
    release: (eventId, userId, seatIds) =>
      callService(db, async (db) => {
        const { releasedSeatIds } = await releaseSeats(
          db,
          { eventId, seatIds },
          asBuyer(db, userId),
        );
        if (releasedSeatIds.length !== seatIds.length) {
          throw new Error(`released ${releasedSeatIds.length} of ${seatIds.length} seats`);
        }
      }),
    batchStats: () => ({ hold: holdBatcher(db).stats, release: releaseBatcher(db).stats }),
  };
}

function holdSqlImpl(db: Db, pool: pg.Pool): Impl {
  const service = serviceImpl(db);
  return {
    name: "hold-sql",
    hold: service.hold,
    release: rawImpl(pool).release,
    batchStats: service.batchStats,
  };
}

/** Runs a service call, classifying its outcome the way the procedure would answer. */
async function callService(db: Db, work: (db: Db) => Promise<unknown>): Promise<Outcome> {
  try {
    await work(db);
    return { outcome: "ok" };
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return { outcome: "conflict" };
    // Still aborted after every retry: the procedure answers CONFLICT (see toTRPCError).
    if (isSerializationFailure(error)) return { outcome: "gave-up" };
    throw error;
  }
}

/** The floor: one autocommit guarded upsert per hold, one DELETE per release, prepared. */
function rawImpl(pool: pg.Pool): Impl {
  const values = Array.from(
    { length: SEATS_PER_HOLD },
    (_, i) =>
      `(gen_random_uuid(), $${i + 4}::uuid, $1::uuid, $2::uuid, 0, now() + $3 * interval '1 millisecond', now())`,
  );
  // The floor writes a constant price: the service's lookup of the tier price is its own cost.
  const holdSql = `
    INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at, created_at)
    VALUES ${values.join(", ")}
    ON CONFLICT (event_seat_id) DO UPDATE
      SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at
      WHERE seat_holds.expires_at < now()
    RETURNING event_seat_id`;
  const releaseSql =
    "DELETE FROM seat_holds WHERE event_seat_id = ANY($1::uuid[]) AND user_id = $2::uuid";
  return {
    name: "raw",
    async hold(eventId, userId, seatIds) {
      // Sorted, so two statements never insert the same pair of keys in opposite orders (deadlock).
      const sorted = [...seatIds].sort();
      const won = await pool.query({
        name: "raw-hold",
        text: holdSql,
        values: [eventId, userId, HOLD_MS, ...sorted],
      });
      if (won.rowCount === seatIds.length) return { outcome: "ok" };
      // All or nothing without a transaction: give back what this statement did get.
      if (won.rowCount)
        await pool.query({
          name: "raw-release",
          text: releaseSql,
          values: [won.rows.map((row) => row.event_seat_id), userId],
        });
      return { outcome: "conflict" };
    },
    async release(_eventId, userId, seatIds) {
      const deleted = await pool.query({
        name: "raw-release",
        text: releaseSql,
        values: [seatIds, userId],
      });
      if (deleted.rowCount !== seatIds.length)
        throw new Error(`released ${deleted.rowCount} of ${seatIds.length} seats`);
      return { outcome: "ok" };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One measurement: `concurrency` workers on one event for `seconds`, audited

type Hold = { userId: string; seatIds: string[]; from: number };
type Interval = { seatId: string; userId: string; from: number; to: number };

async function runLevel(
  impl: Impl,
  target: Target,
  concurrency: number,
  seconds: number,
  buyers: string[],
  auditor: pg.Client,
): Promise<Result> {
  await clearHolds(auditor);
  const result: Result = {
    kind: target.kind,
    impl: impl.name,
    concurrency,
    seconds: 0,
    held: 0,
    calls: 0,
    conflicts: 0,
    holdRetries: 0,
    holdBatchSize: 0,
    releaseBatchSize: 0,
    holdGaveUp: 0,
    releaseRetries: 0,
    releaseGaveUp: 0,
    errors: 0,
    latencies: [],
    heldLatencies: [],
    clientCpuMs: 0,
    dbCpuMs: 0,
    otherLoad: 0,
    problems: [],
  };
  const fail = (error: unknown) => {
    result.errors++;
    if (errorSamples.length < 10) errorSamples.push(`${label(result)}: ${describe(error)}`);
  };
  // Each hold is certainly in place from the moment its call returned until its release starts.
  const intervals: Interval[] = [];
  // Holds the workers believe are in place when the run ends.
  const stillHeld: Hold[] = [];
  /** True when the hold is gone; otherwise it stays in place until the end of the run. */
  const release = async (hold: Hold) => {
    const to = performance.now();
    try {
      const { outcome } = await impl.release(target.eventId, hold.userId, hold.seatIds);
      if (outcome === "ok") {
        for (const seatId of hold.seatIds) {
          intervals.push({ seatId, userId: hold.userId, from: hold.from, to });
        }
        return true;
      }
      result.releaseGaveUp++;
    } catch (error) {
      fail(error);
    }
    stillHeld.push(hold);
    return false;
  };

  const sampler = startDuplicateSampler(auditor, result.problems);
  const statsBefore = structuredClone(impl.batchStats?.());
  const cpuBefore = process.cpuUsage();
  const dbBefore = backendCpuMs();
  const hostBefore = hostCpuTimes();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async (index: number) => {
    // Each buyer belongs to one worker, so a buyer never races itself.
    const users = buyers.filter((_, i) => i % concurrency === index);
    let mine: Hold | null = null;
    // Seats this worker's buyers still hold because their release failed: never picked again.
    const stuck: string[] = [];
    for (let i = 0; performance.now() < deadline && !aborted; i++) {
      const userId = users[i % users.length] as string;
      const seatIds = pickSeats(target.seatIds, [...(mine?.seatIds ?? []), ...stuck]);
      const begun = performance.now();
      let held = false;
      try {
        const { outcome } = await impl.hold(target.eventId, userId, seatIds);
        if (outcome === "ok") held = true;
        else if (outcome === "conflict") result.conflicts++;
        else result.holdGaveUp++;
      } catch (error) {
        fail(error);
      }
      const ended = performance.now();
      result.calls++;
      result.latencies.push(ended - begun);
      if (held) {
        result.held++;
        result.heldLatencies.push(ended - begun);
      }
      if (mine && !(await release(mine))) stuck.push(...mine.seatIds);
      mine = held ? { userId, seatIds, from: ended } : null;
    }
    if (mine) stillHeld.push(mine);
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  const end = performance.now();
  result.seconds = (end - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  result.clientCpuMs = (cpu.user + cpu.system) / 1000;
  result.dbCpuMs = backendCpuSince(dbBefore);
  const hostAfter = hostCpuTimes();
  const busy = hostAfter.busy - hostBefore.busy - result.clientCpuMs - result.dbCpuMs;
  result.otherLoad = Math.max(0, busy) / (hostAfter.total - hostBefore.total);
  await sampler.stop();
  const statsAfter = impl.batchStats?.();
  if (statsBefore && statsAfter) {
    result.holdRetries = statsAfter.hold.retries - statsBefore.hold.retries;
    result.releaseRetries = statsAfter.release.retries - statsBefore.release.retries;
    result.holdBatchSize =
      (statsAfter.hold.items - statsBefore.hold.items) /
      Math.max(1, statsAfter.hold.batches - statsBefore.hold.batches);
    result.releaseBatchSize =
      (statsAfter.release.items - statsBefore.release.items) /
      Math.max(1, statsAfter.release.batches - statsBefore.release.batches);
  }

  // What the database holds now must be exactly what the workers believe they hold.
  const { rows } = await auditor.query<{ event_seat_id: string; user_id: string }>(
    "SELECT event_seat_id, user_id FROM seat_holds",
  );
  const expected = new Map(
    stillHeld.flatMap((hold) => hold.seatIds.map((seatId) => [seatId, hold.userId])),
  );
  for (const row of rows) {
    if (expected.get(row.event_seat_id) !== row.user_id)
      result.problems.push(`${label(result)}: unexpected hold on seat ${row.event_seat_id}`);
    expected.delete(row.event_seat_id);
  }
  for (const seatId of expected.keys())
    result.problems.push(`${label(result)}: hold on seat ${seatId} is missing`);

  for (const hold of stillHeld) {
    for (const seatId of hold.seatIds)
      intervals.push({ seatId, userId: hold.userId, from: hold.from, to: end });
  }
  result.problems.push(
    ...overlappingHolds(intervals).map((problem) => `${label(result)}: ${problem}`),
  );
  await clearHolds(auditor);
  return result;
}

/** Busy and total CPU time of the whole machine so far, in ms summed over cores. */
function hostCpuTimes() {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/**
 * CPU time (ms) used so far by each PostgreSQL backend connected to the bench database, read
 * from /proc (a backend's process title names its database); empty where there is no /proc.
 */
function backendCpuMs() {
  const byPid = new Map<string, number>();
  if (!existsSync("/proc")) return byPid;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(DATABASE)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // utime + stime, 1/100 s
    } catch {
      // The process ended meanwhile.
    }
  }
  return byPid;
}

/** CPU time the backends used between two readings (backends that exited meanwhile are missed). */
function backendCpuSince(before: Map<string, number>) {
  let total = 0;
  for (const [pid, ms] of backendCpuMs()) total += ms - (before.get(pid) ?? 0);
  return total;
}

function pickSeats(seatIds: string[], exclude: string[]) {
  const picked = new Set<string>();
  while (picked.size < SEATS_PER_HOLD) {
    const seatId = seatIds[Math.floor(Math.random() * seatIds.length)] as string;
    if (!exclude.includes(seatId)) picked.add(seatId);
  }
  return [...picked];
}

async function clearHolds(auditor: pg.Client) {
  await auditor.query("DELETE FROM seat_holds");
  await auditor.query("VACUUM (ANALYZE) seat_holds");
}

/** Every ~100 ms: is any seat held twice right now? (The unique index says never.) */
function startDuplicateSampler(auditor: pg.Client, problems: string[]) {
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await auditor.query<{ event_seat_id: string; holds: string }>(
        "SELECT event_seat_id, count(*) AS holds FROM seat_holds GROUP BY 1 HAVING count(*) > 1",
      );
      for (const row of rows)
        problems.push(`seat ${row.event_seat_id} held ${row.holds} times at once`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Two holds of one seat whose certain lifetimes overlap: the seat was held twice at once. */
function overlappingHolds(intervals: Interval[]) {
  const problems: string[] = [];
  const bySeat = new Map<string, Interval[]>();
  for (const interval of intervals) {
    const holds = bySeat.get(interval.seatId) ?? [];
    holds.push(interval);
    bySeat.set(interval.seatId, holds);
  }
  for (const [seatId, holds] of bySeat) {
    holds.sort((a, b) => a.from - b.from);
    let latest: Interval | undefined;
    for (const hold of holds) {
      if (latest && hold.from < latest.to) {
        problems.push(
          `seat ${seatId} held by ${latest.userId} and ${hold.userId} at the same time`,
        );
      }
      if (!latest || hold.to > latest.to) latest = hold;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Sell-out: buyers race to hold and check out the hot seats; then no seat may be sold twice

async function sellOutHotEvent(db: Db, hot: Target, buyers: string[], auditor: pg.Client) {
  const concurrency = Math.max(...CONCURRENCY);
  const sold = new Set<string>();
  const outcome = {
    orders: 0,
    holdConflicts: 0,
    /** Checkouts refused after a successful hold, by reason; the buyer tries again (3 times). */
    checkoutConflicts: new Map<string, number>(),
    abandoned: 0,
    releasesRefused: 0,
    errors: 0,
    seconds: 0,
    problems: [] as string[],
  };
  const unexpected = (error: unknown) => {
    outcome.errors++;
    if (errorSamples.length < 10) errorSamples.push(`sell-out: ${describe(error)}`);
  };
  const start = performance.now();
  const deadline = start + 30_000;
  const worker = async (index: number) => {
    const users = buyers.filter((_, i) => i % concurrency === index);
    for (
      let i = 0;
      sold.size < hot.seatIds.length && performance.now() < deadline && !aborted;
      i++
    ) {
      const userId = users[i % users.length] as string;
      const unsold = hot.seatIds.filter((seatId) => !sold.has(seatId));
      const seatIds = unsold.sort(() => Math.random() - 0.5).slice(0, SEATS_PER_HOLD);
      try {
        await holdSeats(db, { eventId: hot.eventId, seatIds }, asBuyer(db, userId));
      } catch (error) {
        if (toTRPCError(error).code === "CONFLICT") outcome.holdConflicts++;
        else unexpected(error);
        continue;
      }
      let paid = false;
      for (let attempt = 1; attempt <= 3 && !paid; attempt++) {
        try {
          // Checkout sends the buyer to the demo's payment page; approving there confirms the
          // order by the demo's signed webhook, handled in-process.
          const buyer = asBuyer(db, userId);
          const started = await checkout(
            db,
            { eventId: hot.eventId, idempotencyKey: `bench-${userId}-${i}-${attempt}` },
            buyer,
          );
          const reference = started.redirectUrl?.split("/").at(-1);
          if (reference) await inProcessDemoProvider(db).demo.approve(reference);
          const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
          paid = order.status === "PAID";
        } catch (error) {
          if (toTRPCError(error).code !== "CONFLICT") {
            unexpected(error);
            break;
          }
          const reason = isSerializationFailure(error)
            ? "serialization failure after every retry"
            : error instanceof Error
              ? error.message
              : String(error);
          outcome.checkoutConflicts.set(reason, (outcome.checkoutConflicts.get(reason) ?? 0) + 1);
        }
      }
      if (paid) {
        outcome.orders++;
        for (const seatId of seatIds) sold.add(seatId);
      } else {
        // Give the seats back rather than sit on them for the whole hold.
        outcome.abandoned++;
        await releaseSeats(db, { eventId: hot.eventId }, asBuyer(db, userId)).catch(
          (error: unknown) => {
            if (toTRPCError(error).code === "CONFLICT") outcome.releasesRefused++;
            else unexpected(error);
          },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  outcome.seconds = (performance.now() - start) / 1000;

  const twice = await auditor.query<{ event_seat_id: string }>(
    "SELECT event_seat_id FROM tickets WHERE status IN ('VALID','CHECKED_IN') GROUP BY 1 HAVING count(*) > 1",
  );
  for (const row of twice.rows) outcome.problems.push(`seat ${row.event_seat_id} sold twice`);
  const counts = await auditor.query<{ tickets: string; sold: string }>(
    `SELECT (SELECT count(*) FROM tickets WHERE status IN ('VALID','CHECKED_IN')) AS tickets,
            (SELECT count(*) FROM event_seats WHERE event_id = $1 AND status = 'SOLD') AS sold`,
    [hot.eventId],
  );
  // The money and seat invariants, the same query the tests run after crashes and races
  // (orders still within their payment deadline may be PENDING).
  for (const violation of await auditPaymentInvariants(db, {
    now: new Date(),
    paymentGraceMs: defaultSettings.paymentGraceMs,
  })) {
    outcome.problems.push(`sell-out: ${violation.problem} (${violation.id})`);
  }
  const tickets = Number(counts.rows[0]?.tickets);
  const soldSeats = Number(counts.rows[0]?.sold);
  if (tickets !== soldSeats || soldSeats !== sold.size) {
    outcome.problems.push(
      `sell-out: ${tickets} live tickets, ${soldSeats} SOLD seats, ${sold.size} seats paid for`,
    );
  }
  return { ...outcome, soldSeats: sold.size, concurrency };
}

/**
 * Paid orders per second through the whole gateway flow on the low-contention event: 32 buyers
 * each hold 2 seats, check out, and approve on the demo provider's page, whose signed webhook
 * sells the seats; for SECONDS. Latency is checkout + confirmation, as the buyer waits for it.
 */
async function checkoutThroughput(db: Db, low: Target, buyers: string[]) {
  const concurrency = 32;
  const demo = inProcessDemoProvider(db);
  const taken = new Set<string>();
  const latencies: number[] = [];
  let paid = 0;
  let refused = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  const worker = async (index: number) => {
    const users = buyers.filter((_, i) => i % concurrency === index);
    for (let i = 0; performance.now() < deadline && !aborted; i++) {
      const userId = users[i % users.length] as string;
      const seatIds = low.seatIds.filter((id) => !taken.has(id)).slice(index * 2, index * 2 + 2);
      for (const id of seatIds) taken.add(id);
      try {
        await holdSeats(db, { eventId: low.eventId, seatIds }, asBuyer(db, userId));
        const began = performance.now();
        const started = await checkout(
          db,
          { eventId: low.eventId, idempotencyKey: `throughput-${userId}-${i}` },
          asBuyer(db, userId),
        );
        await demo.demo.approve(started.redirectUrl?.split("/").at(-1) ?? "");
        const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
        latencies.push(performance.now() - began);
        if (order.status === "PAID") paid++;
        else refused++;
      } catch (error) {
        if (toTRPCError(error).code === "CONFLICT") refused++;
        else if (errorSamples.length < 10) errorSamples.push(`checkout: ${describe(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  const seconds = (performance.now() - start) / 1000;
  const problems = await auditPaymentInvariants(db, {
    now: new Date(),
    paymentGraceMs: defaultSettings.paymentGraceMs,
  });
  return { concurrency, seconds, paid, refused, latencies, problems };
}

function checkoutReport(result: Awaited<ReturnType<typeof checkoutThroughput>>) {
  return (
    `Checkout through the gateway flow (${result.concurrency} buyers, low-contention event, ` +
    `2 seats each, hold → checkout → demo page → signed webhook → sale): ` +
    `${(result.paid / result.seconds).toFixed(1)} paid orders/s ` +
    `(${((2 * result.paid) / result.seconds).toFixed(1)} tickets/s), ${result.refused} refused; ` +
    `checkout + confirmation p50 ${ms(percentile(result.latencies, 0.5))} ms, ` +
    `p99 ${ms(percentile(result.latencies, 0.99))} ms; money invariants: ` +
    `${result.problems.length ? `FAIL ${JSON.stringify(result.problems.slice(0, 3))}` : "OK"}`
  );
}

// ---------------------------------------------------------------------------------------------
// Output

function percentile(values: number[], q: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

const label = (result: Result) => `${result.impl}/${result.kind}/${result.concurrency}`;
const holdsPerSecond = (result: Result) => result.held / result.seconds;
const p99 = (result: Result) => percentile(result.latencies, 0.99);
const ms = (value: number) =>
  Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0);

const COLUMNS = [
  ["event", 5],
  ["impl", 8],
  ["N", 3],
  ["holds/s", 7],
  ["calls/s", 7],
  ["p50", 5],
  ["p95", 5],
  ["p99", 5],
  ["p99 held", 8],
  ["conflicts", 9],
  ["batch h/r", 9],
  ["retries h/r", 11],
  ["gave up h/r", 11],
  ["errors", 6],
  ["client cpu/hold", 15],
  ["db cpu/hold", 11],
  ["others", 6],
  ["audit", 5],
] as const;

function formatRow(result: Result) {
  const service = result.impl !== "raw";
  const cells = [
    result.kind,
    result.impl,
    String(result.concurrency),
    holdsPerSecond(result).toFixed(0),
    (result.calls / result.seconds).toFixed(0),
    ms(percentile(result.latencies, 0.5)),
    ms(percentile(result.latencies, 0.95)),
    ms(p99(result)),
    ms(percentile(result.heldLatencies, 0.99)),
    String(result.conflicts),
    service ? `${result.holdBatchSize.toFixed(1)}/${result.releaseBatchSize.toFixed(1)}` : "n/a",
    service ? `${result.holdRetries}/${result.releaseRetries}` : "n/a",
    service ? `${result.holdGaveUp}/${result.releaseGaveUp}` : "n/a",
    String(result.errors),
    `${(result.clientCpuMs / Math.max(1, result.held)).toFixed(2)} ms`,
    `${(result.dbCpuMs / Math.max(1, result.held)).toFixed(2)} ms`,
    `${(100 * result.otherLoad).toFixed(0)}%`,
    result.problems.length ? "FAIL" : "OK",
  ];
  return cells.map((cell, i) => cell.padStart(COLUMNS[i]?.[1] ?? 0)).join("  ");
}

function report(results: Result[], sellOut: Awaited<ReturnType<typeof sellOutHotEvent>>) {
  const find = (kind: EventKind, impl: ImplName, concurrency: number) =>
    results.find((r) => r.kind === kind && r.impl === impl && r.concurrency === concurrency);
  const lines = [
    "Hold calls: latency (ms) over all hold calls, 'p99 held' over successful ones. CPU time per",
    "successful hold (its release and any failed attempts included) of this Node process ('client')",
    "and of the PostgreSQL backends ('db'); 'others': share of the machine other programs used.",
    "",
    COLUMNS.map(([name, width]) => name.padStart(width)).join("  "),
    ...results.map(formatRow),
    "",
    "Against the raw floor (holds/s, and holds/s as a share of raw's in the same run):",
    "event    N     raw  raw p99   service  (share)  hold-sql  (share)",
  ];
  const share = (result: Result | undefined, raw: Result) =>
    result
      ? `${holdsPerSecond(result).toFixed(0).padStart(8)}  ${`${((100 * holdsPerSecond(result)) / holdsPerSecond(raw)).toFixed(1)}%`.padStart(7)}`
      : `${"–".padStart(8)}  ${"".padStart(7)}`;
  for (const kind of ["low", "hot"] as const) {
    for (const concurrency of CONCURRENCY) {
      const raw = find(kind, "raw", concurrency);
      if (!raw) continue;
      lines.push(
        [
          kind.padEnd(5),
          String(concurrency).padStart(3),
          holdsPerSecond(raw).toFixed(0).padStart(6),
          ms(p99(raw)).padStart(7),
          share(find(kind, "service", concurrency), raw),
          share(find(kind, "hold-sql", concurrency), raw),
        ].join("  "),
      );
    }
  }
  lines.push(
    "",
    `Sell-out (${sellOut.concurrency} buyers hold + check out the ${HOT_SEATS} hot seats): ` +
      `${sellOut.soldSeats} seats sold in ${sellOut.orders} orders in ${sellOut.seconds.toFixed(1)} s; ` +
      `${sellOut.holdConflicts} hold conflicts, ${sellOut.abandoned} carts abandoned after 3 ` +
      `refused checkouts (${sellOut.releasesRefused} releases refused), ${sellOut.errors} errors; ` +
      `no seat sold twice, money invariants (audit-invariants.sql): ` +
      `${sellOut.problems.length ? "FAIL" : "OK"}`,
    `  paid checkouts through the gateway flow (checkout → demo page → signed webhook → sale): ` +
      `${(sellOut.orders / sellOut.seconds).toFixed(1)}/s`,
    ...[...sellOut.checkoutConflicts].map(
      ([reason, count]) => `  checkout refused after a successful hold, ${count}×: ${reason}`,
    ),
  );
  const raw32 = find("low", "raw", 32);
  const check = (ok: boolean) => (ok ? "met" : "NOT met");
  for (const impl of ["service", "hold-sql"] as const) {
    const low32 = find("low", impl, 32);
    const hot = results.filter((r) => r.kind === "hot" && r.impl === impl);
    if (!low32 || !raw32 || hot.length === 0) continue;
    const ratio = holdsPerSecond(low32) / holdsPerSecond(raw32);
    const hot32 = find("hot", impl, 32);
    const hotP99 = Math.max(...hot.map(p99));
    lines.push(
      "",
      `Targets, ${impl}:`,
      `  low, N=32: >= 1,000 holds/s ........... ${holdsPerSecond(low32).toFixed(0)}: ${check(holdsPerSecond(low32) >= 1000)}`,
      `  low, N=32: p99 < 100 ms ............... ${ms(p99(low32))}: ${check(p99(low32) < 100)}`,
      `  low, N=32: >= 40% of the raw floor .... ${(100 * ratio).toFixed(1)}%: ${check(ratio >= 0.4)}`,
      `  hot: one holder per seat at any moment  ${check(hot.every((r) => r.problems.length === 0))}`,
      `  hot: no errors other than CONFLICT .... ${check(hot.every((r) => r.errors === 0))}`,
      ...(hot32
        ? [
            `  hot, N=32: p99 < 150 ms ............... ${ms(p99(hot32))}: ${check(p99(hot32) < 150)}`,
          ]
        : []),
      `  hot, every N: p99 < 150 ms ............ ${ms(hotP99)}: ${check(hotP99 < 150)}`,
    );
  }
  return lines.join("\n");
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${code ? ` ${String(code)}` : ""}: ${error.message.split("\n").slice(0, 3).join(" ")}`;
}

// BENCH_MODE=ga: the hot standing zone instead (./reserve-ga.ts).
(process.env.BENCH_MODE === "ga" ? import("./reserve-ga.ts").then(() => {}) : main()).catch(
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
