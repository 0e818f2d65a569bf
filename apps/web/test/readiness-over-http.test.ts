// GET /api/health/ready as a load balancer sees it while the database goes away: the app server
// runs on a PostgreSQL of this test's own (embedded, so it can really be stopped), which is shut
// down and started again. Readiness turns 503 and says what is down, liveness stays 200 (a
// restart would not help), and both the database and the live seat feed come back by themselves.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@openticket/db";
import { type ResolvedDatabase, resolveDatabase } from "@openticket/db/database-url";
import { migrate } from "@openticket/db/migrate";
import { makeEvent, makeUser, makeVenue, type TestDatabase } from "@openticket/db/testing";
import getPort from "get-port";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";

let scratch: string;
let port: number;
let postgres: ResolvedDatabase | null = null;
let database: TestDatabase;
let app: AppServer;
let eventId: string;

/** Starts (or starts again) this test's PostgreSQL server, on the same port and data. */
async function startPostgres() {
  postgres = await resolveDatabase(
    { NODE_ENV: "test", OPENTICKET_DATA_DIR: scratch, EMBEDDED_POSTGRES_PORT: String(port) },
    () => {},
  );
  return postgres;
}

async function stopPostgres() {
  await postgres?.stop();
  postgres = null;
}

beforeAll(async () => {
  // A parent that the `postgres` user can enter (the embedded server runs as it under root).
  scratch = mkdtempSync(join(tmpdir(), "openticket-readiness-"));
  port = await getPort({ host: "127.0.0.1" });
  const { url } = await startPostgres();
  await migrate(url);
  const db = createDb(url);
  database = { url, name: "openticket", db, drop: () => db.$disconnect() };
  app = await startAppServer({ database });
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
  await stopPostgres();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

type Health = { status: number; body: { ready?: boolean; database?: string; seatFeed?: string } };

async function health(path: "ready" | "live"): Promise<Health> {
  const response = await fetch(`${app.baseUrl}/api/health/${path}`);
  return { status: response.status, body: await response.json() };
}

/** Asks readiness until `expected` matches (a load balancer polls the same way), or gives up. */
async function readinessUntil(expected: (health: Health) => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  let last = await health("ready");
  while (!expected(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await health("ready");
  }
  return last;
}

/** Opens the event's live seat stream, so the process's seat feed is needed and listening. */
async function watchSeats(signal: AbortSignal) {
  const input = encodeURIComponent(JSON.stringify({ json: { eventId } }));
  const stream = await fetch(`${app.baseUrl}/api/trpc/event.onSeatChange?input=${input}`, {
    headers: { accept: "text/event-stream" },
    signal,
  });
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  // Keep reading so the server keeps the stream open; what arrives does not matter here.
  void stream.body?.pipeTo(new WritableStream()).catch(() => {});
}

it("turns 503 while the database is stopped, stays live, and recovers when it returns", async () => {
  const watching = new AbortController();
  try {
    await watchSeats(watching.signal);
    expect(await readinessUntil((h) => h.body.seatFeed === "listening")).toEqual({
      status: 200,
      body: { ready: true, database: "up", seatFeed: "listening" },
    });

    await stopPostgres();
    const down = await readinessUntil((h) => h.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ready: false, database: "down" });
    // The process itself is fine: a liveness probe must not get it restarted.
    expect(await health("live")).toMatchObject({ status: 200 });
    // The seat feed has lost its connection too, and says so once it notices.
    expect((await readinessUntil((h) => h.body.seatFeed === "reconnecting")).body).toMatchObject({
      ready: false,
      seatFeed: "reconnecting",
    });

    await startPostgres();
    expect(
      await readinessUntil((h) => h.status === 200 && h.body.seatFeed === "listening"),
    ).toEqual({
      status: 200,
      body: { ready: true, database: "up", seatFeed: "listening" },
    });
    // And it serves again: an ordinary page reads the database.
    expect((await fetch(`${app.baseUrl}/events/${eventId}`)).status).toBe(200);
  } finally {
    watching.abort();
  }
}, 180_000);
