// GET /api/metrics under `pnpm start`'s cluster (scripts/cluster.ts, two worker processes on one
// port): whichever worker gets the scrape answers with every worker's figures summed, so a
// counter counts every request the app served, not one worker's share of them.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";

const METRICS_TOKEN = "test-metrics-token-0123456789";
const REQUESTS = 24;

let app: AppServer;
let eventId: string;

beforeAll(async () => {
  app = await startAppServer({ workers: 2, env: { METRICS_TOKEN, LOG_LEVEL: "info" } });
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

async function scrape() {
  const response = await fetch(`${app.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

function seriesValue(text: string, series: string) {
  const found = text.split("\n").find((row) => row.startsWith(`${series} `));
  return found ? Number(found.slice(series.length + 1)) : 0;
}

/** The process ids that logged an access line for a request id starting with `prefix`. */
function answeringProcesses(prefix: string) {
  const pids = new Set<number>();
  for (const line of app.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; requestId?: string; pid?: number };
    if (entry.msg === "request" && entry.requestId?.startsWith(prefix) && entry.pid) {
      pids.add(entry.pid);
    }
  }
  return pids;
}

it("sums every worker's counters, whichever worker is scraped", async () => {
  const series = 'openticket_trpc_duration_seconds_count{procedure="event.byId",outcome="ok"}';
  const before = seriesValue(await scrape(), series);

  const input = encodeURIComponent(JSON.stringify({ json: { id: eventId } }));
  for (let index = 0; index < REQUESTS; index++) {
    // One connection per request: the cluster hands connections to its workers in turn.
    const response = await fetch(`${app.baseUrl}/api/trpc/event.byId?input=${input}`, {
      headers: { connection: "close", "x-request-id": `spread-${index}-0123456789` },
    });
    expect(response.status).toBe(200);
  }
  // Both workers answered some of them (else this test would prove nothing)...
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(answeringProcesses("spread-").size).toBe(2);

  // ...and every scrape, whichever worker takes it, counts all of them, from both workers.
  for (let scrapes = 0; scrapes < 4; scrapes++) {
    const text = await scrape();
    expect(seriesValue(text, series) - before).toBe(REQUESTS);
    // Two API servers and the two Next.js servers behind them.
    expect(seriesValue(text, 'openticket_cluster_workers{state="answered"}')).toBe(4);
    expect(seriesValue(text, 'openticket_cluster_workers{state="missing"}')).toBe(0);
  }
}, 120_000);
