// What an operator reads from a running app server (scripts/web-server.ts): JSON log lines on
// stdout that share each request's id (echoed in X-Request-Id) and never hold a secret, and
// Prometheus metrics at GET /api/metrics behind METRICS_TOKEN that move with holds and checkouts.
import { createHmac } from "node:crypto";
import { makeEvent, makeUser, makeVenue } from "@openticket/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer, TEST_DEMO_PAYMENT_SECRET } from "./app-server";
import { SessionClient } from "./session-client";

const METRICS_TOKEN = "test-metrics-token-0123456789";
const account = { username: "log_buyer", email: "log@example.com", password: "never-in-logs-2026" };

let app: AppServer;
let eventId: string;
let seatIds: string[];

beforeAll(async () => {
  app = await startAppServer({ env: { METRICS_TOKEN, LOG_LEVEL: "info" } });
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

type LogLine = { level: string; msg: string; requestId?: string; [key: string]: unknown };

function logLines(): LogLine[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

async function waitForLog(match: (line: LogLine) => boolean) {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (logLines().some(match)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const scrape = (authorization?: string) =>
  fetch(`${app.baseUrl}/api/metrics`, { headers: authorization ? { authorization } : {} });

async function metricValue(line: string) {
  const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
  const found = text.split("\n").find((row) => row.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe("request ids and logs", () => {
  it("echo a sane X-Request-Id, replace an insane one, and put the id on all of a request's lines", async () => {
    // A signed webhook for a checkout nobody started: the api package logs a warning about it,
    // deep inside the request.
    const requestId = "test-unknown-hook-0001";
    const body = JSON.stringify({
      reference: "no-such-checkout",
      orderId: "00000000-0000-4000-8000-000000000000",
      state: { status: "paid", amount: 100, chargeReference: "no-such-checkout" },
    });
    const at = Math.floor(Date.now() / 1000);
    const v1 = createHmac("sha256", TEST_DEMO_PAYMENT_SECRET).update(`${at}.${body}`).digest("hex");
    const hook = await fetch(`${app.baseUrl}/api/payments/webhook/demo`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": requestId,
        "x-demo-signature": `t=${at},v1=${v1}`,
      },
      body,
    });
    expect(hook.headers.get("x-request-id")).toBe(requestId);
    await waitForLog((line) => line.requestId === requestId && line.msg === "request");
    const lines = logLines().filter((line) => line.requestId === requestId);
    expect(lines.map((line) => line.msg)).toEqual([
      "payment webhook for an unknown checkout: ignored",
      "request",
    ]);
    expect(lines[1]).toMatchObject({
      method: "POST",
      path: "/api/payments/webhook/demo",
      status: hook.status,
    });

    const insane = await fetch(`${app.baseUrl}/api/health/live`, {
      headers: { "x-request-id": "<script>" },
    });
    expect(insane.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await fetch(`${app.baseUrl}/api/health/live`);
    const freshId = fresh.headers.get("x-request-id");
    expect(freshId).toMatch(/^[0-9a-f-]{36}$/);
    await waitForLog((line) => line.requestId === freshId);
    expect(logLines().filter((line) => line.requestId === freshId)).toHaveLength(1);
  });
});

describe("GET /api/metrics", () => {
  it("refuses a scrape without the token or with a wrong one", async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain("openticket_");
    expect((await scrape("Bearer wrong-token-0123456789")).status).toBe(401);
    expect((await scrape(METRICS_TOKEN)).status).toBe(401);
    // Coming from this machine changes nothing once a token is set.
    const forged = await fetch(`${app.baseUrl}/api/metrics`, {
      headers: { "x-openticket-loopback": "1" },
    });
    expect(forged.status).toBe(401);
  });

  it("counts a hold, a hold conflict and a checkout, and shows the pool, the gate and the job queue", async () => {
    const held = 'openticket_holds_total{outcome="held"}';
    const conflicts = 'openticket_holds_total{outcome="conflict"}';
    const started = 'openticket_checkouts_total{outcome="started"}';
    const holdCalls =
      'openticket_trpc_duration_seconds_count{procedure="reservation.hold",outcome="ok"}';
    const holdBatches = 'openticket_reservation_batch_size_count{batcher="hold"}';
    const before = {
      held: await metricValue(held),
      conflicts: await metricValue(conflicts),
      started: await metricValue(started),
      holdCalls: await metricValue(holdCalls),
      holdBatches: await metricValue(holdBatches),
    };

    const buyer = new SessionClient(app.baseUrl);
    expect((await buyer.trpc("auth.register", account, { method: "POST" })).status).toBe(200);
    const link = new URL(await app.mail.link(account.email, "verify-email"));
    const token = link.searchParams.get("token") ?? "";
    expect((await buyer.trpc("auth.verifyEmail", { token }, { method: "POST" })).status).toBe(200);
    await buyer.signIn(account.username, account.password);
    const hold = { eventId, seatIds: [seatIds[0]] };
    expect((await buyer.trpc("reservation.hold", hold, { method: "POST" })).status).toBe(200);
    const checkout = await buyer.trpc(
      "order.checkout",
      { eventId, idempotencyKey: "metrics-checkout-1" },
      { method: "POST" },
    );
    expect(checkout.status).toBe(200);

    const rival = new SessionClient(app.baseUrl);
    const rivalAccount = {
      username: "log_rival",
      email: "rival@example.com",
      password: "second-buyer-pass-2026",
    };
    expect((await rival.trpc("auth.register", rivalAccount, { method: "POST" })).status).toBe(200);
    await rival.signIn(rivalAccount.username, rivalAccount.password);
    expect((await rival.trpc("reservation.hold", hold, { method: "POST" })).status).toBe(409);

    expect(await metricValue(held)).toBe(before.held + 1);
    expect(await metricValue(conflicts)).toBe(before.conflicts + 1);
    expect(await metricValue(started)).toBe(before.started + 1);
    expect(await metricValue(holdCalls)).toBe(before.holdCalls + 1);
    // The hold and the rival's attempt each went through the hold batcher (alone, here).
    expect(await metricValue(holdBatches)).toBe(before.holdBatches + 2);
    const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    // Summed over the app's two processes, the API server and Next.js, 10 connections each.
    expect(text).toMatch(/^openticket_db_pool_connections\{state="max"\} 20$/m);
    expect(text).toMatch(/^openticket_api_requests\{state="active"\} \d+$/m);
    expect(text).toMatch(/^openticket_job_queue_jobs\{state="due"\} \d+$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);

    // Nothing secret reached the log on the way: not the password, the verification token,
    // the session cookie or the metrics token.
    const log = app.output();
    expect(log).not.toContain(account.password);
    expect(log).not.toContain(rivalAccount.password);
    expect(log).not.toContain(token);
    expect(log).not.toContain(METRICS_TOKEN);
    expect(log).not.toMatch(/next-auth\.session-token=/);
    expect(logLines().length).toBeGreaterThan(10);
  });

  it("shows an open waiting room's line and admission rate", async () => {
    const { db } = app.database;
    const organizer = await makeUser(db, { role: "ORGANIZER" });
    const venue = await makeVenue(db, { ownerId: organizer.id });
    const room = await makeEvent(db, { organizerId: organizer.id, venueId: venue.id });
    const waiting = `openticket_waiting_room_people{event="${room.id}",state="waiting"}`;
    const rate = `openticket_waiting_room_admissions_per_minute{event="${room.id}"}`;
    expect(await metricValue(rate)).toBe(0); // no waiting room: no series
    // Open since a moment ago, admitting nobody yet; a newcomer joins the line.
    await db.event.update({
      where: { id: room.id },
      data: {
        waitingRoomOpensAt: new Date(Date.now() - 1_000),
        admissionsPerMinute: 1,
        rateChangedAt: new Date(),
      },
    });
    const buyer = new SessionClient(app.baseUrl);
    const newcomer = {
      username: "log_queuer",
      email: "queue@example.com",
      password: "in-line-2026",
    };
    expect((await buyer.trpc("auth.register", newcomer, { method: "POST" })).status).toBe(200);
    await buyer.signIn(newcomer.username, newcomer.password);
    const joined = await buyer.trpc("waitingRoom.join", { eventId: room.id }, { method: "POST" });
    expect(joined.status).toBe(200);
    // The two gauges are read from one reading per second: wait for a fresh one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await metricValue(waiting)).toBe(1);
    expect(await metricValue(rate)).toBe(1);
  });
});
