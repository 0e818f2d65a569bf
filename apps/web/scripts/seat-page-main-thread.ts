// Measures the main-thread work of opening the seat page of the demo's 5,248-seat Taipei Arena in
// Chromium, on a desktop (1280 × 800) and a phone (390 × 844, touch), from navigation until the
// map is live and 1.5 s quiet. It reads the renderer's trace: the CPU time of each main-thread
// task (thread time, so other work on a shared machine does not inflate it), and, as Lighthouse's
// simulated mobile throttling does, multiplies it by 4 for the phone to get its blocking time
// (the part of each task beyond 50 ms). Also the elements in the map and those with an
// aria-label. Prints medians; asserts nothing.
//
//   pnpm --filter @openticket/web build
//   cd apps/web && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx scripts/seat-page-main-thread.ts [--runs 5]
//
// It creates its own database on DATABASE_URL's server (migrated, demo data), serves the
// production build with scripts/web-server.ts (as `pnpm start` does) and drops the database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDb } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { seedDemoData } from "@openticket/db/seed";
import getPort from "get-port";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/browser";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const SETUPS = [
  {
    label: "desktop 1280 × 800, en",
    viewport: { width: 1280, height: 800 },
    locale: "en-US",
    slowdown: 1,
  },
  {
    label: "phone 390 × 844, zh-TW, CPU 4×",
    viewport: { width: 390, height: 844 },
    locale: "zh-TW",
    slowdown: 4,
    phone: true,
  },
] as const;

type Run = Record<string, number>;

async function main() {
  const name = `openticket_mainthread_${randomBytes(4).toString("hex")}`;
  const admin = createDb(serverUrl);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | undefined;
  try {
    await migrate(databaseUrl);
    const db = createDb(databaseUrl);
    await seedDemoData(db);
    const arena = (
      await db.$queryRawUnsafe<{ id: string; seats: bigint }[]>(`
        SELECT e.id, (SELECT count(*) FROM event_seats es WHERE es.event_id = e.id) AS seats
        FROM events e JOIN venues v ON v.id = e.venue_id
        WHERE v.name = 'Taipei Arena' AND e.status = 'PUBLISHED' AND e.starts_at > now()
        ORDER BY (SELECT count(*) FROM event_seats es
                  WHERE es.event_id = e.id AND es.status = 'AVAILABLE') DESC LIMIT 1`)
    )[0];
    if (!arena) throw new Error("no arena event in the demo data");
    await db.$disconnect();

    const port = await getPort({ host: "127.0.0.1" });
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/web-server.ts",
        "--port",
        String(port),
        "--hostname",
        "127.0.0.1",
      ],
      {
        cwd: appDir,
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          NEXTAUTH_SECRET: "main-thread-secret-that-is-long-enough",
          NEXTAUTH_URL: baseUrl,
          NEXT_TELEMETRY_DISABLED: "1",
          HOLD_SWEEP_INTERVAL_SECONDS: "0",
          WEB_CONCURRENCY: "1",
        },
        stdio: "ignore",
      },
    );
    await waitForHttp(`${baseUrl}/api/auth/csrf`);

    const browser = await launchBrowser();
    const path = `/events/${arena.id}/seats`;
    console.log(`Seat page of ${Number(arena.seats).toLocaleString("en")} seats: ${path}`);
    console.log(`medians of ${RUNS} runs (one warm-up run first)\n`);
    const rows: [string, Run][] = [];
    for (const setup of SETUPS) {
      await measure(browser, baseUrl, path, setup); // warm-up: server caches, compiled code
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, baseUrl, path, setup));
      rows.push([setup.label, median(runs)]);
    }
    await browser.close();

    const columns = Object.keys(rows[0]?.[1] ?? {});
    console.log(`| seat page | ${columns.join(" | ")} |`);
    console.log(`| --- | ${columns.map(() => "---").join(" | ")} |`);
    for (const [label, run] of rows) {
      console.log(`| ${label} | ${columns.map((c) => run[c]?.toLocaleString("en")).join(" | ")} |`);
    }
  } finally {
    server?.kill("SIGKILL");
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.$disconnect();
  }
}

async function measure(
  browser: Browser,
  baseUrl: string,
  path: string,
  setup: (typeof SETUPS)[number],
): Promise<Run> {
  const phone = "phone" in setup;
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: setup.viewport,
    locale: setup.locale,
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
  });
  await page.goto(path);
  await page.getByTestId("live-indicator").waitFor({ timeout: 120_000 });
  // Quiet: whatever the map does after it went live (effects, late renders) is counted too.
  await page.waitForTimeout(1500);
  const trace = JSON.parse(String(await browser.stopTracing())) as { traceEvents: TraceEvent[] };
  const counts = await page.evaluate(() => ({
    svg: document.querySelectorAll("[data-testid=seat-map] *").length,
    named: document.querySelectorAll("[aria-label]").length,
  }));
  await context.close();
  // The page's main thread: the renderer thread that ran the most.
  const mains = trace.traceEvents.filter(
    (event) =>
      event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain",
  );
  const tasksOf = (main: TraceEvent) =>
    trace.traceEvents.filter(
      (event) =>
        event.pid === main.pid &&
        event.tid === main.tid &&
        event.ph === "X" &&
        event.name === "RunTask",
    );
  const tasks = mains.map(tasksOf).sort((a, b) => cpu(b) - cpu(a))[0] ?? [];
  const slow = setup.slowdown;
  const times = tasks.map((task) => ((task.tdur ?? task.dur ?? 0) / 1000) * slow);
  return {
    "main-thread CPU (ms)": Math.round(times.reduce((a, b) => a + b, 0)),
    "tasks over 50 ms": times.filter((time) => time > 50).length,
    "total blocking time (ms)": Math.round(times.reduce((sum, t) => sum + Math.max(0, t - 50), 0)),
    "longest task (ms)": Math.round(Math.max(0, ...times)),
    "elements in the map": counts.svg,
    "elements with aria-label": counts.named,
  };
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

function cpu(tasks: TraceEvent[]) {
  return tasks.reduce((sum, task) => sum + (task.tdur ?? 0), 0);
}

function median(runs: Run[]): Run {
  const result: Run = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((run) => run[key] ?? 0).sort((a, b) => a - b);
    result[key] = values[Math.floor(values.length / 2)] ?? 0;
  }
  return result;
}

async function waitForHttp(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

await main();
