// API throughput over real HTTP (keep-alive), server by server, in one run on one machine:
// requests/s, p50/p99 latency and the server's CPU time per operation, for
//   byId        event.byId, anonymous (the cheapest query)
//   signedIn    reservation.mine with a session cookie (session decode + user re-check)
//   holdRelease reservation.hold then reservation.release of 2 seats (one operation = both)
//   page        the event's page, rendered by Next.js (what the API server's relay costs a page)
// at each concurrency (one worker per buyer, each with its own seats), against these servers:
//   next-start  `next start` (one process, Next.js's own server)
//   web         scripts/web-server.ts alone: the API through Next.js's route handler
//   api         scripts/cluster.ts 1: the API server (what `pnpm start` runs, WEB_CONCURRENCY=1),
//               with its Next.js process behind it
//   api-x2      scripts/cluster.ts 2 (WEB_CONCURRENCY=2)
//   tcp-x2      2 web-server.ts processes behind a minimal TCP balancer (what relaying every
//               byte through one more process costs)
//   standalone  scripts/api-standalone-prototype.ts (tRPC's standalone adapter, no guards)
// Needs a build (`pnpm --filter @openticket/web build`) and DATABASE_URL (a PostgreSQL server:
// a fresh openticket_bench_<random> database is created there, migrated, and dropped at the end).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @openticket/web bench:api
// Settings: BENCH_SECONDS (5 per cell), BENCH_CONCURRENCY (1,32,128), BENCH_TARGETS,
// BENCH_SCENARIOS (all by default).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import getPort from "get-port";
import { encode } from "next-auth/jwt";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = list(process.env.BENCH_CONCURRENCY, "1,32,128").map(Number);
const TARGETS = list(process.env.BENCH_TARGETS, "web,api,standalone");
const SCENARIOS = list(process.env.BENCH_SCENARIOS, "byId,signedIn,holdRelease");
const SECRET = randomBytes(32).toString("base64url");
const CLOCK_TICKS_PER_SECOND = 100;

function list(value: string | undefined, fallback: string) {
  return (value || fallback).split(",").map((item) => item.trim());
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server (a bench database is made there).");
  process.exit(2);
}

type Fixture = { eventId: string; seatIds: string[]; cookies: string[] };
type Scenario = (fixture: Fixture, worker: number) => Array<() => RequestSpec>;
type RequestSpec = { method: "GET" | "POST"; path: string; body?: string; cookie?: string };

