// Overload through real HTTP against `next start`, with a tiny cap (2 requests worked on, 2
// waiting): a burst beyond it gets fast 503s with Retry-After while the requests within it
// succeed; a client that gives up while waiting frees its place; a query past the time limit is
// answered 503 instead of hanging. Requests are made slow for real: a test transaction locks the
// events table, so every event.byId waits in PostgreSQL until the test lets go.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server";

const limits = {
  API_MAX_ACTIVE_REQUESTS: "2",
  API_MAX_QUEUED_REQUESTS: "2",
  API_MAX_WAIT_MS: "60000",
  RATE_LIMITS: "off",
  // No background jobs: the payment reconciler reads events too, and would wait on the test's
  // lock beside the requests being counted (CI once saw 3 waiting instead of 2).
  JOB_RUNNER: "off",
};

type Call = { answer: Promise<Response>; abort: () => void };

function eventById(app: AppServer, eventId: string): Call {
  const controller = new AbortController();
  const input = encodeURIComponent(JSON.stringify({ json: { id: eventId } }));
  const answer = fetch(`${app.baseUrl}/api/trpc/event.byId?input=${input}`, {
    signal: controller.signal,
  });
  answer.catch(() => {}); // aborted on purpose
  return { answer, abort: () => controller.abort() };
}

async function setUp(env: Record<string, string>) {
  const app = await startAppServer({ env: { ...limits, ...env } });
  try {
    return await prepare(app);
  } catch (error) {
    await app.stop();
    throw error;
  }
}

async function prepare(app: AppServer) {
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  const event = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
  // Warm up (compiles the route, opens the pool) so that the locked requests below are the
  // only ones in flight.
  // The first may pass a 1 s time limit while the process is still cold.
  for (let attempt = 1; (await eventById(app, event.id).answer).status !== 200; attempt++) {
    if (attempt === 10) throw new Error("event.byId never answered 200");
  }
  return { app, eventId: event.id };
}

/** Holds the events table locked until `release()`; `waiting()` counts blocked queries. */
async function lockEvents(app: AppServer) {
  const { db } = app.database;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");
      locked();
      await released;
    },
    { timeout: 120_000 },
  );
  await isLocked;
  return {
    waiting: async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return row?.n ?? 0;
    },
    release: async () => {
      release();
      await transaction;
    },
  };
}

async function expectBusy(response: Response, message = "The server is busy.") {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("2");
  const body = (await response.json()) as {
    error: { json: { message: string; data: { code: string } } };
  };
  expect(body.error.json.data.code).toBe("SERVICE_UNAVAILABLE");
  expect(body.error.json.message).toContain(message);
}

describe("a burst beyond the cap", () => {
  let app: AppServer;
  let eventId: string;
  let lock: Awaited<ReturnType<typeof lockEvents>> | undefined;

  beforeAll(async () => {
    ({ app, eventId } = await setUp({ API_TIME_LIMIT_SECONDS: "60" }));
  });
  afterEach(async () => {
    await lock?.release();
    lock = undefined;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("is refused at once with 503 + Retry-After while the requests within capacity succeed", async () => {
    lock = await lockEvents(app);
    const active = [eventById(app, eventId), eventById(app, eventId)];
    await expect.poll(() => lock?.waiting()).toBe(2);
    const queued = [eventById(app, eventId), eventById(app, eventId)];
    // Answered while the four above are still stuck: nothing waits for them.
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => eventById(app, eventId).answer),
    );
    for (const response of burst) await expectBusy(response);
    // The queued two never reached the database.
    expect(await lock.waiting()).toBe(2);

    await lock.release();
    lock = undefined;
    for (const call of [...active, ...queued]) expect((await call.answer).status).toBe(200);
  });

  it("a client that gives up while waiting frees its place in the queue", async () => {
    lock = await lockEvents(app);
    const active = [eventById(app, eventId), eventById(app, eventId)];
    await expect.poll(() => lock?.waiting()).toBe(2);
    const gaveUp = [eventById(app, eventId), eventById(app, eventId)];
    await expectBusy(await eventById(app, eventId).answer);
    for (const call of gaveUp) call.abort();
    // The server hears the connections close.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const later = [eventById(app, eventId), eventById(app, eventId)];
    // The queue is full again with these two, so they took the places of the ones that left.
    await expectBusy(await eventById(app, eventId).answer);
    await lock.release();
    lock = undefined;
    for (const call of [...active, ...later]) expect((await call.answer).status).toBe(200);
  });
});

describe("a query past the time limit", () => {
  let app: AppServer;
  let eventId: string;

  beforeAll(async () => {
    ({ app, eventId } = await setUp({ API_TIME_LIMIT_SECONDS: "1" }));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("is answered 503 + Retry-After, and keeps its slot until its work really ends", async () => {
    const lock = await lockEvents(app);
    try {
      const stuck = [eventById(app, eventId), eventById(app, eventId)];
      for (const call of stuck) await expectBusy(await call.answer, "took too long");
      // Still running in the database, so still counted: two more wait, the next is refused.
      expect(await lock.waiting()).toBe(2);
      const next = [eventById(app, eventId), eventById(app, eventId)];
      await expectBusy(await eventById(app, eventId).answer);
      await lock.release();
      for (const call of next) expect((await call.answer).status).toBe(200);
    } finally {
      await lock.release();
    }
  });
});
