// The hot standing-zone benchmark (issue 15; `BENCH_MODE=ga pnpm bench:reserve`): holds per
// second on a standing zone of 50 places that everybody wants, 2 places a call, against two raw
// floors in the same run:
//   service  reservation.holdBestAvailable with the zone's sectionId (the lowest free numbers,
//            through reservation.hold's batched serializable upsert), released by releaseSeats
//   places   the floor of the same data model: one autocommit statement inserts holds for 2 free
//            places (rows that a unique index keeps to one hold each), one DELETE releases them
//   counter  the other model the issue names: one counter row with a CHECK (taken <= capacity),
//            one guarded UPDATE per hold and per release — no place is ever named
// Each worker loops: hold 2, then release what it held on the previous iteration, so a zone of
// 50 with 64 workers is always contended. After each run the audit checks that no place is held
// twice and the counter never went over the capacity.
//
// Env: DATABASE_URL (else an embedded PostgreSQL), BENCH_SECONDS (default 6), BENCH_CONCURRENCY
// (default 1,8,32,64), BENCH_POOL (Prisma pool, default 10), BENCH_RAW_POOL (pg pool, default 10).
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import pg from "pg";
import { type Caller, type Context, defaultSettings } from "../src/context.ts";
import { AppError } from "../src/errors.ts";
import {
  defaultPlacesPerRow,
  generateStandingPlaces,
} from "../src/services/organizer/venues/section-layout.ts";
import { holdBestAvailable } from "../src/services/reservation/hold-best-available.ts";
import { releaseSeats } from "../src/services/reservation/release-seats.ts";
import { adminQuery, connectionsClosed, openServer, withDatabase } from "./bench-server.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,8,32,64").split(",").map(Number);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const RAW_POOL = Number(process.env.BENCH_RAW_POOL ?? 10);
const CAPACITY = 50;
const PER_CALL = 2;
const BUYERS = 128;
const DATABASE = `openticket_bench_${randomBytes(6).toString("hex")}`;

type Impl = "service" | "places" | "counter";
/** What one hold call got: the places held (none for the counter), or nothing. */
type Held = { ok: true; placeIds: string[] } | { ok: false };
type Result = {
  impl: Impl;
  concurrency: number;
  held: number;
  refused: number;
  errors: number;
  p99: number;
};

