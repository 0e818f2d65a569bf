// `pnpm bench:onsale`: a stadium on-sale played against OpenTicket over HTTP, then the raw
// database floor and the SQL audit, all in one run. See docs/performance.md for what it measured.
//
// Settings (environment):
//   BENCH_URL            an OpenTicket already running; unset, the bench starts one (apps/web
//                        must be built) on a fresh database `openticket_bench_onsale`
//   DATABASE_URL         the PostgreSQL server for that database (default: local, user postgres);
//                        with BENCH_URL, the database that server uses (audit, counts, floor)
//   BENCH_SEATS 50000    BENCH_BUYERS 200    BENCH_SECONDS 600 (stop starting purchases after)
//   BENCH_PROCESSES      passed to the server it starts as WEB_CONCURRENCY (default: one per
//                        core, as `pnpm start`)
//   BENCH_SEAT_WRITES_PER_MINUTE 6000   the server's per-buyer hold/checkout limit (see below)
//   BENCH_WAITING_ROOM_PER_MINUTE   unset: no waiting room; set: buyers queue, admitted at this rate
//   BENCH_FLOOR_SECONDS 15   BENCH_FLOOR_CLIENTS min(buyers, 64)   BENCH_TIMEOUT_MS 60000
import { availableParallelism } from "node:os";
import pg from "pg";
import { auditSale, transactionCount } from "./audit.ts";
import { measureFloor } from "./floor.ts";
import { nextAuthSignIn } from "./http.ts";
import { runOnSale, secs } from "./onsale.ts";
import { megabytes, stepTable } from "./report.ts";
import { freshDatabase, machineBusySeconds, type StartedServer, startWebApp } from "./server.ts";
import { sustainedAdmissionsPerMinute } from "./waiting-room.ts";

const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const settings = {
  seats: number("BENCH_SEATS", 50_000),
  buyers: number("BENCH_BUYERS", 200),
  seconds: number("BENCH_SECONDS", 600),
  processes: number("BENCH_PROCESSES", availableParallelism()),
  seatWritesPerMinute: number("BENCH_SEAT_WRITES_PER_MINUTE", 6_000),
  floorSeconds: number("BENCH_FLOOR_SECONDS", 15),
  timeoutMs: number("BENCH_TIMEOUT_MS", 60_000),
  maxSeatsPerOrder: 4,
  waitingRoomPerMinute: env.BENCH_WAITING_ROOM_PER_MINUTE
    ? number("BENCH_WAITING_ROOM_PER_MINUTE", 600)
    : undefined,
};
// PostgreSQL allows 100 connections here, and the app keeps its own pool open beside the floor.
const floorClients = number("BENCH_FLOOR_CLIENTS", Math.min(settings.buyers, 64));
const serverUrl = env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(line);

log("OpenTicket on-sale benchmark");
log(
  `settings: ${settings.seats} seats, ${settings.buyers} buyers, ≤ ${settings.seconds} s, ` +
    `${settings.maxSeatsPerOrder} seats per order at most (buyers take 2–4), request timeout ${secs(settings.timeoutMs)}`,
);

