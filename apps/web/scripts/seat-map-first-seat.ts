// How soon a buyer sees the seat map: in Chromium, the time from navigation to the first seat
// (or, on a venue that opens on its sections, the first section) drawn, on the demo's 304-seat
// hall and 5,248-seat arena, each on a cold browser (empty HTTP cache) and on a second visit;
// and the home page's load on a server that has just started, then again. Prints a table;
// asserts nothing. Runs the production server (scripts/web-server.ts) as `pnpm start` does.
//
//   pnpm --filter @openticket/web build
//   cd apps/web && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx scripts/seat-map-first-seat.ts [--runs 5]
//
// It creates its own database on DATABASE_URL's server (migrated, demo data) and drops it after.
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
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/** Resolves, in the page, with ms since navigation when the first seat or section is drawn. */
const FIRST_MARK = `
window.__firstMark = new Promise((resolve) => {
  const found = () => document.querySelector("[data-seat-id], [data-section-index]");
  const check = () => {
    if (!found()) return false;
    requestAnimationFrame(() => resolve(performance.now()));
    return true;
  };
  const start = () => {
    if (check()) return;
    new MutationObserver((_, observer) => check() && observer.disconnect()).observe(
      document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) start();
  else document.addEventListener("DOMContentLoaded", start);
});`;

async function main() {
  const name = `openticket_first_seat_${randomBytes(4).toString("hex")}`;
  const admin = createDb(serverUrl);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let server: ChildProcess | undefined;
  try {
    await migrate(url.toString());
    const db = createDb(url.toString());
    await seedDemoData(db);
    const eventAt = async (venue: string) =>
      (
        await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT e.id FROM events e JOIN venues v ON v.id = e.venue_id
           WHERE v.name = $1 AND e.status = 'PUBLISHED' AND e.starts_at > now()
           ORDER BY e.starts_at LIMIT 1`,
          venue,
        )
      )[0]?.id;
    const hall = await eventAt("Taichung Concert Hall");
    const arena = await eventAt("Taipei Arena");
    if (!hall || !arena) throw new Error("no hall or arena event in the demo data");
    await db.$disconnect();

    const port = await getPort({ host: "127.0.0.1" });
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        `${appDir}/scripts/web-server.ts`,
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
          DATABASE_URL: url.toString(),
          NEXTAUTH_SECRET: "first-seat-secret-that-is-long-enough",
          NEXTAUTH_URL: baseUrl,
          NEXT_TELEMETRY_DISABLED: "1",
          HOLD_SWEEP_INTERVAL_SECONDS: "0",
          RATE_LIMITS: "off",
        },
        stdio: "ignore",
      },
    );
    await waitForHttp(`${baseUrl}/api/health/live`);
    const browser = await launchBrowser();

    const home = [await loadHome(browser, baseUrl)];
    for (let i = 1; i < runs; i++) home.push(await loadHome(browser, baseUrl));
    console.log(
      `home page, navigation → load (ms): first after start ${home[0]}, then median ${median(home.slice(1))}`,
    );

    console.log(
      "\n| seat map | cold browser: median (min–max) ms | second visit: median (min–max) ms | layout requests before the first seat |",
    );
    console.log("| --- | --- | --- | --- |");
    for (const [label, eventId] of [
      ["hall 304 seats", hall],
      ["arena 5,248 seats", arena],
    ] as const) {
      const cold: number[] = [];
      const warm: number[] = [];
      let layoutRequests = 0;
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ baseURL: baseUrl, locale: "en-US" });
        await context.addInitScript({ content: FIRST_MARK });
        const page = await context.newPage();
        // The layout from its URL or through tRPC: a round trip the first seat waits for. Counted
        // on the cold visit, until its first seat is drawn.
        const counting = { on: true };
        page.on("request", (request) => {
          if (counting.on && /seat-layout|event\.seatLayout/.test(request.url())) layoutRequests++;
        });
        for (const into of [cold, warm]) {
          await page.goto(`/events/${eventId}/seats`);
          into.push(
            await page.evaluate(
              () => (window as unknown as { __firstMark: Promise<number> }).__firstMark,
            ),
          );
          counting.on = false;
        }
        await context.close();
      }
      console.log(
        `| ${label} | ${summary(cold)} | ${summary(warm)} | ${layoutRequests / runs} a visit |`,
      );
    }
    await browser.close();
  } finally {
    server?.kill("SIGKILL");
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.$disconnect();
  }
}

async function loadHome(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/", { waitUntil: "load" });
  const ms = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      "navigation",
    ) as PerformanceNavigationTiming[];
    return navigation?.loadEventEnd ?? 0;
  });
  await context.close();
  return Math.round(ms);
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

function summary(values: number[]) {
  return `${median(values)} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
}

async function waitForHttp(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

await main();