async function main() {
  const server = await openServer();
  const url = withDatabase(server.adminUrl, DATABASE);
  await adminQuery(server.adminUrl, `CREATE DATABASE "${DATABASE}"`);
  const db = createDb(url, { maxConnections: POOL });
  const pool = new pg.Pool({ connectionString: url, max: RAW_POOL, idleTimeoutMillis: 0 });
  pool.on("error", () => {});
  let failed = false;
  try {
    await migrate(url);
    const zone = await seed(db);
    await pool.query(
      `CREATE TABLE bench_zone_counter (id int PRIMARY KEY, taken int NOT NULL,
         capacity int NOT NULL, CHECK (taken BETWEEN 0 AND capacity));
       INSERT INTO bench_zone_counter VALUES (1, 0, ${CAPACITY});`,
    );
    await pool.query("VACUUM (ANALYZE)");
    const version = await pool.query<{ server_version: string }>("SHOW server_version");
    console.log(
      `PostgreSQL ${version.rows[0]?.server_version} (${server.label}); a standing zone of ` +
        `${CAPACITY} places, ${PER_CALL} a call; ${SECONDS} s per run; Prisma pool ${POOL}, ` +
        `pg pool ${RAW_POOL}\n`,
    );
    const impls: Record<Impl, (userId: string) => Promise<Held>> = {
      service: (userId) => serviceHold(db, zone, userId),
      places: (userId) => placesHold(pool, zone, userId),
      counter: () => counterHold(pool),
    };
    const releases: Record<Impl, (userId: string, held: string[]) => Promise<void>> = {
      service: (userId, held) => serviceRelease(db, zone.eventId, userId, held),
      places: (userId, held) => placesRelease(pool, userId, held),
      counter: () => counterRelease(pool),
    };
    // Warm-up, not reported.
    for (const impl of Object.keys(impls) as Impl[]) {
      await run(impl, impls[impl], releases[impl], 8, 2, zone.buyers);
      await reset(pool);
    }
    const results: Result[] = [];
    console.log("impl       N  holds/s  refused/s  p99 ms  errors");
    for (const concurrency of CONCURRENCY) {
      for (const impl of Object.keys(impls) as Impl[]) {
        const result = await run(
          impl,
          impls[impl],
          releases[impl],
          concurrency,
          SECONDS,
          zone.buyers,
        );
        const problems = await audit(pool, zone.eventId);
        await reset(pool);
        results.push(result);
        console.log(
          `${impl.padEnd(8)} ${String(concurrency).padStart(3)}  ${(result.held / SECONDS).toFixed(0).padStart(7)}  ` +
            `${(result.refused / SECONDS).toFixed(0).padStart(9)}  ${result.p99.toFixed(1).padStart(6)}  ${result.errors}`,
        );
        if (problems.length || result.errors) {
          failed = true;
          console.log(`  audit: ${problems.join("; ") || "errors above"}`);
        }
      }
    }
    console.log("\nHolds/s against the floors, same run:");
    for (const concurrency of CONCURRENCY) {
      const rate = (impl: Impl) =>
        (results.find((r) => r.impl === impl && r.concurrency === concurrency)?.held ?? 0) /
        SECONDS;
      const share = (impl: Impl) =>
        `${((100 * rate("service")) / Math.max(rate(impl), 1)).toFixed(0)}%`;
      console.log(
        `  N=${concurrency}: service ${rate("service").toFixed(0)}, places floor ` +
          `${rate("places").toFixed(0)} (service = ${share("places")}), counter floor ` +
          `${rate("counter").toFixed(0)} (service = ${share("counter")})`,
      );
    }
  } finally {
    await pool.end();
    await db.$disconnect();
    await connectionsClosed(server.adminUrl, DATABASE);
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await server.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

type Zone = { eventId: string; sectionId: string; placeIds: string[]; buyers: string[] };

/** A venue with one standing zone of CAPACITY places, an event on sale there, the buyers. */
async function seed(db: Db): Promise<Zone> {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 1, seatsPerRow: 1 });
  const section = await db.section.create({
    data: { venueId: venue.id, name: "Floor", kind: "STANDING", ordering: 1 },
  });
  // The places as organizer.venues.addStandingZone lays them out.
  await db.seat.createMany({
    data: generateStandingPlaces({
      capacity: CAPACITY,
      placesPerRow: defaultPlacesPerRow(CAPACITY),
      origin: { x: 0, y: 100 },
    }).map((place) => ({ ...place, venueId: venue.id, sectionId: section.id })),
  });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  await db.event.update({ where: { id: event.id }, data: { maxSeatsPerOrder: 10 } });
  const places = await db.eventSeat.findMany({
    where: { eventId: event.id, seat: { sectionId: section.id } },
    select: { id: true },
  });
  const buyers: string[] = [];
  for (let i = 0; i < BUYERS; i += 32) {
    const batch = await Promise.all(Array.from({ length: 32 }, () => makeUser(db)));
    buyers.push(...batch.map((user) => user.id));
  }
  return {
    eventId: event.id,
    sectionId: section.id,
    placeIds: places.map((place) => place.id),
    buyers,
  };
}

function asBuyer(userId: string): Caller & Pick<Context, "settings"> {
  return {
    user: { id: userId, username: userId, role: "ATTENDEE", sessionVersion: 0 },
    now: () => new Date(),
    settings: defaultSettings,
  };
}

async function serviceHold(db: Db, zone: Zone, userId: string): Promise<Held> {
  try {
    const held = await holdBestAvailable(
      db,
      { eventId: zone.eventId, sectionId: zone.sectionId, quantity: PER_CALL },
      asBuyer(userId),
    );
    return { ok: true, placeIds: held.seatIds };
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return { ok: false };
    throw error;
  }
}

async function serviceRelease(db: Db, eventId: string, userId: string, placeIds: string[]) {
  await releaseSeats(db, { eventId, seatIds: placeIds }, asBuyer(userId));
}