let server: StartedServer | null = null;
let exitCode = 0;
// Interrupted: stop the server this run started, not leave it running.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
const databaseUrl = env.BENCH_URL ? serverUrl : await prepareDatabase();
const db = new pg.Client({ connectionString: databaseUrl });
// Set once the stadium exists: a run that fails after that still audits what it sold.
let saleEventId: string | null = null;
let audited = false;
try {
  let baseUrl = env.BENCH_URL ?? "";
  if (!baseUrl) {
    const started = performance.now();
    server = await startWebApp({
      databaseUrl,
      // Like a deployment behind one reverse proxy: the proxy appends each client's address to
      // X-Forwarded-For (the bench sends one per buyer), and the per-address limits on sign-up
      // and sign-in apply to each buyer. Limits stay on.
      // The per-buyer limit on holds and checkouts (60 a minute) is for a person buying a few
      // seats; each bench buyer stands in for the ~80 people who would buy their share of a
      // 50,000-seat stadium in two minutes, so it gets a hundred times that allowance.
      env: {
        TRUST_PROXY: "1",
        WEB_CONCURRENCY: String(settings.processes),
        RATE_LIMIT_SEAT_WRITES_PER_MINUTE: String(settings.seatWritesPerMinute),
      },
      log,
    });
    baseUrl = server.url;
    log(`server: started in ${secs(performance.now() - started)} at ${baseUrl}`);
    const shown = { ...server.settings, REDIS_URL: env.REDIS_URL ? "set" : "unset" };
    log(
      `server settings: ${Object.entries(shown)
        .map(([name, value]) => `${name}=${value}`)
        .join(" ")}` +
        ` (rate-limit counters in ${env.REDIS_URL ? "Redis" : "PostgreSQL"}; limits on; one address per buyer in X-Forwarded-For)`,
    );
  } else {
    log(`server: ${baseUrl} (BENCH_URL; its settings are its own)`);
  }
  await db.connect();

  let transactionsBefore = 0;
  let cpuBefore = 0;
  let benchCpuBefore = process.cpuUsage();
  let machineBefore = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (server) peakRss = Math.max(peakRss, server.usage().rssBytes);
  }, 1_000);
  const result = await runOnSale({
    baseUrl,
    signIn: nextAuthSignIn(baseUrl, settings.timeoutMs),
    organizer: {
      login: env.BENCH_ORGANIZER ?? "organizer",
      password: env.BENCH_ORGANIZER_PASSWORD ?? "organizer-demo-2026",
    },
    seats: settings.seats,
    buyers: settings.buyers,
    durationMs: settings.seconds * 1000,
    maxSeatsPerOrder: settings.maxSeatsPerOrder,
    requestTimeoutMs: settings.timeoutMs,
    signUpParallel: 4,
    waitingRoomPerMinute: settings.waitingRoomPerMinute,
    log,
    beforeRush: async (stadium) => {
      saleEventId = stadium.eventId;
      // Only buyers with a verified address may pay (issue 14). The bench has no inbox to read
      // the 200 verification links from, so it marks its own buyers verified directly, and says so.
      const verified = await db.query(
        `UPDATE users SET email_verified_at = now()
          WHERE email LIKE '%@bench.example' AND email_verified_at IS NULL`,
      );
      log(
        `buyers: ${verified.rowCount} e-mail addresses marked verified in SQL (no inbox to read)`,
      );
      // Autovacuum may be off (it is on the development machines): fresh statistics for the new seats,
      // as a live database would have.
      const started = performance.now();
      await db.query("VACUUM (ANALYZE)");
      log(`database: VACUUM (ANALYZE) in ${secs(performance.now() - started)}`);
      transactionsBefore = await transactionCount(db);
      cpuBefore = server?.usage().cpuSeconds ?? 0;
      benchCpuBefore = process.cpuUsage();
      machineBefore = machineBusySeconds();
      peakRss = server?.usage().rssBytes ?? 0;
    },
  });
  clearInterval(sampler);
  const { rush } = result;
  const rushSeconds = rush.wallMs / 1000;
  const cpuSeconds = (server?.usage().cpuSeconds ?? 0) - cpuBefore;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const benchCpuSeconds = (benchCpu.user + benchCpu.system) / 1e6;
  const machineSeconds = machineBusySeconds() - machineBefore;
  // Let the backends report their last counts (at most once a second, when idle).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const transactions = (await transactionCount(db)) - transactionsBefore;

  log("");
  log("== Rush ==");
  for (const line of stepTable(rush)) log(line);
  log("");
  const audit = await auditSale(db, result.stadium.eventId);
  audited = true;
  const ticketsPerSecond = rush.ticketsSold / rushSeconds;
  log(
    `tickets sold: ${rush.ticketsSold} in ${rush.ordersPaid} paid orders (database: ${audit.soldSeats} SOLD seats of ${audit.seats}, ${audit.pendingOrders} orders still PENDING)`,
  );
  log(`sold out: ${rush.soldOut ? "yes" : "no"}`);
  if (settings.waitingRoomPerMinute) {
    const sustained = sustainedAdmissionsPerMinute(rush.admittedAfterMs);
    const last = Math.max(0, ...rush.admittedAfterMs);
    log(
      `waiting room: ${rush.admittedAfterMs.length} of ${settings.buyers} buyers admitted, the last after ${secs(last)}; ` +
        `sustained ${sustained === null ? "-" : sustained.toFixed(0)} admissions a minute (set: ${settings.waitingRoomPerMinute})`,
    );
  }
  log(`wall time: ${secs(rush.wallMs)} (last sale at ${secs(rush.lastSaleMs)})`);
  log(`tickets/s: ${ticketsPerSecond.toFixed(1)}`);
  log(
    `errors: ${[...rush.stats.errorTotals()].map(([code, count]) => `${code} ${count}`).join(", ") || "none"}`,
  );
  log(
    `database transactions during the rush: ${transactions} (${
      rush.ordersPaid ? (transactions / rush.ordersPaid).toFixed(1) : "-"
    } per paid order; every map, hold, checkout, payment and poll included)`,
  );
  if (server) {
    log(
      `server processes: ${cpuSeconds.toFixed(1)} CPU s during the rush (${(cpuSeconds / rushSeconds).toFixed(2)} cores on average), peak RSS ${megabytes(peakRss)}`,
    );
    await server.stop();
    server = null;
  }
  log(
    `bench client: ${benchCpuSeconds.toFixed(1)} CPU s during the rush (${(benchCpuSeconds / rushSeconds).toFixed(2)} cores)`,
  );
  log(
    `machine: ${(machineSeconds / rushSeconds).toFixed(2)} of ${availableParallelism()} cores busy on average during the rush ` +
      `(PostgreSQL and any other work included)`,
  );

  log("");
  log("== Audit ==");
  if (audit.violations.length === 0) {
    log(
      `OK: no seat with two live tickets; SOLD seats = live tickets (${audit.liveTickets}); every PAID order (${audit.paidOrders}) has its CHARGE and tickets`,
    );
  } else {
    exitCode = 1;
    log(`FAILED: ${audit.violations.length} violations`);
    for (const violation of audit.violations.slice(0, 20)) {
      log(`  ${violation.problem}: ${violation.id}`);
    }
  }
  log("");
  log("== Raw floor (same database server, same run) ==");
  try {
    const floor = await measureFloor({
      databaseUrl,
      seats: result.stadium.seats,
      clients: floorClients,
      seconds: settings.floorSeconds,
    });
    log(
      `${floor.driver}, ${floor.clients} clients, ${floor.seconds} s of 2-seat guarded upserts: ` +
        `${floor.statementsPerSecond.toFixed(0)} statements/s, ${floor.seatsPerSecond.toFixed(0)} seats/s`,
    );
    log(
      `tickets/s ÷ floor seats/s: ${((100 * ticketsPerSecond) / floor.seatsPerSecond).toFixed(2)}%`,
    );
  } catch (error) {
    log(`floor not measured: ${error instanceof Error ? error.message : String(error)}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
  if (saleEventId && !audited) {
    // The run broke off mid-sale: what it did sell must still hold up.
    const audit = await auditSale(db, saleEventId).catch((failure: unknown) => {
      log(`audit not run: ${failure instanceof Error ? failure.message : String(failure)}`);
      return null;
    });
    if (audit) {
      log(`== Audit (after the failure) ==`);
      log(
        audit.violations.length === 0
          ? `OK: no seat with two live tickets; SOLD seats = live tickets (${audit.liveTickets}); every PAID order (${audit.paidOrders}) has its CHARGE and tickets`
          : `FAILED: ${audit.violations.length} violations`,
      );
      for (const violation of audit.violations.slice(0, 20)) {
        log(`  ${violation.problem}: ${violation.id}`);
      }
    }
  }
} finally {
  await server?.stop();
  await db.end().catch(() => {});
}
process.exit(exitCode);

async function prepareDatabase() {
  const url = await freshDatabase(serverUrl, "openticket_bench_onsale");
  log("database: openticket_bench_onsale dropped and created");
  return url;
}
