// The cron routes (hold sweeper, job queue), the health routes for a load balancer, and live seat
// updates over server-sent events, through `next start`.
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer, TEST_CRON_SECRET } from "./app-server";
import { SessionClient } from "./session-client";

let app: AppServer;
let eventId: string;
let seatIds: string[];

beforeAll(async () => {
  app = await startAppServer();
  const { db } = app.database;
  const organizer = await makeUser(db, { role: "ORGANIZER" });
  const venue = await makeVenue(db, { ownerId: organizer.id });
  eventId = (await makeEvent(db, { organizerId: organizer.id, venueId: venue.id })).id;
  seatIds = (await db.eventSeat.findMany({ where: { eventId }, select: { id: true } })).map(
    (seat) => seat.id,
  );
});
afterAll(async () => {
  await app?.stop();
});

const readiness = async () => {
  const ready = await fetch(`${app.baseUrl}/api/health/ready`);
  expect(ready.headers.get("cache-control")).toBe("no-store");
  return { status: ready.status, body: await ready.json() };
};

describe("GET /api/health/live and /api/health/ready", () => {
  it("answer 200, never cached; ready names the database and the seat feed it checked", async () => {
    const live = await fetch(`${app.baseUrl}/api/health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get("cache-control")).toBe("no-store");
    // No seat map is open and the test server runs no hold sweeper: the feed is not needed yet.
    // (Once it is, readiness waits for it to listen: see the live-seats test below.)
    expect(await readiness()).toEqual({
      status: 200,
      body: { ready: true, database: "up", seatFeed: "idle" },
    });
  });
});

describe("GET /api/cron/sweep-holds", () => {
  const sweep = (authorization?: string) =>
    fetch(`${app.baseUrl}/api/cron/sweep-holds`, {
      headers: authorization ? { authorization } : {},
    });

  it("answers 401 without the secret or with a wrong one, and sweeps with the right one", async () => {
    const { db } = app.database;
    const buyer = await makeUser(db);
    const expired = new Date(Date.now() - 1000);
    await db.seatHold.createMany({
      data: seatIds.slice(0, 3).map((eventSeatId) => ({
        eventSeatId,
        eventId,
        userId: buyer.id,
        price: 1000,
        expiresAt: expired,
      })),
    });

    expect((await sweep()).status).toBe(401);
    expect((await sweep("Bearer wrong-secret")).status).toBe(401);
    expect((await sweep(TEST_CRON_SECRET)).status).toBe(401);
    expect(await db.seatHold.count({ where: { eventId } })).toBe(3);

    const swept = await sweep(`Bearer ${TEST_CRON_SECRET}`);
    expect(swept.status).toBe(200);
    expect(await swept.json()).toEqual({ swept: 3 });
    expect(await (await sweep(`Bearer ${TEST_CRON_SECRET}`)).json()).toEqual({ swept: 0 });
  });
});

describe("GET /api/cron/run-jobs", () => {
  it("answers 401 without the secret; with it, settles a payment left in flight past its deadline", async () => {
    const { db } = app.database;
    const buyer = await makeUser(db);
    const hourAgo = new Date(Date.now() - 3600_000);
    // A checkout that died before reaching the payment provider, an hour ago.
    const stranded = await db.order.create({
      data: {
        userId: buyer.id,
        eventId,
        status: "PENDING",
        total: 1000,
        idempotencyKey: "stranded-checkout",
        createdAt: hourAgo,
        paymentDueAt: hourAgo,
      },
    });
    const run = (authorization?: string) =>
      fetch(`${app.baseUrl}/api/cron/run-jobs`, {
        headers: authorization ? { authorization } : {},
      });
    expect((await run()).status).toBe(401);
    expect((await run("Bearer wrong-secret")).status).toBe(401);
    expect((await db.order.findUniqueOrThrow({ where: { id: stranded.id } })).status).toBe(
      "PENDING",
    );

    const ran = await run(`Bearer ${TEST_CRON_SECRET}`);
    expect(ran.status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: stranded.id } })).status).toBe(
      "EXPIRED",
    );
  });
});

describe("event.onSeatChange over server-sent events", () => {
  it("pushes a seat held by another user to an open seat map", async () => {
    const watcher = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ json: { eventId } }));
    const stream = await fetch(`${app.baseUrl}/api/trpc/event.onSeatChange?input=${input}`, {
      headers: { accept: "text/event-stream" },
      signal: watcher.signal,
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error("no body");
    let received = "";
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 15_000;
      while (!received.includes(needle) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
      }
      return received.includes(needle);
    };
    expect(await readUntil('"resync":true')).toBe(true);
    expect(await readiness()).toEqual({
      status: 200,
      body: { ready: true, database: "up", seatFeed: "listening" },
    });

    const buyer = new SessionClient(app.baseUrl);
    const registered = await buyer.trpc(
      "auth.register",
      { username: "live_buyer", email: "seat-watcher@example.com", password: "watch-it-live-2026" },
      { method: "POST" },
    );
    expect(registered.status).toBe(200);
    await buyer.signIn("live_buyer", "watch-it-live-2026");
    const held = await buyer.trpc(
      "reservation.hold",
      { eventId, seatIds: [seatIds[4]] },
      { method: "POST" },
    );
    expect(held.status).toBe(200);

    expect(await readUntil(seatIds[4] ?? "missing")).toBe(true);
    expect(received).toMatch(new RegExp(`"id":"${seatIds[4]}","status":"HELD"`));
    watcher.abort();
  });
});