const PLACES_HOLD = `
  WITH free AS (
    SELECT es.id FROM event_seats es
    WHERE es.id = ANY($1::uuid[]) AND es.status = 'AVAILABLE'
      AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.event_seat_id = es.id)
    ORDER BY random() LIMIT ${PER_CALL}
  )
  INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at, created_at)
  SELECT gen_random_uuid(), free.id, $2::uuid, $3::uuid, 0, now() + interval '10 minutes', now()
  FROM free ORDER BY free.id
  ON CONFLICT (event_seat_id) DO NOTHING
  RETURNING event_seat_id`;
const PLACES_RELEASE =
  "DELETE FROM seat_holds WHERE event_seat_id = ANY($1::uuid[]) AND user_id = $2::uuid";

/** The places floor: any 2 free places in one statement; short of 2, give back and refuse. */
async function placesHold(pool: pg.Pool, zone: Zone, userId: string): Promise<Held> {
  const won = await pool.query<{ event_seat_id: string }>({
    name: "ga-places-hold",
    text: PLACES_HOLD,
    values: [zone.placeIds, zone.eventId, userId],
  });
  const placeIds = won.rows.map((row) => row.event_seat_id);
  if (placeIds.length === PER_CALL) return { ok: true, placeIds };
  if (placeIds.length) await placesRelease(pool, userId, placeIds);
  return { ok: false };
}

async function placesRelease(pool: pg.Pool, userId: string, placeIds: string[]) {
  await pool.query({ name: "ga-places-release", text: PLACES_RELEASE, values: [placeIds, userId] });
}

async function counterHold(pool: pg.Pool): Promise<Held> {
  const taken = await pool.query({
    name: "ga-counter-hold",
    text: `UPDATE bench_zone_counter SET taken = taken + ${PER_CALL}
           WHERE id = 1 AND taken + ${PER_CALL} <= capacity`,
  });
  return taken.rowCount === 1 ? { ok: true, placeIds: [] } : { ok: false };
}

async function counterRelease(pool: pg.Pool) {
  await pool.query({
    name: "ga-counter-release",
    text: `UPDATE bench_zone_counter SET taken = taken - ${PER_CALL} WHERE id = 1`,
  });
}

/** `concurrency` workers for `seconds`: hold, then release the previous iteration's hold. */
async function run(
  impl: Impl,
  hold: (userId: string) => Promise<Held>,
  release: (userId: string, placeIds: string[]) => Promise<void>,
  concurrency: number,
  seconds: number,
  buyers: string[],
): Promise<Result> {
  const result: Result = { impl, concurrency, held: 0, refused: 0, errors: 0, p99: 0 };
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const userId = buyers[worker % buyers.length] as string;
      let previous: string[] | null = null;
      while (performance.now() < end) {
        const started = performance.now();
        try {
          const held = await hold(userId);
          latencies.push(performance.now() - started);
          if (previous) await release(userId, previous);
          previous = null;
          if (held.ok) {
            result.held++;
            previous = held.placeIds;
          } else {
            result.refused++;
          }
        } catch (error) {
          result.errors++;
          if (result.errors <= 3) console.error(`${impl}: ${String(error)}`);
        }
      }
      if (previous) await release(userId, previous);
    }),
  );
  latencies.sort((a, b) => a - b);
  result.p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  return result;
}

/**
 * After a run every worker has released what it held: no hold may be left (one would be a hold
 * made twice or a release lost), and the counter must be back at 0 — never over the capacity
 * meanwhile, or its CHECK would have failed the UPDATE (an error above).
 */
async function audit(pool: pg.Pool, eventId: string): Promise<string[]> {
  const problems: string[] = [];
  const holds = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM seat_holds WHERE event_id = $1",
    [eventId],
  );
  const left = Number(holds.rows[0]?.n ?? 0);
  if (left > 0) problems.push(`${left} holds left after every worker released`);
  const counter = await pool.query<{ taken: number }>("SELECT taken FROM bench_zone_counter");
  if ((counter.rows[0]?.taken ?? 0) !== 0)
    problems.push(`counter left at ${counter.rows[0]?.taken}`);
  return problems;
}

async function reset(pool: pg.Pool) {
  await pool.query("DELETE FROM seat_holds; UPDATE bench_zone_counter SET taken = 0");
}

await main();
