// Seat map benchmark: the per-seat event.seatMap against the split layout + status, on a
// 50,000-seat event (40 sections × 25 rows × 50 seats; 30% sold, 5% held, 1% blocked).
// Prints, for each answer: raw / gzip / brotli bytes (brotli at several qualities, with the time
// each takes) and server milliseconds (median of 5, including superjson + JSON.stringify as the
// HTTP route does); then 200 concurrent status requests on a cold board (wall time, snapshot
// reads), and what an aborted request costs.
//
// Run:  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @openticket/api bench:seat-map
// Env:  BENCH_SEATS_PER_ROW (default 50) scales the event.
// A fresh database openticket_bench_seat_map is created on DATABASE_URL's server and dropped
// (kept with BENCH_KEEP=1, to look at its queries).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { createDb } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { makeUser } from "@openticket/db/testing";
import pg from "pg";
import superjson from "superjson";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { SeatChangeFeed } from "../src/services/seat-changes/feed.ts";
import { buildLayout, getSeatLayout, LAYOUT_RECHECK_MS } from "../src/services/seat-map/layout.ts";
import { seatStatusStats } from "../src/services/seat-map/status-board.ts";

const SECTIONS = 40;
const ROWS = 25;
const SEATS_PER_ROW = Number(process.env.BENCH_SEATS_PER_ROW ?? 50);
const DATABASE = "openticket_bench_seat_map";
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What the HTTP route sends for a procedure's answer. */
const wireJson = (value: unknown) => JSON.stringify(superjson.serialize(value));

async function median(times: number, work: () => Promise<unknown>) {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    spent.push(performance.now() - start);
  }
  spent.sort((a, b) => a - b);
  return spent[Math.floor(spent.length / 2)] ?? 0;
}

