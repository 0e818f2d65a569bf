// The raw floor: the most seats per second the database alone can hand out, measured in the
// same run on the same server, to put the app's tickets/s in proportion.
//
// What it runs: a scratch table with one row per seat of the event (a copy, numbered 1..N), and
// clients that each loop on the cheapest correct way to claim two seats — one autocommit
// statement, the guarded upsert the reservation engine is built on:
//   INSERT … VALUES (a), (b) ON CONFLICT (seat) DO UPDATE … WHERE claim.expires_at < now()
// A claim ends at its own transaction's start, so any later statement may take the seat over:
// the floor never sells out, every statement does the full work of a contested claim (find the
// row, lock it, check the guard, write it), and a seat counts as won when the statement wrote
// it (two simultaneous claims of one seat: one wins). No session,
// no order, no payment, no ledger, no tickets, no HTTP: so it is a ceiling the app can only
// approach, and "tickets/s ÷ floor seats/s" says how much of the database's capacity the whole
// purchase path turns into sales. pgbench (C, prepared statements) drives it when installed, so
// the client's own CPU barely counts; otherwise `pg` clients in this process run the same SQL.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const CLAIM_SQL = `INSERT INTO onsale_floor_claims (seat, holder, expires_at, wins)
  VALUES ($1, $3, now(), 1), ($2, $3, now(), 1)
  ON CONFLICT (seat) DO UPDATE
    SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at,
        wins = onsale_floor_claims.wins + 1
  WHERE onsale_floor_claims.expires_at < now()`;

export type FloorResult = {
  driver: "pgbench" | "pg";
  clients: number;
  seconds: number;
  statementsPerSecond: number;
  seatsPerSecond: number;
};

export async function measureFloor(options: {
  databaseUrl: string;
  seats: number;
  clients: number;
  seconds: number;
}): Promise<FloorResult> {
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP TABLE IF EXISTS onsale_floor_claims;
      CREATE TABLE onsale_floor_claims (
        seat int PRIMARY KEY, holder int NOT NULL, expires_at timestamptz NOT NULL,
        wins int NOT NULL DEFAULT 0);
      INSERT INTO onsale_floor_claims (seat, holder, expires_at)
        SELECT n, 0, '-infinity' FROM generate_series(1, ${Math.trunc(options.seats)}) AS n;`);
    await admin.query("VACUUM (ANALYZE) onsale_floor_claims");
    // Connections are shared with whatever else uses this server: take what is left.
    const spare = await admin.query<{ spare: number }>(
      `SELECT current_setting('max_connections')::int
              - (SELECT count(*)::int FROM pg_stat_activity) - 5 AS spare`,
    );
    const clients = Math.max(1, Math.min(options.clients, spare.rows[0]?.spare ?? 1));
    const usePgbench = existsSync("/usr/bin/pgbench");
    const run = { ...options, clients };
    const statements = usePgbench ? await runPgbench(run) : await runPgClients(run);
    const won = await admin.query<{ wins: string }>(
      "SELECT sum(wins)::text AS wins FROM onsale_floor_claims",
    );
    return {
      driver: usePgbench ? "pgbench" : "pg",
      clients,
      seconds: options.seconds,
      statementsPerSecond: statements / options.seconds,
      seatsPerSecond: Number(won.rows[0]?.wins ?? 0) / options.seconds,
    };
  } finally {
    await admin.query("DROP TABLE IF EXISTS onsale_floor_claims").catch(() => {});
    await admin.end();
  }
}

/** pgbench with the claim as a custom script; answers how many statements ran. */
async function runPgbench(options: {
  databaseUrl: string;
  seats: number;
  clients: number;
  seconds: number;
}): Promise<number> {
  const script = join(mkdtempSync(join(tmpdir(), "onsale-floor-")), "claim.sql");
  // Two different seats: `b` is `a` plus 1..N-1, wrapped (one statement cannot upsert a row twice).
  writeFileSync(
    script,
    [
      `\\set a random(1, ${options.seats})`,
      `\\set b 1 + ((:a + random(0, ${options.seats - 2})) % ${options.seats})`,
      `\\set holder random(1, 1000000)`,
      `${CLAIM_SQL.replace("$1", ":a").replace("$2", ":b").replaceAll("$3", ":holder").replace(/\s+/g, " ")};`,
      "",
    ].join("\n"),
  );
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      "/usr/bin/pgbench",
      [
        "--no-vacuum",
        "--protocol=prepared",
        `--client=${options.clients}`,
        `--jobs=${Math.min(2, options.clients)}`,
        `--time=${options.seconds}`,
        `--file=${script}`,
        options.databaseUrl,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
    });
    child.stderr.on("data", (chunk) => {
      text += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pgbench failed:\n${text}`)),
    );
  });
  const processed = /number of transactions actually processed: (\d+)/.exec(output);
  if (!processed) throw new Error(`Unexpected pgbench output:\n${output}`);
  return Number(processed[1]);
}

async function runPgClients(options: {
  databaseUrl: string;
  seats: number;
  clients: number;
  seconds: number;
}): Promise<number> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.clients });
  const until = performance.now() + options.seconds * 1000;
  let statements = 0;
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            const a = 1 + Math.floor(Math.random() * options.seats);
            const b = 1 + ((a + Math.floor(Math.random() * (options.seats - 1))) % options.seats);
            await client.query({
              name: "onsale_floor_claim",
              text: CLAIM_SQL,
              values: [a, b, Math.floor(Math.random() * 1e6)],
            });
            statements++;
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return statements;
}
