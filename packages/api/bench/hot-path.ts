// Hot-path benchmark: what one buyer costs the database, request by request, on the way the web
// app's tRPC route serves it — the session check, the request context (DatabaseClock, the
// PostgreSQL rate-limit store), then reservation.hold, order.checkout and the demo provider's
// approve, whose signed webhook settles the order in-process.
//
// For each step it prints the SQL statements sent (every round trip through `pg`, BEGIN and
// COMMIT included) and the transactions they made (a BEGIN … COMMIT block, or one statement in
// autocommit), split into what the web layer adds (session check, rate limit) and what the
// procedure does; then the time per step at concurrency 1 and 32. The total number of
// transactions is checked against PostgreSQL's own count (pg_stat_database).
//
// Run:  pnpm bench:hot-path          (from the repository root)
// Env:  DATABASE_URL       use this server (a fresh openticket_bench_* database is created and
//                          dropped); otherwise a throwaway embedded PostgreSQL is started
//       BENCH_PATHS        buyer paths per worker at each concurrency (default 20 at 1, 4 at 32)
//       BENCH_CONCURRENCY  comma-separated worker counts (default 1,32)
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import pg from "pg";
import { createContext, defaultSettings } from "../src/context.ts";
import { DatabaseClock } from "../src/database-clock.ts";
import { postgresStore } from "../src/rate-limits/limiter-store.ts";
import { RateLimits } from "../src/rate-limits/rate-limits.ts";
import { createCaller } from "../src/root.ts";
import { SessionUsers } from "../src/services/auth/session-cache.ts";
import { auditPaymentInvariants } from "../src/services/payments/audit-invariants.ts";
import { inProcessDemoProvider } from "../src/services/payments/in-process-demo.ts";
import { adminQuery, connectionsClosed, openServer, withDatabase } from "./bench-server.ts";

const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,32").split(",").map(Number);
const PATHS = process.env.BENCH_PATHS ? Number(process.env.BENCH_PATHS) : null;
const SEATS_PER_HOLD = 2;
const DATABASE = `openticket_bench_${randomBytes(6).toString("hex")}`;

const STEPS = ["hold", "checkout", "approve + settle"] as const;
type Step = (typeof STEPS)[number];
type Part = "session" | "rate limit" | "procedure";

// ---------------------------------------------------------------------------------------------
// Counting round trips: every query of every `pg` client (Prisma's adapter and the rate-limit
// pool share this module), attributed to the step and part whose async context sent it. A hold
// batch shared by several requests is counted to the request that started it.

