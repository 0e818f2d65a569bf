import { performance } from "node:perf_hooks";
import { createDb } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import pg from "pg";
import type { Visitor } from "../src/context.ts";
import {
  citiesQuery,
  eventPageQuery,
  type ListEventsInput,
  listEventCities,
  listEvents,
  listEventsInput,
} from "../src/services/event/list-events.ts";
import { foldSeatCounts, seatCountsQuery } from "../src/services/event/seat-counts.ts";
import { openServer, withDatabase } from "./bench-server.ts";

const DATABASE = "openticket_bench_events";
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const EVENTS = 100_000;
const VENUES = 500;
const STADIUM_SEATS = 50_000;
const STADIUM_EVENTS = 24;
const SALES = 2_000;
const day = 24 * 3600_000;

async function main() {
  const server = await openServer();
  const url = withDatabase(server.adminUrl, DATABASE);
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    if (process.env.BENCH_REBUILD === "1") {
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    }
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
    await migrate(url);

    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    const db = createDb(url);
    try {
      const version = await sql.query<{ server_version: string }>("SHOW server_version");
      console.log(`PostgreSQL ${version.rows[0]?.server_version} (${server.label}), ${DATABASE}`);
      const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
      if (rows[0]?.n !== EVENTS) {
        const started = performance.now();
        await build(sql);
        console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      // What the sweeper does every 30 s or so; then a sale in progress since the last fold.
      await foldSeatCounts(db);
      await onSaleInProgress(sql);
      await sql.query("VACUUM (ANALYZE)");
      const sizes = await sql.query<{ events: number; seats: number; changes: number }>(
        `SELECT (SELECT count(*) FROM events)::int AS events,
                (SELECT count(*) FROM event_seats)::int AS seats,
                (SELECT count(*) FROM event_seat_count_changes)::int AS changes`,
      );
      const size = sizes.rows[0];
      console.log(
        `${size?.events} events, ${size?.seats} event seats, ${size?.changes} seat-count ` +
          `changes not yet folded; ${RUNS} timed calls per filter\n`,
      );
      await measure(db, sql);
    } finally {
      await db.$disconnect();
      await sql.end();
    }
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The data

async function build(sql: pg.Client) {
  await sql.query("BEGIN");
  await sql.query("TRUNCATE users, venues, events RESTART IDENTITY CASCADE");
  await sql.query(`
    INSERT INTO users (id, username, email, password_hash, display_name, role, updated_at)
    SELECT gen_random_uuid(), 'organizer' || i, 'organizer' || i || '@bench.example', 'x',
           'Organizer ' || i, 'ORGANIZER', now()
    FROM generate_series(1, 20) i`);
  // 20 cities; venue 1–3 are the stadiums, in Linkou, where nothing else plays.
  await sql.query(`
    WITH cities AS (
      SELECT ARRAY['Taipei','New Taipei','Taoyuan','Taichung','Tainan','Kaohsiung','Hsinchu',
                   'Keelung','Chiayi','Changhua','Pingtung','Yilan','Hualien','Taitung',
                   'Nantou','Yunlin','Miaoli','Penghu','Kinmen','Linkou'] AS c
    ), names AS (
      SELECT ARRAY['Legacy','Zepp','Riverside','臺北流行音樂中心','高雄巨蛋','衛武營','Blue Note',
                   'The Wall','國家音樂廳','Clapper Studio','Pier-2','華山1914','松山文創園區',
                   'Corner House','Revolver','台中國家歌劇院','Kafka by the Sea','河岸留言',
                   'Witch House','Legacy Max'] AS n
    )
    INSERT INTO venues (id, owner_id, name, city, address, updated_at)
    SELECT gen_random_uuid(),
           (SELECT id FROM users ORDER BY username LIMIT 1 OFFSET i % 20),
           CASE WHEN i <= 3 THEN 'Linkou Stadium ' || i || ' 林口體育場'
                ELSE n[1 + i % 20] || ' ' || i END,
           CASE WHEN i <= 3 THEN 'Linkou' ELSE c[1 + i % 19] END,
           i || ' Bench Road', now()
    FROM generate_series(1, ${VENUES}) i, cities, names`);
  await sql.query(`
    INSERT INTO sections (id, venue_id, name, ordering)
    SELECT gen_random_uuid(), id, 'Main', 0 FROM venues`);
  // Stadiums: 50,000 seats (200 rows × 250); every other venue: 8 seats.
  await sql.query(`
    INSERT INTO seats (id, venue_id, section_id, row_label, number, label, x, y)
    SELECT gen_random_uuid(), v.id, s.id, 'R' || (n / 250), n % 250 + 1,
           'R' || (n / 250) || '-' || (n % 250 + 1), (n % 250) * 10, (n / 250) * 10
    FROM venues v JOIN sections s ON s.venue_id = v.id,
         generate_series(0, CASE WHEN v.city = 'Linkou' THEN ${STADIUM_SEATS - 1} ELSE 7 END) n`);
  // Events: titles and performers from word lists, Latin and CJK; dates over two years, from a
  // year ago, one to four hours long, a few exhibitions a month long.
  await sql.query(`
    WITH words AS (
      SELECT ARRAY['Jazz Night','Symphony','Rock Festival','Live Tour','Comedy Hour','Talk',
                   'Workshop','Marathon','Exhibition','Opera Gala','Indie Showcase','Film Night',
                   '演唱會','音樂節','交響樂之夜','爵士之夜','世界巡迴','脫口秀','講座','工作坊',
                   '馬拉松','特展','歌劇','獨立音樂'] AS title,
             ARRAY['Spring','Summer','Autumn','Winter','Midnight','Golden','Neon','Electric',
                   '春季','夏日','秋天','冬季','午夜','金色','霓虹','城市'] AS adjective,
             ARRAY['Blue Quartet','Mayday 五月天','Jay Chou 周杰倫','Jolin Tsai 蔡依林',
                   'JJ Lin 林俊傑','A-Mei 張惠妹','G.E.M. 鄧紫棋','Hebe 田馥甄','Eason 陳奕迅',
                   'Sodagreen 蘇打綠','No Party For Cao Dong 草東沒有派對','Elephant Gym 大象體操',
                   'Taipei Symphony Orchestra 臺北市立交響樂團','Sunset Rollercoaster 落日飛車',
                   'The Chairs 椅子樂團','Crispy 脆樂團','Wonderful Ticket 好好票',
                   'Hello Nico','Accusefive 告五人','Leo Wang 王若琳'] AS performer,
             ARRAY['CONCERT','TALK','SPORTS','EXHIBITION','THEATRE','WORKSHOP','OTHER']::"EventCategory"[] AS category
    ), numbered AS (
      SELECT i,
             CASE WHEN i <= ${STADIUM_EVENTS} THEN 1 + i % 3 ELSE 4 + (i * 7919) % ${VENUES - 3} END AS venue_no,
             now() - interval '365 days' + ((i::bigint * 104729) % (730 * 24)) * interval '1 hour' AS starts_at
      FROM generate_series(1, ${EVENTS}) i
    ), venue_numbers AS (
      SELECT id, owner_id, city,
             row_number() OVER (ORDER BY name LIKE 'Linkou Stadium%' DESC, name) AS n
      FROM venues
    )
    INSERT INTO events (id, organizer_id, venue_id, title, performer, category, city, starts_at,
                        ends_at, status, updated_at)
    SELECT gen_random_uuid(), v.owner_id, v.id,
           w.adjective[1 + i % 16] || ' ' || w.title[1 + (i / 16) % 24] || ' ' || (2026 + i % 2)
             || CASE WHEN i % 997 = 0 THEN ' Zephyr' ELSE '' END,
           CASE WHEN i % 1499 = 0 THEN 'Qwyx Trio 曲奇三重奏' ELSE w.performer[1 + (i * 31) % 20] END,
           w.category[1 + (i * 13) % 7], v.city, starts_at,
           starts_at + CASE WHEN i % 211 = 0 THEN interval '30 days'
                            ELSE (1 + i % 4) * interval '1 hour' END,
           (CASE WHEN i % 25 = 0 THEN 'DRAFT' WHEN i % 50 = 1 THEN 'CANCELLED'
                 ELSE 'PUBLISHED' END)::"EventStatus", now()
    FROM numbered, words w, venue_numbers v
    WHERE v.n = numbered.venue_no`);
  // The stadium events are all to come, and on sale.
  await sql.query(`
    UPDATE events SET status = 'PUBLISHED', starts_at = x.starts_at,
           ends_at = x.starts_at + interval '4 hours'
    FROM (SELECT id, now() + (10 + abs(hashtext(id::text)) % 300) * interval '1 day' AS starts_at
          FROM events WHERE city = 'Linkou') x
    WHERE events.id = x.id`);
  await sql.query(`
    INSERT INTO price_tiers (id, event_id, name, price, ordering)
    SELECT gen_random_uuid(), id, 'Standard', 500 + (abs(hashtext(id::text)) % 30) * 100, 0
    FROM events`);
  await sql.query(`
    INSERT INTO event_seats (id, event_id, seat_id, tier_id, status)
    SELECT gen_random_uuid(), e.id, s.id, pt.id,
           (CASE WHEN e.city <> 'Linkou' THEN 'AVAILABLE'
                 WHEN s.number % 3 = 0 THEN 'SOLD'
                 WHEN s.number = 250 THEN 'BLOCKED'
                 ELSE 'AVAILABLE' END)::"EventSeatStatus"
    FROM events e JOIN price_tiers pt ON pt.event_id = e.id JOIN seats s ON s.venue_id = e.venue_id`);
  await sql.query("COMMIT");
}

/**
 * An on-sale in progress at one stadium: 2,000 sales of 2 seats, one statement each. Reset
 * first, so every run starts from the same counts.
 */
async function onSaleInProgress(sql: pg.Client) {
  const { rows } = await sql.query<{ id: string }>(
    "SELECT id FROM events WHERE city = 'Linkou' ORDER BY starts_at, id LIMIT 1",
  );
  const eventId = rows[0]?.id;
  await sql.query(
    `UPDATE event_seats es SET status = 'AVAILABLE' FROM seats s
     WHERE es.event_id = $1 AND s.id = es.seat_id AND s.number % 3 <> 0 AND s.number <> 250
       AND es.status = 'SOLD'`,
    [eventId],
  );
  const { rows: seats } = await sql.query<{ id: string }>(
    "SELECT id FROM event_seats WHERE event_id = $1 AND status = 'AVAILABLE' ORDER BY id LIMIT $2",
    [eventId, SALES * 2],
  );
  for (let i = 0; i + 1 < seats.length; i += 2) {
    await sql.query(
      "UPDATE event_seats SET status = 'SOLD' WHERE id = ANY($1::uuid[]) AND status = 'AVAILABLE'",
      [[seats[i]?.id, seats[i + 1]?.id]],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The measurements

type Case = { name: string; input?: Partial<ListEventsInput>; cities?: true };

async function measure(db: ReturnType<typeof createDb>, sql: pg.Client) {
  const visitor: Visitor = { user: null, now: () => new Date() };
  const list = (input: Partial<ListEventsInput>) =>
    listEvents(db, { limit: 12, ...input }, visitor);
  const firstPage = await list({});
  const cases: Case[] = [
    { name: "no filter", input: {} },
    { name: "category THEATRE", input: { category: "THEATRE" } },
    { name: "city tainan", input: { city: "tainan" } },
    {
      name: "date range (+200 d, 30 d)",
      input: { from: new Date(Date.now() + 200 * day), to: new Date(Date.now() + 230 * day) },
    },
    { name: "2nd page by cursor", input: { cursor: firstPage.nextCursor ?? undefined } },
    { name: "stadiums (city Linkou)", input: { city: "Linkou" } },
    { name: 'text "quartet"', input: { q: "quartet" } },
    { name: 'text "zephyr" (rare)', input: { q: "zephyr" } },
    { name: 'text "qwyx trio" (rare)', input: { q: "qwyx trio" } },
    { name: 'text "五月天" (CJK)', input: { q: "五月天" } },
    { name: 'text "曲奇三重奏" (CJK rare)', input: { q: "曲奇三重奏" } },
    { name: 'text "爵士" (2 chars CJK)', input: { q: "爵士" } },
    { name: 'text "zy" (2 chars, none)', input: { q: "zy" } },
    { name: 'text "a" (1 char)', input: { q: "a" } },
    { name: 'text "100%" (none)', input: { q: "100%" } },
    { name: 'text "林口" + category SPORTS', input: { q: "林口", category: "SPORTS" } },
    { name: "event.cities", cities: true },
  ];
  console.log(
    `${"filter".padEnd(32)} ${"items".padStart(5)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)}`,
  );
  for (const test of cases) {
    const call = async () =>
      test.cities
        ? (await listEventCities(db, visitor)).length
        : (await list(test.input ?? {})).items.length;
    let items = 0;
    for (let i = 0; i < WARM_UP; i++) items = await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(
      `${test.name.padEnd(32)} ${String(items).padStart(5)} ${at(0.5).padStart(7)} ${at(0.95).padStart(7)} ${at(1).padStart(7)}`,
    );
  }
  const stadiums = await list({ city: "Linkou" });
  await explain(
    sql,
    cases,
    visitor,
    stadiums.items.map((item) => item.id),
  );
}

/** The plan of each list's page query (and of the seat counts and cities), in brief. */
async function explain(sql: pg.Client, cases: Case[], visitor: Visitor, stadiumIds: string[]) {
  console.log("\nPlans (EXPLAIN ANALYZE: scan nodes, and the total):");
  const show = async (name: string, query: { text: string; values: unknown[] }) => {
    const { rows } = await sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${query.text}`,
      query.values,
    );
    const lines = rows.map((row) => row["QUERY PLAN"]);
    const scans = lines
      .filter((line) => /Scan|Sort|Limit/.test(line) && !/Sort Key|Sort Method/.test(line))
      .map((line) => line.replace(/\(actual.*loops=(\d+)\)/, "(loops=$1)").trim());
    const total = lines.find((line) => line.startsWith("Execution Time"));
    console.log(`${name}: ${total}\n  ${[...new Set(scans)].slice(0, 8).join("\n  ")}`);
  };
  for (const test of cases) {
    if (test.cities) await show(test.name, citiesQuery(visitor.now()));
    else {
      const input = listEventsInput.parse({ ...test.input });
      await show(test.name, eventPageQuery(input, visitor.now()));
    }
  }
  await show("seat counts of the stadium page", seatCountsQuery(stadiumIds));
}

// ---------------------------------------------------------------------------------------------
// Server

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