const call = (path: string, input: unknown) =>
  `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Each scenario is one operation: the requests a worker sends one after another. */
const scenarios: Record<string, Scenario> = {
  byId: (f) => [() => ({ method: "GET", path: call("event.byId", { id: f.eventId }) })],
  signedIn: (f, w) => [
    () => ({
      method: "GET",
      path: call("reservation.mine", { eventId: f.eventId }),
      cookie: f.cookies[w],
    }),
  ],
  page: (f) => [() => ({ method: "GET", path: `/events/${f.eventId}` })],
  holdRelease: (f, w) => {
    const input = JSON.stringify({
      json: { eventId: f.eventId, seatIds: f.seatIds.slice(2 * w, 2 * w + 2) },
    });
    return [
      () => ({
        method: "POST",
        path: "/api/trpc/reservation.hold",
        body: input,
        cookie: f.cookies[w],
      }),
      () => ({
        method: "POST",
        path: "/api/trpc/reservation.release",
        body: input,
        cookie: f.cookies[w],
      }),
    ];
  },
};

async function main() {
  const maxWorkers = Math.max(...CONCURRENCY);
  const name = `openticket_bench_${randomBytes(6).toString("hex")}`;
  const admin = createDb(serverUrl as string, { maxConnections: 1 });
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = createDb(databaseUrl, { maxConnections: 4 });
  try {
    await migrate(databaseUrl);
    const fixture = await makeFixture(db, maxWorkers);
    await db.$executeRawUnsafe("VACUUM (ANALYZE)");
    console.log(
      `node ${process.version}, ${SECONDS} s per cell, concurrency ${CONCURRENCY.join("/")}; ` +
        "client and servers share this machine's cores",
    );
    console.log(
      "target       scenario     N    ops/s   p50 ms   p99 ms  errors  server cpu/op  others",
    );
    const results = new Map<string, number>();
    for (const target of TARGETS) {
      const server = await startTarget(target, databaseUrl);
      try {
        await warmUp(server.baseUrl, fixture);
        for (const scenario of SCENARIOS) {
          for (const n of CONCURRENCY) {
            const row = await measure(server, fixture, scenario, n);
            results.set(`${target}/${scenario}/${n}`, row.opsPerSecond);
            await db.seatHold.deleteMany({});
          }
        }
      } finally {
        await server.stop();
      }
    }
    printRatios(results);
  } finally {
    await db.$disconnect();
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.$disconnect();
  }
}

async function makeFixture(db: Db, buyers: number): Promise<Fixture> {
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id, rows: 20, seatsPerRow: 50 });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  const seats = await db.eventSeat.findMany({
    where: { eventId: event.id },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const cookies: string[] = [];
  for (let i = 0; i < buyers; i++) {
    const user = await makeUser(db);
    // The token next-auth's jwt callback writes (src/server/auth.ts), signed with this run's secret.
    const token = await encode({
      secret: SECRET,
      token: {
        sub: user.id,
        name: user.displayName,
        userId: user.id,
        username: user.username,
        role: user.role,
        sessionVersion: user.sessionVersion,
      },
    });
    cookies.push(`next-auth.session-token=${token}`);
  }
  return { eventId: event.id, seatIds: seats.map((seat) => seat.id), cookies };
}

/** Round-robin per connection over two app processes it starts itself; stops them on SIGTERM. */
const TCP_BALANCER = `
const net = require("node:net");
const { spawn } = require("node:child_process");
const [port, a, b, script] = process.argv.slice(1);
const backends = [a, b].map(Number);
const children = backends.map((p) => spawn(process.execPath,
  ["--import", "tsx", script, "--port", String(p), "--hostname", "127.0.0.1"], { stdio: "inherit" }));
let turn = 0;
net.createServer((client) => {
  const upstream = net.connect(backends[turn++ % 2], "127.0.0.1");
  client.pipe(upstream).pipe(client);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
}).listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => { for (const child of children) child.kill("SIGTERM"); process.exit(0); });
`;

type Server = { name: string; baseUrl: string; pid: number; stop: () => Promise<void> };

async function startTarget(target: string, databaseUrl: string): Promise<Server> {
  const port = await getPort({ host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const tsx = ["--import", "tsx"];
  const address = ["--port", String(port), "--hostname", "127.0.0.1"];
  const commands: Record<string, string[]> = {
    "next-start": [`${appDir}/node_modules/next/dist/bin/next`, "start", ...address],
    web: [...tsx, `${appDir}/scripts/web-server.ts`, ...address],
    api: [...tsx, `${appDir}/scripts/cluster.ts`, "1", "--", ...address],
    "api-x2": [...tsx, `${appDir}/scripts/cluster.ts`, "2", "--", ...address],
    standalone: [...tsx, `${appDir}/scripts/api-standalone-prototype.ts`, "--port", String(port)],
    "tcp-x2": [
      "-e",
      TCP_BALANCER,
      String(port),
      String(await getPort({ host: "127.0.0.1" })),
      String(await getPort({ host: "127.0.0.1" })),
      `${appDir}/scripts/web-server.ts`,
    ],
  };
  const args = commands[target];
  if (!args) throw new Error(`unknown target ${target}`);
  const output: string[] = [];
  const child = spawn(process.execPath, args, {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: baseUrl,
      RATE_LIMITS: "off",
      HOLD_SWEEP_INTERVAL_SECONDS: "0",
      JOB_RUNNER: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${target} did not come up:\n${output.join("")}`);
    }
    const status = await send(new Agent(), baseUrl, {
      method: "GET",
      path: call("event.cities", {}),
    }).catch(() => 0);
    if (status > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name: target, baseUrl, pid: child.pid as number, stop: () => stop(child) };
}