type Tally = { statements: number; transactions: number };
const tallies = new Map<string, Tally>();
const running = new AsyncLocalStorage<{ step: Step; part: Part } | undefined>();
/** Every transaction the app's clients made, attributed or not: compared with PostgreSQL's. */
const allClients = { transactions: 0, watching: false };
const rateLimitClients = new WeakSet<object>();
const openTransaction = new WeakSet<object>();

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "");
  let startsTransaction = false;
  if (/^\s*BEGIN/i.test(text)) {
    openTransaction.add(this);
    startsTransaction = true;
  } else if (/^\s*(COMMIT|ROLLBACK)/i.test(text)) {
    openTransaction.delete(this);
  } else {
    startsTransaction = !openTransaction.has(this);
  }
  if (allClients.watching && startsTransaction) allClients.transactions++;
  const current = running.getStore();
  if (current) {
    const part = rateLimitClients.has(this) ? "rate limit" : current.part;
    const key = `${current.step}|${part}`;
    const tally = tallies.get(key) ?? { statements: 0, transactions: 0 };
    tally.statements++;
    if (startsTransaction) tally.transactions++;
    tallies.set(key, tally);
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

// A pool hands a freed connection to the next waiter from inside the releasing caller's
// callback: bind each waiter's callback to its own context, or its queries count as another's.
const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function boundConnect(this: pg.Pool, callback?: unknown) {
  const bound =
    typeof callback === "function"
      ? AsyncResource.bind(callback as (...args: unknown[]) => unknown)
      : callback;
  return (originalConnect as (...a: unknown[]) => unknown).call(this, bound);
} as typeof pg.Pool.prototype.connect;

// ---------------------------------------------------------------------------------------------

type Buyer = { id: string; username: string; sessionVersion: number };
type Seats = { eventId: string; free: string[] };

async function main() {
  const server = await openServer();
  const url = withDatabase(server.adminUrl, DATABASE);
  try {
    await adminQuery(server.adminUrl, `CREATE DATABASE "${DATABASE}"`);
    await migrate(url);
    const seedDb = createDb(url, { maxConnections: 4 });
    const { seats, buyers } = await seed(seedDb);
    await seedDb.$disconnect();
    await adminQuery(url, "VACUUM (ANALYZE)");
    console.log(`Database ${DATABASE} (${server.label}); Node ${process.version}\n`);

    for (const concurrency of CONCURRENCY) {
      const paths = PATHS ?? (concurrency === 1 ? 20 : 4);
      // A fresh client and pool per level: their connections close at the end, which makes
      // PostgreSQL flush their transaction counts for the cross-check.
      const before = await serverTransactions(url);
      allClients.transactions = 0;
      allClients.watching = true;
      const db = createDb(url);
      // As rateLimitsFor builds it without Redis: a small pool of its own. Generous limits:
      // this measures the cost of counting, not refusals.
      const limitsPool = new pg.Pool({ connectionString: url, max: 4 });
      limitsPool.on("connect", (client) => rateLimitClients.add(client));
      const rateLimits = new RateLimits(await postgresStore(limitsPool), {
        seatWritesPerUserPerMinute: 100_000,
      });
      const clock = new DatabaseClock(db);
      await clock.start();
      // As the web app keeps it (apps/web/src/server/auth.ts): listening for user changes.
      const sessions = new SessionUsers(db, { connectionString: url });
      await sessions.start();
      // Warm-up: plans, prepared statements, connections.
      await runLevel(db, rateLimits, clock, sessions, seats, buyers, 4, 1, false);
      tallies.clear();
      const result = await runLevel(
        db,
        rateLimits,
        clock,
        sessions,
        seats,
        buyers,
        concurrency,
        paths,
        true,
      );
      clock.stop();
      await sessions.stop();
      await db.$disconnect();
      await limitsPool.end();
      allClients.watching = false;
      await connectionsClosed(server.adminUrl, DATABASE);
      // Minus the one transaction of the connection that read `before`.
      const counted = (await serverTransactions(url)) - before - 1;
      report(concurrency, result);
      console.log(
        `Cross-check, warm-up and clock included: PostgreSQL counted ${counted} transactions, ` +
          `the app's clients ${allClients.transactions} (PostgreSQL also counts one each time ` +
          "an idle LISTEN connection, here the session cache's, wakes up to read notifications).",
      );
    }
    const auditDb = createDb(url, { maxConnections: 2 });
    const problems = await auditPaymentInvariants(auditDb, {
      now: new Date(),
      paymentGraceMs: defaultSettings.paymentGraceMs,
    });
    await auditDb.$disconnect();
    console.log(
      `\nMoney invariants: ${problems.length ? `FAIL ${JSON.stringify(problems)}` : "OK"}`,
    );
    if (problems.length) process.exitCode = 1;
  } finally {
    await connectionsClosed(server.adminUrl, DATABASE).catch(() => {});
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await server.stop();
  }
}

type LevelResult = {
  completed: number;
  failures: string[];
  latencies: Map<Step, number[]>;
  seconds: number;
};

async function runLevel(
  db: Db,
  rateLimits: RateLimits,
  clock: DatabaseClock,
  sessions: SessionUsers,
  seats: Seats,
  buyers: Buyer[],
  concurrency: number,
  pathsPerWorker: number,
  counted: boolean,
): Promise<LevelResult> {
  const latencies = new Map<Step, number[]>(STEPS.map((step) => [step, []]));
  const failures: string[] = [];
  let completed = 0;
  const payments = inProcessDemoProvider(db);

  /** One HTTP request's worth: the session check and context, then the procedure. */
  async function request<T>(step: Step, buyer: Buyer, call: (api: Api) => Promise<T>) {
    const part = (name: Part) => (counted ? { step, part: name } : undefined);
    // What apps/web/src/server/auth.ts getSessionUser does after decoding the JWT.
    const user = await running.run(part("session"), () =>
      sessions.resolve({ userId: buyer.id, sessionVersion: buyer.sessionVersion }),
    );
    if (!user) throw new Error("session refused");
    const api = createCaller(
      createContext({
        db,
        user,
        now: clock.now,
        payments,
        settings: defaultSettings,
        ip: "127.0.0.1",
        rateLimits,
      }),
    );
    return running.run(part("procedure"), () => call(api));
  }

  async function buyerPath(buyer: Buyer, key: string) {
    const seatIds = seats.free.splice(0, SEATS_PER_HOLD);
    if (seatIds.length < SEATS_PER_HOLD) throw new Error("The venue ran out of seats.");
    const timed = async <T>(step: Step, work: () => Promise<T>) => {
      const began = performance.now();
      const value = await work();
      latencies.get(step)?.push(performance.now() - began);
      return value;
    };
    await timed("hold", () =>
      request("hold", buyer, (api) => api.reservation.hold({ eventId: seats.eventId, seatIds })),
    );
    const started = await timed("checkout", () =>
      request("checkout", buyer, (api) =>
        api.order.checkout({ eventId: seats.eventId, idempotencyKey: key }),
      ),
    );
    const reference = started.redirectUrl?.split("/").at(-1) ?? "";
    await timed("approve + settle", () =>
      request("approve + settle", buyer, (api) => api.demoPayment.approve({ reference })),
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    if (order.status !== "PAID") throw new Error(`order ended ${order.status}`);
  }

  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; i < pathsPerWorker; i++) {
        const buyer = buyers[(worker + i * concurrency) % buyers.length] as Buyer;
        try {
          await buyerPath(buyer, randomBytes(8).toString("hex"));
          completed++;
        } catch (error) {
          if (failures.length < 5) failures.push(String(error));
        }
      }
    }),
  );
  return { completed, failures, latencies, seconds: (performance.now() - start) / 1000 };
}