function sizes(label: string, json: string, ms: number) {
  const body = Buffer.from(json);
  const gzip = gzipSync(body, { level: 6 }).length;
  const brotli = [4, 6, 9, 11].map((quality) => {
    const start = performance.now();
    const size = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length;
    return `q${quality} ${kb(size)} (${(performance.now() - start).toFixed(0)} ms)`;
  });
  console.log(
    `${label.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  raw ${kb(body.length).padStart(9)}  gzip ${kb(gzip).padStart(9)}  brotli ${brotli.join(", ")}`,
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const url = withDatabase(serverUrl, DATABASE);
  const feeds: SeatChangeFeed[] = [];
  const db = createDb(url, { maxConnections: 10 });
  try {
    await migrate(url);
    const eventId = await makeStadium(db);
    if (process.env.BENCH_KEEP) console.log(`event ${eventId} (database kept: BENCH_KEEP)`);
    const seats = SECTIONS * ROWS * SEATS_PER_ROW;
    console.log(`${seats} seats; Node ${process.version}; times are medians of 5\n`);
    const visitor = createCaller(createContext({ db, user: null }));

    const oldMs = await median(5, async () => wireJson(await visitor.event.seatMap({ eventId })));
    sizes("old event.seatMap", wireJson(await visitor.event.seatMap({ eventId })), oldMs);

    const buildMs = await median(5, () => buildLayout(db, eventId));
    const layout = await visitor.event.seatLayout({ eventId });
    const cachedMs = await median(5, async () =>
      JSON.stringify(await visitor.event.seatLayout({ eventId })),
    );
    const recheckMs = await median(5, () =>
      getSeatLayout(db, eventId, { user: null, now: () => new Date() }, { recheckMs: 0 }),
    );
    console.log(
      `layout recheck (fingerprint query, every ${LAYOUT_RECHECK_MS} ms in use): ${recheckMs.toFixed(1)} ms`,
    );
    sizes("layout, built (cold)", JSON.stringify(layout), buildMs);
    sizes("layout, cached", JSON.stringify(layout), cachedMs);

    const feed = new SeatChangeFeed(url);
    feeds.push(feed);
    const live = createCaller(createContext({ db, user: null, seatChanges: feed }));
    const coldStart = performance.now();
    await live.event.seatStatus({ eventId });
    const coldMs = performance.now() - coldStart;
    const statusMs = await median(5, async () =>
      wireJson(await live.event.seatStatus({ eventId })),
    );
    const status = wireJson(await live.event.seatStatus({ eventId }));
    sizes("status, first (snapshot)", status, coldMs);
    sizes("status, shared board", status, statusMs);

    // 200 buyers open the map at once, on a process that has not seen the event yet.
    const secondFeed = new SeatChangeFeed(url);
    feeds.push(secondFeed);
    const fresh = createCaller(createContext({ db, user: null, seatChanges: secondFeed }));
    const before = seatStatusStats.snapshots;
    const rushStart = performance.now();
    await Promise.all(
      Array.from({ length: 200 }, async () => wireJson(await fresh.event.seatStatus({ eventId }))),
    );
    const rushMs = performance.now() - rushStart;
    console.log(
      `\n200 concurrent seatStatus on a cold board: ${rushMs.toFixed(0)} ms wall, ` +
        `${seatStatusStats.snapshots - before} snapshot read(s)`,
    );
    const warmStart = performance.now();
    await Promise.all(
      Array.from({ length: 200 }, async () => wireJson(await fresh.event.seatStatus({ eventId }))),
    );
    console.log(
      `200 concurrent seatStatus, warm board: ${(performance.now() - warmStart).toFixed(0)} ms wall`,
    );
    const oldRushStart = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => wireJson(await visitor.event.seatMap({ eventId }))),
    );
    console.log(
      `20 concurrent old seatMap (for scale): ${(performance.now() - oldRushStart).toFixed(0)} ms wall`,
    );

    // A client that leaves: its request stops waiting at once; the shared build goes on for
    // the others (and is cached for the next).
    const thirdFeed = new SeatChangeFeed(url);
    feeds.push(thirdFeed);
    const abort = new AbortController();
    const leaving = createCaller(createContext({ db, user: null, seatChanges: thirdFeed }), {
      signal: abort.signal,
    });
    const abortStart = performance.now();
    const abandoned = leaving.event.seatStatus({ eventId }).then(
      () => "answered",
      () => "stopped",
    );
    setTimeout(() => abort.abort(), 5);
    const outcome = await abandoned;
    console.log(
      `seatStatus aborted after 5 ms on a cold board: ${outcome} after ${(performance.now() - abortStart).toFixed(1)} ms`,
    );
  } finally {
    await Promise.all(feeds.map((feed) => feed.close()));
    await db.$disconnect();
    if (!process.env.BENCH_KEEP) await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

/** The stadium, straight in SQL (the organizer API is not what this measures). */
async function makeStadium(db: ReturnType<typeof createDb>) {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const buyers = await Promise.all(Array.from({ length: 20 }, () => makeUser(db)));
  const venueId = randomUUID();
  const eventId = randomUUID();
  await db.$executeRawUnsafe(
    `INSERT INTO venues (id, owner_id, name, city, address, updated_at)
     VALUES ($1, $2, 'Bench Stadium', 'Taipei', '1 Stadium Road', now())`,
    venueId,
    organizer.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO sections (id, venue_id, name, ordering)
     SELECT gen_random_uuid(), $1, 'Section ' || s, s FROM generate_series(1, ${SECTIONS}) s`,
    venueId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO seats (id, venue_id, section_id, row_label, number, label, x, y)
     SELECT gen_random_uuid(), $1, sec.id, chr(64 + r), n, chr(64 + r) || '-' || n,
            (sec.ordering % 8) * 1200 + n * 20, (sec.ordering / 8) * 700 + r * 24
     FROM sections sec, generate_series(1, ${ROWS}) r, generate_series(1, ${SEATS_PER_ROW}) n
     WHERE sec.venue_id = $1`,
    venueId,
  );
  const start = new Date(Date.now() + 30 * 24 * 3600_000);
  await db.event.create({
    data: {
      id: eventId,
      organizerId: organizer.id,
      venueId,
      title: "Bench Stadium Night",
      category: "CONCERT",
      city: "Taipei",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3600_000),
      status: "PUBLISHED",
      priceTiers: {
        create: [
          { name: "VIP", price: 8800, ordering: 0 },
          { name: "Floor", price: 4800, ordering: 1 },
          { name: "Stand", price: 2800, ordering: 2 },
        ],
      },
    },
  });
  await db.$executeRawUnsafe(
    `INSERT INTO event_seats (id, event_id, seat_id, tier_id, status)
     SELECT gen_random_uuid(), $1, s.id,
            (SELECT t.id FROM price_tiers t WHERE t.event_id = $1
             ORDER BY t.ordering OFFSET LEAST(2, sec.ordering / 14) LIMIT 1),
            (CASE WHEN random() < 0.30 THEN 'SOLD' WHEN random() < 0.015 THEN 'BLOCKED'
                  ELSE 'AVAILABLE' END)::"EventSeatStatus"
     FROM seats s JOIN sections sec ON sec.id = s.section_id WHERE s.venue_id = $2`,
    eventId,
    venueId,
  );
  // 5% held, by 20 buyers, for ten minutes (count triggers keep hold_carts / hold_totals).
  await db.$executeRawUnsafe(
    `WITH free AS (
       SELECT es.id, row_number() OVER () AS n FROM event_seats es
       WHERE es.event_id = $1 AND es.status = 'AVAILABLE' AND random() < 0.075)
     INSERT INTO seat_holds (id, event_seat_id, event_id, user_id, price, expires_at)
     SELECT gen_random_uuid(), free.id, $1, ($2::uuid[])[1 + free.n % 20], 2800,
            now() + interval '10 minutes'
     FROM free`,
    eventId,
    buyers.map((buyer) => buyer.id),
  );
  await db.$executeRawUnsafe(
    `UPDATE event_seats SET status = 'RESERVED'
     WHERE id IN (SELECT event_seat_id FROM seat_holds WHERE event_id = $1)`,
    eventId,
  );
  await db.$executeRawUnsafe("VACUUM (ANALYZE)");
  return eventId;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