/** Every scenario from 16 workers for 4 s, so that each process (both, behind a cluster) is warm. */
async function warmUp(baseUrl: string, fixture: Fixture) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const until = performance.now() + 4_000;
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      while (performance.now() < until) {
        for (const scenario of Object.values(scenarios)) {
          for (const spec of scenario(fixture, worker)) await send(agent, baseUrl, spec());
        }
      }
    }),
  );
  agent.destroy();
}

async function measure(server: Server, fixture: Fixture, scenarioName: string, n: number) {
  const scenario = scenarios[scenarioName];
  if (!scenario) throw new Error(`unknown scenario ${scenarioName}`);
  const agent = new Agent({ keepAlive: true, maxSockets: n });
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = processTreeCpuMs(server.pid);
  const machineBefore = machineBusyMs();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: n }, async (_, worker) => {
      const steps = scenario(fixture, worker);
      while (performance.now() < until) {
        const begin = performance.now();
        let ok = true;
        for (const step of steps) {
          const status = await send(agent, server.baseUrl, step()).catch(() => 0);
          if (status !== 200) ok = false;
        }
        if (ok) latencies.push(performance.now() - begin);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = processTreeCpuMs(server.pid) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  const clientMs = (client.user + client.system) / 1000;
  // The share of the machine that neither the server nor this client used: other programs.
  const others =
    (machineBusyMs() - machineBefore - cpuMs - clientMs) /
    (elapsed * 1000 * availableParallelism());
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const opsPerSecond = latencies.length / elapsed;
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const cpuPerOp = cpuMs / Math.max(1, latencies.length + errors);
  console.log(
    [
      pad(server.name, 12),
      pad(scenarioName, 12),
      pad(String(n), 4, true),
      pad(opsPerSecond.toFixed(0), 8, true),
      pad(quantile(0.5).toFixed(1), 8, true),
      pad(quantile(0.99).toFixed(1), 8, true),
      pad(String(errors), 7, true),
      pad(`${cpuPerOp.toFixed(2)} ms`, 14, true),
      pad(`${Math.max(0, others * 100).toFixed(0)}%`, 7, true),
    ].join(" "),
  );
  return { opsPerSecond };
}

function printRatios(results: Map<string, number>) {
  const pairs: Array<[string, string]> = [
    ["api", "web"],
    ["standalone", "api"],
    ["web", "next-start"],
    ["api-x2", "api"],
    ["tcp-x2", "api-x2"],
  ];
  console.log("\nThroughput ratios, same run (ops/s of the first over the second):");
  for (const [a, b] of pairs) {
    for (const scenario of SCENARIOS) {
      const cells = CONCURRENCY.map((n) => {
        const x = results.get(`${a}/${scenario}/${n}`);
        const y = results.get(`${b}/${scenario}/${n}`);
        return x && y ? `N=${n} ${(x / y).toFixed(2)}×` : null;
      }).filter(Boolean);
      if (cells.length)
        console.log(`${pad(`${a} / ${b}`, 24)} ${pad(scenario, 12)} ${cells.join("  ")}`);
    }
  }
}

function send(agent: Agent, baseUrl: string, spec: RequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (spec.cookie) headers.cookie = spec.cookie;
    if (spec.body) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(spec.body));
      headers.origin = baseUrl;
    }
    const req = request(`${baseUrl}${spec.path}`, { method: spec.method, agent, headers });
    req.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end(spec.body);
  });
}

/** CPU time (user + system) of a process and all its descendants, from /proc. */
function processTreeCpuMs(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop() as number;
    try {
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      const children = readFileSync(`/proc/${current}/task/${current}/children`, "utf8");
      for (const child of children.trim().split(/\s+/).filter(Boolean)) stack.push(Number(child));
    } catch {
      // the process ended
    }
  }
  return total;
}

/** Busy CPU time of the whole machine (all cores), from /proc/stat. */
function machineBusyMs(): number {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1, 8)
    .map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return ((user + nice + system + irq + softirq) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function pad(text: string, width: number, right = false) {
  return right ? text.padStart(width) : text.padEnd(width);
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

await main();
process.exit(0);