type Api = ReturnType<typeof createCaller>;

function report(concurrency: number, result: LevelResult) {
  console.log(
    `\n== concurrency ${concurrency}: ${result.completed} paid buyer paths in ${result.seconds.toFixed(1)} s ` +
      `(${(result.completed / result.seconds).toFixed(1)} paths/s)` +
      (result.failures.length ? `; failures: ${result.failures.join(" | ")}` : ""),
  );
  const perPath = (value: number) => (value / result.completed).toFixed(1);
  const rows: string[][] = [["step", "part", "statements", "transactions", "p50 ms", "p99 ms"]];
  let statements = 0;
  let transactions = 0;
  for (const step of STEPS) {
    const times = result.latencies.get(step) ?? [];
    const timing = [ms(percentile(times, 0.5)), ms(percentile(times, 0.99))];
    const parts = (["session", "rate limit", "procedure"] as const).map((part) => {
      const tally = tallies.get(`${step}|${part}`) ?? { statements: 0, transactions: 0 };
      statements += tally.statements;
      transactions += tally.transactions;
      return tally;
    });
    const sum = parts.reduce((a, b) => ({
      statements: a.statements + b.statements,
      transactions: a.transactions + b.transactions,
    }));
    rows.push([step, "all", perPath(sum.statements), perPath(sum.transactions), ...timing]);
    (["session", "rate limit", "procedure"] as const).forEach((part, index) => {
      const tally = parts[index] as Tally;
      rows.push(["", part, perPath(tally.statements), perPath(tally.transactions), "", ""]);
    });
  }
  rows.push(["whole path", "", perPath(statements), perPath(transactions), "", ""]);
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  for (const row of rows) {
    console.log(row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join("  "));
  }
  if (concurrency > 1) console.log("(a hold batch counts to the request that started it)");
}

function percentile(values: number[], q: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

function ms(value: number) {
  return Number.isNaN(value) ? "-" : value.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Setup

async function seed(db: Db): Promise<{ seats: Seats; buyers: Buyer[] }> {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 40, seatsPerRow: 50 });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  const rows = await db.eventSeat.findMany({ where: { eventId: event.id }, select: { id: true } });
  const buyers: Buyer[] = [];
  for (let i = 0; i < 64; i += 16) {
    buyers.push(...(await Promise.all(Array.from({ length: 16 }, () => makeUser(db)))));
  }
  return { seats: { eventId: event.id, free: rows.map((row) => row.id) }, buyers };
}

async function serverTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT (xact_commit + xact_rollback)::float8 AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
